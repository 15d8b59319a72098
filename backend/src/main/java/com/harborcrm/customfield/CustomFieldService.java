package com.harborcrm.customfield;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.customfield.CustomFieldDtos.CreateCustomFieldRequest;
import com.harborcrm.customfield.CustomFieldDtos.CustomFieldView;
import com.harborcrm.customfield.CustomFieldDtos.UpdateCustomFieldRequest;

/** The store's custom field definitions (admins write, everyone reads). */
@ApplicationScoped
public class CustomFieldService {

    public static final int MAX_FIELDS_PER_STORE = 100;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    Clock clock;

    public List<CustomFieldView> list() {
        return CustomFieldDefinition.<CustomFieldDefinition>list("order by id").stream().map(CustomFieldView::of).toList();
    }

    @Transactional
    public CustomFieldView create(CreateCustomFieldRequest request) {
        List<String> options = checkedOptions(request.type(), request.options());
        // Serializes creators of one key; the unique constraint (store_id, key) is the last line.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, ?2))")
                .setParameter(1, "custom-field:" + request.key()).setParameter(2, tenant.storeId()).getSingleResult();
        if (CustomFieldDefinition.count("key", request.key()) > 0) {
            throw new DomainException(ProblemType.CONFLICT, "A custom field with key " + request.key() + " exists",
                    List.of(FieldError.taken("key", "is already used")), java.util.Map.of(), java.util.Map.of());
        }
        if (CustomFieldDefinition.count() >= MAX_FIELDS_PER_STORE) {
            throw DomainException.invalid("key", "a store has at most " + MAX_FIELDS_PER_STORE + " custom fields");
        }
        Instant now = clock.instant();
        CustomFieldDefinition definition = new CustomFieldDefinition();
        definition.key = request.key();
        definition.label = request.label().trim();
        definition.type = request.type();
        definition.options = options;
        definition.required = Boolean.TRUE.equals(request.required());
        definition.createdAt = now;
        definition.updatedAt = now;
        definition.persist();
        em.flush();
        return CustomFieldView.of(definition);
    }

    @Transactional
    public CustomFieldView update(long id, UpdateCustomFieldRequest request, Long expectedVersion) {
        CustomFieldDefinition definition = find(id);
        if (expectedVersion != null && expectedVersion != definition.version) {
            throw new DomainException(ProblemType.PRECONDITION_FAILED,
                    "This custom field was changed by someone else: reload and try again");
        }
        if (request.label() != null) {
            if (request.label().isBlank()) {
                throw DomainException.invalid(FieldError.of("label", FieldError.Code.REQUIRED, "must not be blank"));
            }
            definition.label = request.label().trim();
        }
        if (request.options() != null) {
            definition.options = checkedOptions(definition.type, request.options());
        }
        if (request.required() != null) {
            definition.required = request.required();
        }
        definition.updatedAt = clock.instant();
        em.flush();
        return CustomFieldView.of(definition);
    }

    /** Also removes the field's values from every customer of the store. */
    @Transactional
    public void delete(long id) {
        CustomFieldDefinition definition = find(id);
        em.createNativeQuery("update customers set custom_fields = custom_fields - ?2 "
                + "where store_id = ?1 and jsonb_exists(custom_fields, ?2)")
                .setParameter(1, tenant.storeId()).setParameter(2, definition.key).executeUpdate();
        definition.delete();
    }

    private CustomFieldDefinition find(long id) {
        CustomFieldDefinition definition = CustomFieldDefinition.findById(id);
        if (definition == null) {
            throw DomainException.notFound("Custom field " + id);
        }
        return definition;
    }

    private static List<String> checkedOptions(CustomFieldType type, List<String> options) {
        List<String> given = options == null ? List.of() : options;
        if (type.hasOptions() && given.isEmpty()) {
            throw DomainException.invalid("options", "must list the choices of a " + type + " field");
        }
        if (!type.hasOptions() && !given.isEmpty()) {
            throw DomainException.invalid("options", "are only allowed for SELECT and MULTI_SELECT fields");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String option : given) {
            if (!distinct.add(option.trim())) {
                throw DomainException.invalid("options", "must not repeat " + option.trim());
            }
        }
        return new ArrayList<>(distinct);
    }
}
