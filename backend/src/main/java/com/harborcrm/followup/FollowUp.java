package com.harborcrm.followup;

import java.time.Instant;

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

/** One contact with a customer, by its author. */
@Entity
@Table(name = "follow_ups")
public class FollowUp extends PanacheEntityBase {

    @TenantId
    @JdbcTypeCode(SqlTypes.BIGINT)
    @Column(name = "store_id", nullable = false, updatable = false)
    public String storeId;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    public long customerId;

    @Column(name = "author_id", nullable = false, updatable = false)
    public long authorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public FollowUpType type;

    @Column(nullable = false, length = 10000)
    public String content;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "next_follow_up_at")
    public Instant nextFollowUpAt;

    /** False for mass mail that must not reset the pool timer (a campaign's switch): refreshCustomer skips it. */
    @Column(name = "counts_for_timer", nullable = false, updatable = false)
    public boolean countsForTimer = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
