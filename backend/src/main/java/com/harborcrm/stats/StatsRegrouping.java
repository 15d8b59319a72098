package com.harborcrm.stats;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.harborcrm.common.sql.SqlArrays;

/**
 * Events moving from customer to customer (a merge, its undo). Most facts of the rollup belong to one event and do
 * not care which customer holds it, but two depend on a customer's events taken together: the stages it reached
 * (entry facts, V71) and whom it was active with (owner facts, V72); the database adds those only as events are
 * inserted. So the customers' facts are taken out of the rollup before their events move and put back after, each
 * computed by the same SQL functions the triggers use: the rollup then says what a recount of the moved events says.
 */
@ApplicationScoped
public class StatsRegrouping {

    @Inject
    EntityManager em;

    /** Runs the move between taking out and putting back the facts of every customer it concerns. */
    public void moveEvents(long store, List<Long> customers, Runnable move) {
        String ids = SqlArrays.bigints(customers);
        facts(store, ids, -1);
        move.run();
        facts(store, ids, 1);
    }

    private void facts(long store, String customers, int sign) {
        em.createNativeQuery("""
                insert into stats_daily (store_id, day, fact, rep_id, stage, prev_day, next_day, n)
                select s.id, f.day, f.fact, f.rep_id, f.stage, f.prev_day, f.next_day, :sign * f.n
                from stores s cross join lateral stats_entry_facts(s.id, s.time_zone, cast(:ids as bigint[]), null) f
                where s.id = :store""")
                .setParameter("store", store).setParameter("ids", customers).setParameter("sign", sign)
                .executeUpdate();
        em.createNativeQuery("""
                insert into stats_daily (store_id, day, fact, rep_id, n)
                select s.id, f.day, 'OWN_ACTIVE', f.rep_id, :sign * f.n
                from stores s cross join lateral stats_owner_facts(s.id, s.time_zone, cast(:ids as bigint[]), null) f
                where s.id = :store""")
                .setParameter("store", store).setParameter("ids", customers).setParameter("sign", sign)
                .executeUpdate();
    }
}
