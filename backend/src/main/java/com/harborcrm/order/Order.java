package com.harborcrm.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

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

/** A quotation, sample order or order of one customer. Its lines live in order_lines (see {@link OrderLines}). */
@Entity
@Table(name = "orders")
public class Order extends PanacheEntityBase {

    @TenantId
    @JdbcTypeCode(SqlTypes.BIGINT)
    @Column(name = "store_id", nullable = false, updatable = false)
    public String storeId;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id", nullable = false)
    public long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public OrderKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public OrderStatus status;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(nullable = false, precision = 18, scale = 4)
    public BigDecimal subtotal = BigDecimal.ZERO;

    @Column(name = "discount_total", nullable = false, precision = 18, scale = 4)
    public BigDecimal discountTotal = BigDecimal.ZERO;

    @Column(nullable = false, precision = 18, scale = 4)
    public BigDecimal total = BigDecimal.ZERO;

    @Column(length = 3)
    public String incoterm;

    @Column(name = "expected_ship_date")
    public LocalDate expectedShipDate;

    @Column(length = 5000)
    public String notes;

    @Column(name = "converted_from_id")
    public Long convertedFromId;

    @Column(name = "owner_id")
    public Long ownerId;

    @Column(name = "created_by", nullable = false, updatable = false)
    public long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "shipped_at")
    public Instant shippedAt;

    @Version
    public long version;
}
