package com.harborcrm.inquiry;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import com.harborcrm.inquiry.InquiryDtos.InquiryContact;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An inquiry received for a customer. Written once; a merge moves it to the surviving customer. */
@Entity
@Table(name = "inquiries")
public class Inquiry extends PanacheEntityBase {

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
    @Column(nullable = false, length = 24)
    public InquiryChannel channel;

    @Column(length = 200)
    public String product;

    /** The catalogue product {@link #product} was matched to when the inquiry arrived; null when none was. */
    @Column(name = "product_id")
    public Long productId;

    @Column(length = 10000)
    public String message;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public InquiryContact contact;

    @Column(nullable = false)
    public boolean repeat;

    /** The customer's owner when the inquiry arrived; null: in the pool. */
    @Column(name = "owner_id")
    public Long ownerId;

    /** The owner differs from the owner at the customer's previous inquiry (decided on arrival). */
    @Column(name = "owner_changed", nullable = false)
    public boolean ownerChanged;

    @Column(name = "previous_owner_id")
    public Long previousOwnerId;

    @Column(name = "created_by", updatable = false)
    public Long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
