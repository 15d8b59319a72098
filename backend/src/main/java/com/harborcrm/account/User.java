package com.harborcrm.account;

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

import com.harborcrm.common.security.Role;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A sub-account of a store. */
@Entity
@Table(name = "users")
public class User extends PanacheEntityBase {

    /**
     * Quarkus hands Hibernate the tenant as a string; the column stays a bigint. Read it through
     * {@link #storeId()}.
     */
    @TenantId
    @JdbcTypeCode(SqlTypes.BIGINT)
    @Column(name = "store_id", nullable = false, updatable = false)
    public String storeId;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 120)
    public String name;

    /** Normalized: trimmed and lower-case. */
    @Column(nullable = false, length = 254)
    public String email;

    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Role role;

    @Column(nullable = false)
    public boolean active = true;

    /** A label grouping people for the activity feed's and summaries' team filter; null: none. */
    public String team;

    /** An API key's service principal (apikey/): never signs in, never owns customers, not on the team. */
    @Column(nullable = false, updatable = false)
    public boolean service;

    /** On leave from this day to that one, both included (automatic distribution skips the user); null: not. */
    @Column(name = "leave_from")
    public java.time.LocalDate leaveFrom;

    @Column(name = "leave_until")
    public java.time.LocalDate leaveUntil;

    /** Whom the escalation ladder copies when this user's customers are about to return (V98); null: nobody. */
    @Column(name = "manager_id")
    public Long managerId;

    @Column(name = "token_version", nullable = false)
    public int tokenVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public long storeId() {
        return Long.parseLong(storeId);
    }

    /** Whether customers can be given to this user: an active person, not an API key. */
    public boolean canOwnCustomers() {
        return active && !service;
    }

    /** Tokens issued before this call stop working. */
    public void revokeTokens() {
        tokenVersion++;
    }
}
