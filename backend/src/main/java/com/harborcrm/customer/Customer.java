package com.harborcrm.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

/** A customer file. {@code ownerId == null} means the customer is in the store's pool. */
@Entity
@Table(name = "customers")
public class Customer extends PanacheEntityBase {

    @TenantId
    @JdbcTypeCode(SqlTypes.BIGINT)
    @Column(name = "store_id", nullable = false, updatable = false)
    public String storeId;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "company_name", length = 200)
    public String companyName;

    @Column(length = 120)
    public String position;

    @Column(length = 254)
    public String email;

    @Column(length = 40)
    public String phone;

    @Column(length = 40)
    public String mobile;

    @Column(length = 40)
    public String fax;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "im_accounts", nullable = false)
    public List<ImAccount> imAccounts = new ArrayList<>();

    @Column(length = 500)
    public String website;

    @Column(length = 2)
    public String country;

    @Column(length = 120)
    public String region;

    @Column(length = 120)
    public String city;

    @Column(length = 500)
    public String address;

    @Column(length = 20)
    public String postcode;

    @Column(name = "business_type", length = 120)
    public String businessType;

    @Column(name = "main_products", length = 1000)
    public String mainProducts;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "purchase_categories", nullable = false)
    public List<String> purchaseCategories = new ArrayList<>();

    @Column(name = "annual_purchase_amount", length = 60)
    public String annualPurchaseAmount;

    @Column(name = "company_size", length = 60)
    public String companySize;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public CustomerSource source = CustomerSource.MANUAL;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public CustomerStage stage = CustomerStage.UNMARKED;

    @Column(nullable = false)
    public short stars;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public CustomerStatus status = CustomerStatus.ACTIVE;

    @Column(columnDefinition = "text")
    public String notes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "custom_fields", nullable = false)
    public Map<String, Object> customFields = new LinkedHashMap<>();

    /**
     * Read from the customer's ownership row (customer_owners, V78); written there by {@link Ownership} and the
     * pool's statements, never through this entity.
     */
    @org.hibernate.annotations.Formula("(select o.owner_id from customer_owners o where o.store_id = store_id "
            + "and o.customer_id = id)")
    public Long ownerId;

    /** The pool the customer is in, or remembers while owned (customer_owners.pool_id, V94). */
    @org.hibernate.annotations.Formula("(select o.pool_id from customer_owners o where o.store_id = store_id "
            + "and o.customer_id = id)")
    public Long poolId;

    @Column(name = "email_norm", length = 254)
    public String emailNorm;

    @Column(name = "phone_digits", length = 40)
    public String phoneDigits;

    @Column(name = "mobile_digits", length = 40)
    public String mobileDigits;

    @Column(name = "potential_score", nullable = false)
    public short potentialScore;

    @Column(name = "inquiry_count", nullable = false)
    public int inquiryCount;

    @Column(name = "last_inquiry_at")
    public Instant lastInquiryAt;

    @Column(name = "last_follow_up_at")
    public Instant lastFollowUpAt;

    @Column(name = "next_follow_up_at")
    public Instant nextFollowUpAt;

    /** Until when {@link #potentialScore} includes the recent-activity points; null: it does not. */
    @Column(name = "score_recent_until")
    public Instant scoreRecentUntil;

    /** When the customer entered its current stage; kept by the database (trigger customers_stage_clock, V60). */
    @Column(name = "stage_since", insertable = false, updatable = false)
    public Instant stageSince;

    @Column(name = "created_by", updatable = false)
    public Long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isInPool() {
        return ownerId == null;
    }
}
