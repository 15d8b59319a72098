package com.harborcrm.tag;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.customer.Customer;
import com.harborcrm.customer.CustomerDtos.CustomerView;
import com.harborcrm.customer.CustomerEventLog;
import com.harborcrm.customer.CustomerEventType;
import com.harborcrm.customer.CustomerService;
import com.harborcrm.tag.TagDtos.CreateTagRequest;
import com.harborcrm.tag.TagDtos.TagView;

/** The store's tags and which customers carry them. */
@ApplicationScoped
public class TagService {

    public static final int MAX_TAGS_PER_STORE = 1000;
    private static final java.util.regex.Pattern COLOR = java.util.regex.Pattern.compile(TagDtos.COLOR);

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    CustomerService customers;

    @Inject
    CustomerEventLog events;

    public List<TagView> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select t.id, t.name, t.color, t.group_name, t.version,
                       (select count(*) from customer_tags ct where ct.store_id = t.store_id and ct.tag_id = t.id)
                from tags t where t.store_id = ?1
                order by t.group_name nulls first, lower(t.name), t.id""")
                .setParameter(1, tenant.storeId()).getResultList();
        return rows.stream().map(r -> new TagView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], ((Number) r[5]).longValue(), ((Number) r[4]).longValue())).toList();
    }

    @Transactional
    public TagView create(CreateTagRequest request) {
        String name = request.name().trim();
        ensureNameFree(name, null);
        if (Tag.count() >= MAX_TAGS_PER_STORE) {
            throw DomainException.invalid("name", "a store has at most " + MAX_TAGS_PER_STORE + " tags");
        }
        Instant now = clock.instant();
        Tag tag = new Tag();
        tag.name = name;
        tag.color = request.color().toUpperCase(Locale.ROOT);
        tag.group = blankToNull(request.group());
        tag.createdAt = now;
        tag.updatedAt = now;
        tag.persist();
        em.flush();
        return view(tag, 0);
    }

    /** A JSON merge patch of name, color and group. */
    @Transactional
    public TagView update(long id, ObjectNode patch, Long expectedVersion) {
        com.harborcrm.common.web.Text.requireNoNul(patch);
        Tag tag = find(id);
        if (expectedVersion != null && expectedVersion != tag.version) {
            throw new DomainException(ProblemType.PRECONDITION_FAILED, "This tag was changed by someone else: reload and try again");
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            JsonNode value = member.getValue();
            switch (member.getKey()) {
                case "name" -> {
                    if (!value.isTextual() || value.asText().isBlank() || value.asText().trim().length() > 60) {
                        errors.add(FieldError.length("name", 1, 60, "must be a non-blank string of at most 60 characters"));
                    } else if (!value.asText().trim().equals(tag.name)) {
                        ensureNameFree(value.asText().trim(), tag.id);
                        tag.name = value.asText().trim();
                    }
                }
                case "color" -> {
                    if (!value.isTextual() || !COLOR.matcher(value.asText()).matches()) {
                        errors.add(FieldError.of("color", FieldError.Code.FORMAT, TagDtos.COLOR_MESSAGE));
                    } else {
                        tag.color = value.asText().toUpperCase(Locale.ROOT);
                    }
                }
                case "group" -> {
                    if (!value.isNull() && (!value.isTextual() || value.asText().trim().length() > 60)) {
                        errors.add(FieldError.length("group", 0, 60, "must be a string of at most 60 characters, or null"));
                    } else {
                        tag.group = value.isNull() ? null : blankToNull(value.asText());
                    }
                }
                default -> errors.add(FieldError.notWritable(member.getKey(),
                        Set.of("id", "version", "customerCount").contains(member.getKey())));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        tag.updatedAt = clock.instant();
        em.flush();
        return view(tag, countCustomers(tag.id));
    }

    /** Removes the tag from every customer (recorded on their timelines), then deletes it. */
    @Transactional
    public void delete(long id) {
        Tag tag = find(id);
        em.createNativeQuery("""
                insert into customer_events (store_id, customer_id, type, at, actor_id, data)
                select ct.store_id, ct.customer_id, 'TAGS_CHANGED', ?3, ?4,
                       jsonb_build_object('ownerId', o.owner_id, 'stage', c.stage, 'added', '[]'::jsonb,
                                          'removed', jsonb_build_array(ct.tag_id), 'deletedTag', cast(?5 as text))
                from customer_tags ct join customers c on c.store_id = ct.store_id and c.id = ct.customer_id
                join customer_owners o on o.store_id = ct.store_id and o.customer_id = ct.customer_id
                where ct.store_id = ?1 and ct.tag_id = ?2""")
                .setParameter(1, tenant.storeId()).setParameter(2, id).setParameter(3, clock.instant())
                .setParameter(4, currentUser.id()).setParameter(5, tag.name).executeUpdate();
        em.createNativeQuery("delete from customer_tags where store_id = ?1 and tag_id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, id).executeUpdate();
        tag.delete();
    }

    /** Replaces a customer's tags by exactly {@code tagIds}. */
    @Transactional
    public CustomerView setCustomerTags(long customerId, List<Long> tagIds) {
        Customer customer = customers.findEditable(customerId, LockModeType.PESSIMISTIC_WRITE);
        Set<Long> wanted = new TreeSet<>(tagIds);
        List<Long> unknown = new ArrayList<>();
        for (Long tagId : wanted) {
            if (Tag.findById(tagId) == null) {
                unknown.add(tagId);
            }
        }
        if (!unknown.isEmpty()) {
            throw DomainException.invalid("tagIds", "are not tags of this store: " + unknown);
        }
        Set<Long> current = new TreeSet<>(customers.tagsOf(customerId).stream().map(t -> t.id()).toList());
        Set<Long> added = new LinkedHashSet<>(wanted);
        added.removeAll(current);
        Set<Long> removed = new LinkedHashSet<>(current);
        removed.removeAll(wanted);
        for (Long tagId : removed) {
            em.createNativeQuery("delete from customer_tags where store_id = ?1 and customer_id = ?2 and tag_id = ?3")
                    .setParameter(1, tenant.storeId()).setParameter(2, customerId).setParameter(3, tagId).executeUpdate();
        }
        for (Long tagId : added) {
            em.createNativeQuery("insert into customer_tags (store_id, customer_id, tag_id) values (?1, ?2, ?3)")
                    .setParameter(1, tenant.storeId()).setParameter(2, customerId).setParameter(3, tagId).executeUpdate();
        }
        if (!added.isEmpty() || !removed.isEmpty()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("ownerId", customer.ownerId);
            data.put("stage", customer.stage.name());
            data.put("added", List.copyOf(added));
            data.put("removed", List.copyOf(removed));
            events.record(customerId, CustomerEventType.TAGS_CHANGED, clock.instant(), currentUser.id(), data);
        }
        return customers.view(customer);
    }

    private void ensureNameFree(String name, Long exceptId) {
        // Serializes creators of one name; the unique index (store_id, lower(name)) is the last line.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, ?2))")
                .setParameter(1, "tag:" + name.toLowerCase(Locale.ROOT)).setParameter(2, tenant.storeId())
                .getSingleResult();
        long taken = Tag.count("lower(name) = ?1 and id <> ?2", name.toLowerCase(Locale.ROOT),
                exceptId == null ? -1L : exceptId);
        if (taken > 0) {
            throw new DomainException(ProblemType.TAG_NAME_TAKEN, "A tag named \"" + name + "\" already exists",
                    List.of(FieldError.taken("name", "is already used by another tag")), Map.of(), Map.of());
        }
    }

    private long countCustomers(long tagId) {
        return ((Number) em.createNativeQuery("select count(*) from customer_tags where store_id = ?1 and tag_id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, tagId).getSingleResult()).longValue();
    }

    private Tag find(long id) {
        Tag tag = Tag.findById(id);
        if (tag == null) {
            throw DomainException.notFound("Tag " + id);
        }
        return tag;
    }

    private static TagView view(Tag tag, long customerCount) {
        return new TagView(tag.id, tag.name, tag.color, tag.group, customerCount, tag.version);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
