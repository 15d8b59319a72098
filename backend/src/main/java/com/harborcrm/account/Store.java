package com.harborcrm.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A merchant account: the tenant. Its id is the {@code store_id} of every store-owned row. */
@Entity
@Table(name = "stores")
public class Store extends PanacheEntityBase {

    /** Allocated before the row is written, so the new store can be entered as the tenant first. */
    @Id
    public Long id;

    @Column(nullable = false, length = 120)
    public String name;

    @Column(name = "time_zone", nullable = false, length = 64)
    public String timeZone;

    /** en or zh-CN: the language of the names Harbor seeds for the store (lost reasons). */
    @Column(nullable = false, length = 8)
    public String language;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
