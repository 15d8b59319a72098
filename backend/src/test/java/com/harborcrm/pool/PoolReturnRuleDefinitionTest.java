package com.harborcrm.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;

/**
 * V105 rewrote the SQL definition of when and why an owned customer goes back to the pool (pool_return_at,
 * pool_return_rule) so that PostgreSQL inlines it; the per-row trigger that stores the return date paid ~85 us a
 * row to re-plan V20's pool_return_rule. The rewrite must say exactly what V20 said, for every input (nulls, ties,
 * per-stage overrides, deal stages), and must stay inlinable.
 */
@QuarkusTest
class PoolReturnRuleDefinitionTest {

    @Inject
    DataSource db;

    /** V20's bodies, written out as the reference: f is the follow-up rule's date, d the deal rule's. */
    private static final String GRID = """
            with grid as (
                select o, l, s, f, d, j
                from (values (null::timestamptz), (timestamptz '2026-03-01 10:00+00')) o(o),
                     (values (null::timestamptz), (timestamptz '2026-02-20 08:00+00'), (timestamptz '2026-03-04 10:00+00'),
                             (timestamptz '2026-03-01 10:00+00')) l(l),
                     (values (null::text), ('NEW'), ('QUOTED'), ('TRANSACTION'), ('REPEAT_PURCHASE')) s(s),
                     (values (null::integer), (0), (3), (10), (-1)) f(f),
                     (values (null::integer), (0), (3), (10), (13)) d(d),
                     (values (null::jsonb), ('{}'), ('{"NEW": 0}'), ('{"NEW": 3}'), ('{"QUOTED": 13, "NEW": 10}'),
                             ('{"TRANSACTION": 2}')) j(j)),
            reference as (
                select g.*, least(x.f, x.d) as at,
                       case when x.f is null and x.d is null then null
                            when x.d is null or (x.f is not null and x.f <= x.d) then 'NO_FOLLOW_UP'
                            else 'NO_DEAL' end as rule
                from grid g, lateral (select
                    case when coalesce((g.j ->> g.s)::integer, g.f) > 0
                         then greatest(g.o, g.l) + make_interval(hours => 24 * coalesce((g.j ->> g.s)::integer, g.f))
                    end as f,
                    case when g.d > 0 and g.s not in ('TRANSACTION', 'REPEAT_PURCHASE')
                         then g.o + make_interval(hours => 24 * g.d)
                    end as d) x)
            """;

    @Test
    void theInlinedDefinitionSaysWhatV20SaidForEveryInput() throws SQLException {
        Object[] counts = Sql.rows(db, GRID + """
                select count(*),
                       count(*) filter (where pool_return_at(o, l, s, f, d, j) is distinct from at),
                       count(*) filter (where pool_return_rule(o, l, s, f, d, j) is distinct from rule),
                       count(distinct rule), count(*) filter (where at is not null)
                from reference""").get(0);
        assertEquals(6000L, ((Number) counts[0]).longValue(), "inputs compared");
        assertEquals(0L, ((Number) counts[1]).longValue(), "return dates that differ from V20's");
        assertEquals(0L, ((Number) counts[2]).longValue(), "rules that differ from V20's");
        // The grid reaches both rules and "no rule", and plenty of dates: the comparison is not vacuous.
        assertEquals(2L, ((Number) counts[3]).longValue(), "distinct rules seen");
        assertTrue(((Number) counts[4]).longValue() > 1000, "inputs with a return date");
    }

    @Test
    void bothFunctionsAreInlinedWhereTheyAreUsed() throws SQLException {
        List<Object[]> plan = Sql.rows(db, """
                explain (verbose, costs off)
                select pool_return_at(o, l, s, f, d, j), pool_return_rule(o, l, s, f, d, j)
                from (values (now(), now(), 'NEW', 3, 10, '{}'::jsonb), (now(), null, 'QUOTED', 0, 5, null)) v(o, l, s, f, d, j)""");
        String text = plan.stream().map(row -> String.valueOf(row[0])).collect(Collectors.joining("\n"));
        assertFalse(text.contains("pool_return_rule") || text.contains("pool_return_at")
                || text.contains("pool_follow_up_due") || text.contains("pool_deal_due"),
                "a function call left in the plan (not inlined):\n" + text);
    }
}
