package com.harborcrm.product;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.money.Money;
import com.harborcrm.common.paging.Cursor;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.sql.SqlArrays;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.web.MergePatch;
import com.harborcrm.product.ProductDtos.MovementKind;
import com.harborcrm.product.ProductDtos.ProductInput;
import com.harborcrm.product.ProductDtos.ProductPage;
import com.harborcrm.product.ProductDtos.ProductView;
import com.harborcrm.product.ProductDtos.StockMovementInput;
import com.harborcrm.product.ProductDtos.StockMovementPage;
import com.harborcrm.product.ProductDtos.StockMovementResult;
import com.harborcrm.product.ProductDtos.StockMovementView;

/** The catalogue: products, their search, and the manual stock movements (receipts and count corrections). */
@ApplicationScoped
public class ProductService {

    private static final Set<String> READ_ONLY = Set.of("id", "stock", "createdAt", "updatedAt", "version");

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    StockLedger ledger;

    @Transactional
    public ProductView create(ProductInput input) {
        checkRules(input);
        ensureSkuFree(input.sku(), null);
        Instant now = clock.instant();
        Product product = new Product();
        apply(product, input);
        product.createdAt = now;
        product.updatedAt = now;
        product.persist();
        em.flush();
        return ProductView.of(product);
    }

    public ProductView get(long id) {
        return ProductView.of(find(id, LockModeType.NONE));
    }

    /** A JSON merge patch of the writable members, checked by the same rules as a create. */
    @Transactional
    public ProductView update(long id, ObjectNode patch, Long expectedVersion) {
        Product product = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (expectedVersion != null && expectedVersion != product.version) {
            throw new DomainException(ProblemType.PRECONDITION_FAILED,
                    "This product was changed by someone else: reload it and try again");
        }
        ProductInput input = MergePatch.apply(mapper, validator, inputOf(product), patch, ProductInput.class, READ_ONLY);
        checkRules(input);
        if (!input.sku().equalsIgnoreCase(product.sku)) {
            ensureSkuFree(input.sku(), product.id);
        }
        apply(product, input);
        product.updatedAt = clock.instant();
        em.flush();
        return ProductView.of(product);
    }

    /** Only a product no order mentions; one that was sold is deactivated instead, so old orders keep it. */
    @Transactional
    public void delete(long id) {
        Product product = find(id, LockModeType.PESSIMISTIC_WRITE);
        Number used = (Number) em.createNativeQuery(
                "select count(*) from order_lines where store_id = ?1 and product_id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, id).getSingleResult();
        if (used.longValue() > 0) {
            throw new DomainException(ProblemType.PRODUCT_IN_USE, "Product " + product.sku + " is on "
                    + used.longValue() + " order line(s): deactivate it instead (active: false)");
        }
        product.delete();
    }

    /**
     * Products by name. {@code q} matches part of the SKU or name, ignoring case (trigram index
     * products_search_trgm); {@code category} is exact ignoring case. Keyset-paged on (lower(name), id).
     */
    public ProductPage list(String q, String category, Boolean active, String cursor, int limit) {
        StringBuilder where = new StringBuilder("p.store_id = :store");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("store", tenant.storeId());
        if (q != null && !q.isBlank()) {
            where.append(" and lower(p.sku || ' ' || p.name) like :q");
            params.put("q", "%" + likeEscape(q.trim().toLowerCase(Locale.ROOT)) + "%");
        }
        if (category != null && !category.isBlank()) {
            where.append(" and lower(p.category) = :category");
            params.put("category", category.trim().toLowerCase(Locale.ROOT));
        }
        if (active != null) {
            where.append(" and p.active = :active");
            params.put("active", active);
        }
        if (cursor != null) {
            List<String> parts = Cursor.decode(cursor, 2);
            where.append(" and (lower(p.name), p.id) > (:afterName, :afterId)");
            params.put("afterName", parts.get(0));
            try {
                params.put("afterId", Long.parseLong(parts.get(1)));
            } catch (NumberFormatException e) {
                throw DomainException.invalid("cursor", "is not a cursor returned by this list");
            }
        }
        var query = em.createNativeQuery("select p.* from products p where " + where
                + " order by lower(p.name), p.id limit :limit", Product.class);
        params.forEach(query::setParameter);
        query.setParameter("limit", limit + 1);
        @SuppressWarnings("unchecked")
        List<Product> rows = new ArrayList<>(query.getResultList());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Product last = rows.get(limit - 1);
            next = Cursor.encode(last.name.toLowerCase(Locale.ROOT), last.id);
        }
        return new ProductPage(rows.stream().map(ProductView::of).toList(), next);
    }

