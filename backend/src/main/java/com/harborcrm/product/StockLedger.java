package com.harborcrm.product;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.Problem;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.sql.SqlArrays;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.product.ProductDtos.MovementKind;
import com.harborcrm.product.ProductDtos.StockMovementView;

/**
 * The one writer of stock. Every change of a product's on-hand or reserved quantity is a movement row written in
 * the same statement, so the history explains every number. Callers pass the quantity per product; the ledger locks
 * the products in id order (two orders sharing products cannot deadlock), refuses the whole change when any product
 * falls short (every shortage named at once), then applies it set-based. The table's checks (never negative,
 * never more reserved than on hand) back this up whatever path writes.
 */
@ApplicationScoped
public class StockLedger {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    Clock clock;

    /** One product's shortfall: what was asked and what it had available (or on hand, for an adjustment). */
    public record Shortage(long productId, String sku, long requested, long available) {
    }

    /**
     * Moves stock of several products for one reason. {@code quantities} are positive except for ADJUSTED, where
     * they are the signed change. Throws {@code not-found} for a product of another store and
     * {@code insufficient-stock} when any product would go below zero or below what is reserved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StockMovementView> move(MovementKind kind, Map<Long, Long> quantities, Long orderId, String note,
            Long actorId) {
        SortedMap<Long, Long> byProduct = new TreeMap<>(quantities);
        if (byProduct.isEmpty()) {
            return List.of();
        }
        long store = tenant.storeId();
        String ids = SqlArrays.bigints(byProduct.keySet());
        @SuppressWarnings("unchecked")
        List<Object[]> locked = em.createNativeQuery("""
                select id, sku, on_hand, reserved from products
                where store_id = ?1 and id = any(cast(?2 as bigint[]))
                order by id for update""")
                .setParameter(1, store).setParameter(2, ids).getResultList();
        if (locked.size() != byProduct.size()) {
            throw DomainException.notFound("Product");
        }
        List<Shortage> shortages = new ArrayList<>();
        for (Object[] row : locked) {
            long id = ((Number) row[0]).longValue();
            long onHand = ((Number) row[2]).longValue();
            long reserved = ((Number) row[3]).longValue();
            long quantity = byProduct.get(id);
            long onHandAfter = onHand + onHandSign(kind) * quantity;
            long reservedAfter = reserved + reservedSign(kind) * quantity;
            boolean fits = switch (kind) {
                // Receipts can always be taken; a count correction may not leave less than is promised.
                case RECEIVED -> true;
                case ADJUSTED -> onHandAfter >= reserved;
                case RESERVED -> onHand - reserved >= quantity;
                // Releasing or shipping more than is reserved would be our bug, not the caller's: refused alike.
                case RELEASED, SHIPPED -> reservedAfter >= 0 && onHandAfter >= 0;
            };
            if (!fits) {
                shortages.add(new Shortage(id, (String) row[1], Math.abs(quantity), onHand - reserved));
            }
        }
        if (!shortages.isEmpty()) {
            throw new DomainException(ProblemType.INSUFFICIENT_STOCK, describe(kind, shortages), List.of(),
                    Problem.members("shortages", shortages), Map.of());
        }
        Instant now = clock.instant();
        // Set-based: one UPDATE of every product and one INSERT of every movement, in one statement.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                with wanted as (
                  select * from unnest(cast(:ids as bigint[]), cast(:quantities as bigint[])) as w(product_id, quantity)
                ), changed as (
                  update products p set on_hand = p.on_hand + :onHandSign * w.quantity,
                                        reserved = p.reserved + :reservedSign * w.quantity,
                                        updated_at = :now, version = p.version + 1
                  from wanted w where p.store_id = :store and p.id = w.product_id
                  returning p.id, w.quantity, p.on_hand, p.reserved
                )
                insert into stock_movements (store_id, product_id, kind, quantity, on_hand_after, reserved_after,
                                             order_id, note, actor_id, created_at)
                select :store, c.id, :kind, c.quantity, c.on_hand, c.reserved, cast(:orderId as bigint),
                       cast(:note as varchar), cast(:actor as bigint), :now
                from changed c order by c.id
                returning id, product_id, quantity, on_hand_after, reserved_after, created_at""")
                .setParameter("ids", ids)
                .setParameter("quantities", SqlArrays.bigints(byProduct.values()))
                .setParameter("onHandSign", onHandSign(kind)).setParameter("reservedSign", reservedSign(kind))
                .setParameter("now", now).setParameter("store", store).setParameter("kind", kind.name())
                .setParameter("orderId", orderId).setParameter("note", note).setParameter("actor", actorId)
                .getResultList();
        return rows.stream().map(r -> new StockMovementView(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                kind, ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
                orderId, note, actorId, null, now)).toList();
    }

    private static long onHandSign(MovementKind kind) {
        return switch (kind) {
            case RECEIVED, ADJUSTED -> 1;
            case SHIPPED -> -1;
            case RESERVED, RELEASED -> 0;
        };
    }

    private static long reservedSign(MovementKind kind) {
        return switch (kind) {
            case RESERVED -> 1;
            case RELEASED, SHIPPED -> -1;
            case RECEIVED, ADJUSTED -> 0;
        };
    }

    private static String describe(MovementKind kind, List<Shortage> shortages) {
        String list = shortages.stream().map(s -> s.sku() + " (" + s.requested() + " asked, " + s.available()
                + " available)").reduce((a, b) -> a + ", " + b).orElse("");
        return kind == MovementKind.ADJUSTED
                ? "A correction may not leave less on hand than confirmed orders hold: " + list
                : "Not enough stock: " + list;
    }
}
