package com.harborcrm.customfield;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A store-defined customer attribute; values live in {@code customers.custom_fields} under {@link #key}. */
@Entity
@Table(name = "custom_field_definitions")
public class CustomFieldDefinition extends PanacheEntityBase {

    @TenantId
    @JdbcTypeCode(SqlTypes.BIGINT)
    @Column(name = "store_id", nullable = false, updatable = false)
    public String storeId;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Immutable: stored values are keyed by it. */
    @Column(nullable = false, length = 40, updatable = false)
    public String key;

    @Column(nullable = false, length = 80)
    public String label;

    /** Immutable: changing it would invalidate stored values. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    public CustomFieldType type;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> options = new ArrayList<>();

    @Column(nullable = false)
    public boolean required;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
