package com.harborcrm.view;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.customer.CustomerFilter;
import com.harborcrm.customer.CustomerQuery;
import com.harborcrm.customer.CustomerSort;
import com.harborcrm.view.SavedViewDtos.SavedViewRequest;
import com.harborcrm.view.SavedViewDtos.SavedViewView;

/** Saved customer screens; each user sees and changes only their own. */
@ApplicationScoped
public class SavedViewService {

    public static final int MAX_VIEWS_PER_USER = 50;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper mapper;

    @Inject
    CustomerQuery queries;

    public List<SavedViewView> list() {
        return SavedView.<SavedView>list("userId = ?1 order by lower(name), id", currentUser.id()).stream()
                .map(this::view).toList();
    }

    public SavedViewView get(long id) {
        return view(find(id));
    }

    /** The saved filter and sort of one of the caller's views, for screening with {@code ?view=}. */
    public Map.Entry<CustomerFilter, String> screen(long id) {
        SavedView view = SavedView.find("id = ?1 and userId = ?2", id, currentUser.id()).firstResult();
        if (view == null) {
            throw DomainException.invalid("view", "is not one of your saved views");
        }
        return Map.entry(filterOf(view), view.sort);
    }

    @Transactional
    public SavedViewView create(SavedViewRequest request) {
        lockNames();
        if (SavedView.count("userId", currentUser.id()) >= MAX_VIEWS_PER_USER) {
            throw DomainException.invalid("name", "a user has at most " + MAX_VIEWS_PER_USER + " saved views");
        }
        SavedView view = new SavedView();
        view.userId = currentUser.id();
        view.createdAt = clock.instant();
        apply(view, request);
        view.persist();
        em.flush();
        return view(view);
    }

    @Transactional
    public SavedViewView replace(long id, SavedViewRequest request, Long expectedVersion) {
        SavedView view = find(id);
        if (expectedVersion != null && expectedVersion != view.version) {
            throw new DomainException(ProblemType.PRECONDITION_FAILED, "This view was changed meanwhile: reload and try again");
        }
        lockNames();
        apply(view, request);
        em.flush();
        return view(view);
    }

    @Transactional
    public void delete(long id) {
        find(id).delete();
    }

    private void apply(SavedView view, SavedViewRequest request) {
        String name = request.name().trim();
        if (SavedView.count("userId = ?1 and lower(name) = ?2 and id <> ?3", currentUser.id(),
                name.toLowerCase(Locale.ROOT), view.id == null ? -1L : view.id) > 0) {
            throw new DomainException(ProblemType.CONFLICT, "You already have a view named \"" + name + "\"",
                    List.of(FieldError.taken("name", "is already used by another of your views")), Map.of(), Map.of());
        }
        CustomerFilter filter = request.filter() == null ? CustomerFilter.ALL : request.filter();
        try {
            queries.where(filter, false);
        } catch (DomainException e) {
            throw DomainException.invalid(e.fieldErrors().stream()
                    .map(f -> f.at("filter." + f.field())).toList());
        }
        CustomerSort.Spec sort;
        try {
            sort = CustomerSort.Spec.parse(request.sort());
        } catch (DomainException e) {
            throw DomainException.invalid("sort", e.fieldErrors().get(0).message());
        }
        try {
            view.filter = mapper.writeValueAsString(filter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        view.name = name;
        view.sort = sort.toString();
        view.updatedAt = clock.instant();
    }

    /** Serializes one user's renames so two can never take one name; the unique index is the last line. */
    private void lockNames() {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, ?2))")
                .setParameter(1, "views:" + currentUser.id()).setParameter(2, tenant.storeId()).getSingleResult();
    }

    private SavedView find(long id) {
        SavedView view = SavedView.find("id = ?1 and userId = ?2", id, currentUser.id()).firstResult();
        if (view == null) {
            throw DomainException.notFound("View " + id);
        }
        return view;
    }

    private CustomerFilter filterOf(SavedView view) {
        try {
            return mapper.readValue(view.filter, CustomerFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Saved view " + view.id + " holds an unreadable filter", e);
        }
    }

    private SavedViewView view(SavedView view) {
        return new SavedViewView(view.id, view.name, filterOf(view), view.sort, view.version);
    }
}