    @Transactional
    public StockMovementResult recordMovement(long productId, StockMovementInput input) {
        Product product = find(productId, LockModeType.NONE);
        List<FieldError> errors = new ArrayList<>();
        if (input.kind() != MovementKind.RECEIVED && input.kind() != MovementKind.ADJUSTED) {
            errors.add(FieldError.oneOf("kind", new Object[] {MovementKind.RECEIVED, MovementKind.ADJUSTED}));
        }
        if (input.quantity() == 0 || (input.kind() == MovementKind.RECEIVED && input.quantity() < 0)) {
            errors.add(FieldError.range("quantity", input.kind() == MovementKind.RECEIVED ? 1 : -1_000_000_000,
                    1_000_000_000, input.kind() == MovementKind.RECEIVED ? "must be at least 1" : "must not be 0"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        String note = input.note() == null || input.note().isBlank() ? null : input.note().trim();
        StockMovementView movement = ledger.move(input.kind(), Map.of(productId, input.quantity()), null, note,
                currentUser.id()).get(0);
        String actorName = (String) em.createNativeQuery("select name from users where store_id = ?1 and id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, currentUser.id()).getSingleResult();
        movement = new StockMovementView(movement.id(), movement.productId(), movement.kind(), movement.quantity(),
                movement.onHandAfter(), movement.reservedAfter(), movement.orderId(), movement.note(),
                movement.actorId(), actorName, movement.createdAt());
        em.refresh(product);
        return new StockMovementResult(movement, ProductView.of(product));
    }

    /** A product's movements, newest first. */
    public StockMovementPage movements(long productId, String cursor, int limit) {
        find(productId, LockModeType.NONE);
        Long before = cursor == null ? null : Cursor.decodeLong(cursor);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select m.id, m.kind, m.quantity, m.on_hand_after, m.reserved_after, m.order_id, m.note, m.actor_id,
                       m.created_at, u.name
                from stock_movements m
                left join users u on u.store_id = m.store_id and u.id = m.actor_id
                where m.store_id = ?1 and m.product_id = ?2 and (cast(?3 as bigint) is null or m.id < ?3)
                order by m.id desc limit ?4""")
                .setParameter(1, tenant.storeId()).setParameter(2, productId).setParameter(3, before)
                .setParameter(4, limit + 1).getResultList();
        List<StockMovementView> items = rows.stream().limit(limit).map(r -> new StockMovementView(
                ((Number) r[0]).longValue(), productId, MovementKind.valueOf((String) r[1]),
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
                r[5] == null ? null : ((Number) r[5]).longValue(), (String) r[6],
                r[7] == null ? null : ((Number) r[7]).longValue(), (String) r[9], (Instant) r[8])).toList();
        String next = rows.size() > limit ? Cursor.encode(items.get(limit - 1).id()) : null;
        return new StockMovementPage(items, next);
    }

    /**
     * The active product a buyer's free text names, if one stands out: a word of the text equal to a SKU (ignoring
     * case; the longest SKU wins), else the product whose SKU and name are most similar to the text by trigrams
     * (pg_trgm's similarity above its threshold, 0.3; index products_search_trgm).
     */
    public Optional<Long> match(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String lower = text.trim().toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>(List.of(lower));
        for (String word : lower.split("[\\s,;/()]+")) {
            if (!word.isBlank() && word.length() <= 64) {
                words.add(word);
            }
        }
        @SuppressWarnings("unchecked")
        List<Number> bySku = em.createNativeQuery("select id from products where store_id = ?1 and active "
                + "and lower(sku) = any(cast(?2 as text[])) order by length(sku) desc, id limit 1")
                .setParameter(1, tenant.storeId()).setParameter(2, SqlArrays.texts(words)).getResultList();
        if (!bySku.isEmpty()) {
            return Optional.of(bySku.get(0).longValue());
        }
        @SuppressWarnings("unchecked")
        List<Number> byName = em.createNativeQuery("select id from products where store_id = ?1 and active "
                + "and lower(sku || ' ' || name) % ?2 order by similarity(lower(sku || ' ' || name), ?2) desc, id limit 1")
                .setParameter(1, tenant.storeId()).setParameter(2, lower).getResultList();
        return byName.isEmpty() ? Optional.empty() : Optional.of(byName.get(0).longValue());
    }

    /** The product, or not found, exactly as for a missing id (other stores' products do not exist here). */
    public Product find(long id, LockModeType lock) {
        Product product = Product.findById(id, lock);
        if (product == null) {
            throw DomainException.notFound("Product " + id);
        }
        return product;
    }

    private void checkRules(ProductInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (!Money.isCurrency(input.currency())) {
            errors.add(FieldError.of("currency", FieldError.Code.FORMAT, "must be an ISO 4217 currency code such as USD"));
        }
        if (input.imageUrl() != null && !input.imageUrl().isBlank() && !isWebAddress(input.imageUrl().trim())) {
            errors.add(FieldError.of("imageUrl", FieldError.Code.FORMAT, "must be an http or https address"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    private static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private void ensureSkuFree(String sku, Long self) {
        Number taken = (Number) em.createNativeQuery("select count(*) from products where store_id = ?1 "
                + "and lower(sku) = lower(?2) and (cast(?3 as bigint) is null or id <> ?3)")
                .setParameter(1, tenant.storeId()).setParameter(2, sku.trim()).setParameter(3, self).getSingleResult();
        if (taken.longValue() > 0) {
            throw new DomainException(ProblemType.SKU_TAKEN, "Another product has SKU " + sku.trim(),
                    List.of(FieldError.taken("sku", "is used by another product")), Map.of(), Map.of());
        }
    }

    static void apply(Product p, ProductInput in) {
        p.sku = in.sku().trim();
        p.name = in.name().trim();
        p.description = blankToNull(in.description());
        p.category = blankToNull(in.category());
        p.unit = in.unit() == null || in.unit().isBlank() ? "pcs" : in.unit().trim();
        p.listPrice = in.listPrice();
        p.currency = in.currency();
        p.moq = in.moq();
        p.active = in.active() == null || in.active();
        p.imageUrl = blankToNull(in.imageUrl());
        p.attributes = in.attributes() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(in.attributes());
    }

    static ProductInput inputOf(Product p) {
        return new ProductInput(p.sku, p.name, p.description, p.category, p.unit, p.listPrice, p.currency, p.moq,
                p.active, p.imageUrl, p.attributes);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String likeEscape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
