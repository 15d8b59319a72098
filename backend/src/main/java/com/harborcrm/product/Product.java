package com.harborcrm.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A catalogue entry. Its stock ({@link #onHand}, {@link #reserved}) is read here but written only by
 * {@link StockLedger}, together with the movement that explains it.
 */
@Entity
@Table(name = "products")
public class Product extends PanacheEntityBase {

    @TenantId
    @JdbcTypeCode(SqlTypes.BIGINT)
    @Column(name = "store_id", nullable = false, updatable = false)
    public String storeId;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 64)
    public String sku;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 5000)
    public String description;

    @Column(length = 100)
    public String category;

    @Column(nullable = false, length = 20)
    public String unit;

    @Column(name = "list_price", precision = 18, scale = 4)
    public BigDecimal listPrice;

    @Column(nullable = false, length = 3)
    public String currency;

    public Integer moq;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "image_url", length = 2000)
    public String imageUrl;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> attributes = new LinkedHashMap<>();

    @Column(name = "on_hand", insertable = false, updatable = false)
    public long onHand;

    @Column(insertable = false, updatable = false)
    public long reserved;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
