package com.harborcrm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.harborcrm.stats.StatsDtos.ChurnGroup;
import com.harborcrm.stats.StatsDtos.ChurnGrouping;
import com.harborcrm.stats.StatsDtos.ChurnReport;
import com.harborcrm.stats.StatsDtos.FunnelStage;
import com.harborcrm.stats.StatsDtos.ReasonCount;
import com.harborcrm.stats.StatsDtos.RepActivity;
import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.PoolHelper;
import com.harborcrm.testing.Sql;

import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The rollup (stats_daily) must answer exactly what the events say. A random history per store, in zones with DST,
 * half- and quarter-hour offsets, with events at and around local midnights, written in many statements in random
 * order (so later statements back-date events before ones already counted and folded), events of older writers
 * without a source: every churn, funnel and rep figure of random periods, through the reports, equals the same
 * figure counted on the events as the reports did before the rollup. Also after a time zone change.
 */
@QuarkusTest
class StatsRollupDriftTest {

    static final String[] STAGES = {"UNMARKED", "INQUIRY", "SAMPLE_ORDER", "NO_DEAL", "TRANSACTION", "REPEAT_PURCHASE"};
    static final String[] SOURCES = {"EXHIBITION", "REFERRAL", "IMPORT"};
    static final String[] KINDS = {"CLAIMED", "ASSIGNED", "TRANSFERRED", "RELEASED", "AUTO_RETURNED"};
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 2, 20);
    static final int DAYS = 75;

    @Inject
    DataSource dataSource;

    @Inject
    ChurnStats churn;

    @Inject
    RepStats reps;

    @Inject
    FunnelStats funnel;

    @Inject
    StatsRollup rollup;

    @Test
    void rollupAnswersEqualTheEventsInEveryZone() throws SQLException {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (String zone : List.of("America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Shanghai")) {
            Session admin = PoolHelper.openStore("Drift " + zone, zone);
            List<Long> users = new ArrayList<>(List.of(admin.userId(), Api.addUser(admin, "REP").userId(),
                    Api.addUser(admin, "REP").userId(), Api.addUser(admin, "MANAGER").userId()));
            List<Long> reasons = reasonIds(admin.storeId());
            List<Object[]> events = history(random, ZoneId.of(zone), users, reasons);
            Collections.shuffle(events, random);
            // Many statements of random sizes, a fold now and then: deltas land on days folded already.
            for (int i = 0; i < events.size();) {
                int size = 1 + random.nextInt(random.nextBoolean() ? 3 : 40);
                insert(admin.storeId(), events.subList(i, Math.min(events.size(), i + size)));
                i += size;
                if (random.nextInt(4) == 0) {
                    rollup.fold();
                }
            }
            deleteSome(admin.storeId(), random);
            String context = "seed " + seed + ", zone " + zone;
            compare(admin.storeId(), users, ZoneId.of(zone), random, context);
            rollup.fold();
            compare(admin.storeId(), users, ZoneId.of(zone), random, context + ", all folded");
            String other = zone.equals("Asia/Shanghai") ? "Pacific/Chatham" : "Asia/Shanghai";
            execute("update stores set time_zone = '" + other + "' where id = " + admin.storeId());
            compare(admin.storeId(), users, ZoneId.of(other), random, context + ", moved to " + other);
        }
    }

    @Test
    void followUpsAndOwnersFollowEditsMovesAndDeletes() throws SQLException {
        Session admin = PoolHelper.openStore("Drift follow-ups", "Asia/Kolkata");
        Session rep1 = Api.addUser(admin, "REP");
        Session rep2 = Api.addUser(admin, "REP");
        long reason = PoolHelper.releaseReason(admin);
        List<Long> customers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            customers.add(Customers.createId(admin, "ownerId", (i % 2 == 0 ? rep1 : rep2).userId()));
        }
        // Back-dated follow-ups around a Kolkata midnight (18:30 UTC), one moved to another day, one deleted.
        List<Long> followUps = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Session author = i % 2 == 0 ? rep1 : rep2;
            followUps.add(author.as().body(Map.of("type", "CALL", "content", "Call " + i,
                    "occurredAt", Instant.parse("2025-03-10T18:29:59Z").plusSeconds(i % 3).toString()))
                    .post("/api/v1/customers/" + customers.get(i) + "/follow-ups").then().statusCode(201)
                    .extract().jsonPath().getLong("id"));
        }
        rep1.as().body(Map.of("occurredAt", "2025-03-12T10:00:00Z"))
                .patch("/api/v1/customers/" + customers.get(0) + "/follow-ups/" + followUps.get(0)).then().statusCode(200);
        rep1.as().body(Map.of("content", "Only the text"))
                .patch("/api/v1/customers/" + customers.get(2) + "/follow-ups/" + followUps.get(2)).then().statusCode(200);
        rep2.as().delete("/api/v1/customers/" + customers.get(1) + "/follow-ups/" + followUps.get(1)).then().statusCode(204);
        // Owners: one released, one deleted with its follow-up, one claimed by the other rep.
        rep1.as().body(Map.of("reasonId", reason)).post("/api/v1/customers/" + customers.get(4) + "/release")
                .then().statusCode(200);
        PoolHelper.claim(rep2, List.of(customers.get(4)));
        admin.as().delete("/api/v1/customers/" + customers.get(3)).then().statusCode(204);
        rollup.fold();
        rep1.as().body(Map.of("reasonId", reason)).post("/api/v1/customers/" + customers.get(2) + "/release")
                .then().statusCode(200);

        ZoneId zone = ZoneId.of("Asia/Kolkata");
        for (LocalDate[] days : new LocalDate[][] {{LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 10)},
                {LocalDate.of(2025, 3, 11), LocalDate.of(2025, 3, 12)}, {LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)}}) {
            StatsPeriod period = new StatsPeriod(days[0], days[1], zone, days[0].atStartOfDay(zone).toInstant(),
                    days[1].plusDays(1).atStartOfDay(zone).toInstant());
            Map<Long, List<Long>> reported = new TreeMap<>();
            for (RepActivity a : reps.report(admin.storeId(), null, period).items()) {
                reported.put(a.userId(), List.of(a.followUps(), a.ownedNow()));
            }
            Map<Long, List<Long>> counted = new TreeMap<>();
            for (long user : List.of(admin.userId(), rep1.userId(), rep2.userId())) {
                counted.put(user, List.of(
                        ((Number) rows("select count(*) from follow_ups where store_id = ? and author_id = ? "
                                + "and occurred_at >= ? and occurred_at < ?", admin.storeId(), user, period.start(),
                                period.end()).get(0)[0]).longValue(),
                        ((Number) rows("select count(*) from customer_owners where store_id = ? and owner_id = ?",
                                admin.storeId(), user).get(0)[0]).longValue()));
            }
            assertEquals(counted, reported, days[0] + ".." + days[1]);
        }
    }

    /**
     * The common case the rollup answers in constant time per customer (V77): each new owner or loss event is its
     * customer's latest. A history written in time order, one event per statement, then a second one back-dated
     * into it, then the day's work through the API: imports to a rep and to the pool (many new customers in one
     * statement), claims, assignment, release, loss and reactivation. Each step must leave the rollup equal to a
     * recount.
     */
    @Test
    void eventsWrittenInTimeOrderImportsAndTheDaysWorkKeepTheRollupEqualToTheEvents() throws SQLException {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        ZoneId zone = ZoneId.of("Asia/Kolkata");
        Session admin = PoolHelper.openStore("Drift in order", zone.getId());
        Session rep1 = Api.addUser(admin, "REP");
        Session rep2 = Api.addUser(admin, "REP");
        List<Long> users = List.of(admin.userId(), rep1.userId(), rep2.userId());
        List<Object[]> events = history(random, zone, users, reasonIds(admin.storeId()));
        events.sort((a, b) -> ((Instant) a[2]).compareTo((Instant) b[2]));
        List<Object[]> later = new ArrayList<>();
        for (Object[] event : events) {
            if (random.nextInt(5) == 0 && !List.of("CREATED", "IMPORTED").contains(event[1])) {
                later.add(event);
            } else {
                insert(admin.storeId(), Collections.singletonList(event));
            }
        }
        String context = "seed " + seed;
        compare(admin.storeId(), users, zone, random, context + ", in time order");
        Collections.shuffle(later, random);
        for (Object[] event : later) {
            insert(admin.storeId(), Collections.singletonList(event));
        }
        compare(admin.storeId(), users, zone, random, context + ", a fifth back-dated into it");

        StringBuilder csv = new StringBuilder("Name,Stage\n");
        for (int i = 0; i < 30; i++) {
            csv.append("Imported buyer ").append(i).append(',').append(STAGES[i % STAGES.length]).append('\n');
        }
        assertEquals("DONE", com.harborcrm.io.Imports.run(admin, csv.toString(), "target", "OWNER", "ownerId",
                Long.toString(rep1.userId())).getString("status"));
        assertEquals("DONE", com.harborcrm.io.Imports.run(admin, csv.toString().replace("Imported", "Pooled"))
                .getString("status"));
        List<Long> pooled = new ArrayList<>();
        for (Object[] r : rows("select id from customers where store_id = ? and name like 'Pooled buyer %' order by id",
                admin.storeId())) {
            pooled.add(((Number) r[0]).longValue());
        }
        PoolHelper.claim(rep2, pooled.subList(0, 10));
        PoolHelper.claim(rep2, pooled.subList(0, 3));
        admin.as().body(Map.of("customerIds", List.of(pooled.get(10)), "userId", rep1.userId()))
                .post("/api/v1/pool/assign").then().statusCode(200);
        rep2.as().body(Map.of("reasonId", PoolHelper.releaseReason(admin))).post("/api/v1/customers/" + pooled.get(0)
                + "/release").then().statusCode(200);
        long reason = reasonIds(admin.storeId()).get(0);
        rep2.as().body(Map.of("reasonId", reason)).post("/api/v1/customers/" + pooled.get(1) + "/lost")
                .then().statusCode(200);
        rep2.as().body(Map.of("reasonId", reason)).post("/api/v1/customers/" + pooled.get(2) + "/lost")
                .then().statusCode(200);
        admin.as().post("/api/v1/customers/" + pooled.get(2) + "/reactivate").then().statusCode(200);
        LocalDate today = LocalDate.now(zone);
        compare(admin.storeId(), users, zone, random, context + ", after the day's work", today.minusDays(2), 4);
        rollup.fold();
        compare(admin.storeId(), users, zone, random, context + ", folded", today.minusDays(2), 4);
    }

    /**
     * A statement's statistics walk costs time in proportion to its size (V80). V77 compared every event with the
     * statement's arrays of customers and fresh events, n² for n events: 40,000 stage changes in one statement took
     * 15.7 s, an import of a million rows hours. Each round writes, one statement each, n customers' IMPORTED events
     * (new customers: no walk of their owners), a stage change of each (an entry walk of n customers with n fresh
     * events) and a back-dated release of each (an owner walk). Four times the events must take far less than the
     * sixteen times a quadratic walk takes, and the rollup must still equal a recount.
     */
    @Test
    void aStatementOfManyEventsCostsTimeInProportionToItsSize() throws SQLException {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Session admin = PoolHelper.openStore("Drift at scale", zone.getId());
        Session rep = Api.addUser(admin, "REP");
        List<Long> users = List.of(admin.userId(), rep.userId());
        writeRound(admin.storeId(), users, zone, 1_000_000_000L, 1_000);
        long small = writeRound(admin.storeId(), users, zone, 2_000_000_000L, 10_000);
        long large = writeRound(admin.storeId(), users, zone, 3_000_000_000L, 40_000);
        Log.infof("Statements of 10,000 and of 40,000 events: %d ms and %d ms", small / 1_000_000, large / 1_000_000);
        assertTrue(large < 8 * small, "10,000 events a statement took " + small / 1_000_000 + " ms, 40,000 took "
                + large / 1_000_000 + " ms: the walk is not linear in the statement's size");
        compare(admin.storeId(), users, zone, new Random(), "statements of 10,000 and 40,000 events");
    }

    /** Three statements of n events each (customers firstCustomer.. on); their time in nanoseconds. */
    long writeRound(long store, List<Long> users, ZoneId zone, long firstCustomer, int n) throws SQLException {
        Instant imported = FIRST_DAY.plusDays(10).atStartOfDay(zone).toInstant().plusSeconds(3_600);
        String customers = "from generate_series(" + firstCustomer + ", " + (firstCustomer + n - 1) + ") c";
        String owner = "(array[" + users.get(0) + ", " + users.get(1) + ", null])[1 + c % 3]";
        String stage = "(array['UNMARKED', 'INQUIRY', 'SAMPLE_ORDER'])[1 + c % 3]";
        long start = System.nanoTime();
        execute("insert into customer_events (store_id, customer_id, type, at, data) select " + store + ", c, 'IMPORTED', '"
                + imported + "', jsonb_build_object('ownerId', " + owner + ", 'stage', " + stage
                + ", 'source', 'IMPORT') " + customers);
        execute("insert into customer_events (store_id, customer_id, type, at, data) select " + store + ", c, 'STAGE_CHANGED', '"
                + imported.plusSeconds(20 * 86_400) + "', jsonb_build_object('ownerId', " + owner + ", 'from', " + stage
                + ", 'to', 'TRANSACTION', 'fromSince', '" + imported + "') " + customers);
        execute("insert into customer_events (store_id, customer_id, type, at, data) select " + store + ", c, 'OWNER_CHANGED', '"
                + imported.plusSeconds(5 * 86_400) + "', jsonb_build_object('kind', 'RELEASED', 'fromOwnerId', " + owner
                + ", 'source', 'IMPORT', 'stage', " + stage + ") " + customers + " where c % 2 = 0");
        return System.nanoTime() - start;
    }

    /** (type, at, data) of 120 customers' random histories over the days, many of them at or by a local midnight. */
    /**
     * A merge moves the duplicates' events to the survivor, and its undo moves them back: the stages the survivor
     * reached and whom it was active with are then its own and its duplicates' events taken together. The rollup
     * must say what a recount of the moved events says, after the merge, after the undo, and folded.
     */
    @Test
    void mergesAndTheirUndoKeepTheRollupEqualToTheEvents() throws SQLException {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Session admin = PoolHelper.openStore("Drift merges", zone.getId());
        Session rep1 = Api.addUser(admin, "REP");
        Session rep2 = Api.addUser(admin, "REP");
        Session manager = Api.addUser(admin, "MANAGER");
        List<Long> users = List.of(admin.userId(), rep1.userId(), rep2.userId(), manager.userId());
        String email = Api.uniqueEmail("merged");
        // One buyer entered three times: the survivor reached SAMPLE_ORDER with rep1, a duplicate TRANSACTION with
        // rep2 (the rollup counted both as reaching INQUIRY), another sits in the pool, marked lost once.
        long survivor = Customers.createId(admin, "email", email, "stage", "INQUIRY", "ownerId", rep1.userId());
        admin.as().body(Map.of("stage", "SAMPLE_ORDER")).patch("/api/v1/customers/" + survivor).then().statusCode(200);
        long dealt = admin.as().queryParam("allowDuplicate", true).body(Customers.body("email", email, "stage", "INQUIRY",
                "ownerId", rep2.userId())).post("/api/v1/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        admin.as().body(Map.of("stage", "TRANSACTION")).patch("/api/v1/customers/" + dealt + "?allowDuplicate=true")
                .then().statusCode(200);
        long pooled = admin.as().queryParam("allowDuplicate", true).body(Customers.body("email", email, "pool", true))
                .post("/api/v1/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        admin.as().body(Map.of("reasonId", reasonIds(admin.storeId()).get(0))).post("/api/v1/customers/" + dealt + "/lost")
                .then().statusCode(200);
        LocalDate today = LocalDate.now(zone);
        long seed = System.nanoTime();
        compare(admin.storeId(), users, zone, new Random(seed), "merges, before, seed " + seed, today.minusDays(2), 4);

        long mergeId = manager.as().body(Map.of("duplicateIds", List.of(dealt, pooled)))
                .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(200).extract().jsonPath()
                .getLong("mergeId");
        compare(admin.storeId(), users, zone, new Random(seed), "merged, seed " + seed, today.minusDays(2), 4);
        manager.as().post("/api/v1/merges/" + mergeId + "/undo").then().statusCode(200);
        compare(admin.storeId(), users, zone, new Random(seed), "undone, seed " + seed, today.minusDays(2), 4);
        rollup.fold();
        compare(admin.storeId(), users, zone, new Random(seed), "undone and folded, seed " + seed, today.minusDays(2), 4);
    }

    static List<Object[]> history(Random random, ZoneId zone, List<Long> users, List<Long> reasons) {
        List<Object[]> events = new ArrayList<>();
        for (int c = 0; c < 120; c++) {
            long customer = 900_000_000L + random.nextInt(1_000_000_000);
            Long owner = random.nextInt(3) == 0 ? null : pick(random, users);
            events.add(event(customer, random.nextInt(5) == 0 ? "IMPORTED" : "CREATED", time(random, zone), data(
                    "ownerId", owner, "stage", pick(random, STAGES), "source", pick(random, SOURCES))));
            for (int k = random.nextInt(8); k > 0; k--) {
                Instant at = time(random, zone);
                Long rep = random.nextInt(6) == 0 ? null : pick(random, users);
                Long reason = random.nextInt(5) == 0 ? null : pick(random, reasons);
                // Events written before V60 have no source: the churn by source takes the customer's.
                String source = random.nextInt(6) == 0 ? null : pick(random, SOURCES);
                String stage = random.nextInt(8) == 0 ? null : pick(random, STAGES);
                // Churn written before V104 says no pool.
                Long pool = random.nextInt(4) == 0 ? null : (long) random.nextInt(3);
                events.add(switch (random.nextInt(5)) {
                    case 0 -> event(customer, "LOST", at, data("ownerId", rep, "reasonId", reason, "source", source,
                            "stage", stage, "poolId", pool));
                    case 1 -> event(customer, "REACTIVATED", at, data("ownerId", rep));
                    case 2 -> event(customer, "STAGE_CHANGED", at, data("ownerId", rep, "from", pick(random, STAGES),
                            "to", pick(random, STAGES), "stage", stage, "fromSince", random.nextInt(5) == 0 ? null
                                    : at.minusSeconds(random.nextInt(4) == 0 ? 86_400 : random.nextInt(40 * 86_400))
                                            .toString()));
                    case 3 -> event(customer, "STARS_CHANGED", at, data("ownerId", rep));
                    default -> {
                        String kind = pick(random, KINDS);
                        boolean out = kind.equals("RELEASED") || kind.equals("AUTO_RETURNED");
                        yield event(customer, "OWNER_CHANGED", at, data("kind", kind, "fromOwnerId", out ? rep : null,
                                "toOwnerId", out ? null : rep, "ownerId", out ? null : rep,
                                "reasonId", kind.equals("RELEASED") ? reason : null, "source", source, "stage", stage,
                                "poolId", out ? pool : null));
                    }
                });
            }
        }
        return events;
    }

    /** A time within the days; one in three at a local midnight or within a second or a minute of one. */
    static Instant time(Random random, ZoneId zone) {
        LocalDate day = FIRST_DAY.plusDays(random.nextInt(DAYS));
        Instant midnight = day.atStartOfDay(zone).toInstant();
        return switch (random.nextInt(9)) {
            case 0 -> midnight;
            case 1 -> midnight.minusSeconds(1);
            case 2 -> midnight.plusSeconds(random.nextInt(120) - 60);
            default -> day.atTime(LocalTime.ofSecondOfDay(random.nextInt(86_400))).atZone(zone).toInstant();
        };
    }

    void compare(long store, List<Long> users, ZoneId zone, Random random, String context) throws SQLException {
        compare(store, users, zone, random, context, FIRST_DAY, DAYS);
    }

    /** Random periods within the days from firstDay on (also the demo story's, see DemoStoryStatsTest). */
    void compare(long store, List<Long> users, ZoneId zone, Random random, String context, LocalDate firstDay, int days)
            throws SQLException {
        for (int p = 0; p < 6; p++) {
            LocalDate from = firstDay.plusDays(random.nextInt(days) - 5);
            LocalDate to = p == 0 ? from : from.plusDays(random.nextInt(60));
            StatsPeriod period = new StatsPeriod(from, to, zone, from.atStartOfDay(zone).toInstant(),
                    to.plusDays(1).atStartOfDay(zone).toInstant());
            String what = context + ", " + from + ".." + to;
            for (Long rep : new Long[] {null, users.get(1)}) {
                for (ChurnGrouping groupBy : ChurnGrouping.values()) {
                    ChurnReport report = churn.report(store, rep, period, groupBy);
                    assertEquals(eventChurn(store, rep, period, groupBy), reportChurn(report),
                            what + ", churn by " + groupBy + (rep == null ? "" : " of rep " + rep));
                    if (rep != null || groupBy == ChurnGrouping.MONTH) {
                        assertEquals(eventActiveAt(store, rep, period.start()), report.totals().activeAtStart(), what);
                    }
                    if (groupBy == ChurnGrouping.MONTH) {
                        for (ChurnGroup month : report.series()) {
                            assertEquals(eventActiveAt(store, rep, month.from().atStartOfDay(zone).toInstant()),
                                    month.figures().activeAtStart(), what + ", active at " + month.from());
                        }
                    }
                }
                Map<Long, List<Long>> activity = new TreeMap<>();
                for (RepActivity a : reps.report(store, rep, period).items()) {
                    activity.put(a.userId(), List.of(a.claimed(), a.assigned(), a.stageAdvances(), a.deals(), a.lost(),
                            a.released(), a.autoReturned()));
                }
                assertEquals(eventActivity(store, rep, users, period), activity, what + ", rep activity");
                List<List<Object>> funnel = new ArrayList<>();
                for (FunnelStage stage : this.funnel.report(store, rep, period).stages()) {
                    funnel.add(Arrays.asList(stage.stage().name(), stage.reached(), stage.advanced(), stage.medianDays(),
                            stage.staysEnded()));
                }
                assertEquals(eventFunnel(store, rep, period), funnel, what + ", funnel" + (rep == null ? "" : " of " + rep));
            }
        }
    }

    /** What a churn report says as "group|kind|reason" → count (auto-returns by group only), zeros left out. */
    static Map<String, Long> reportChurn(ChurnReport report) {
        Map<String, Long> counts = new TreeMap<>();
        for (ChurnGroup g : report.series()) {
            for (ReasonCount r : g.reasons()) {
                put(counts, g.key() + "|LOST|" + r.reasonId(), r.lost());
                put(counts, g.key() + "|RELEASED|" + r.reasonId(), r.released());
            }
            put(counts, g.key() + "|AUTO_RETURNED", g.figures().autoReturned());
        }
        return counts;
    }

    /** The same counted on the events, with the attribution of StatsSql (what the reports read before the rollup). */
    Map<String, Long> eventChurn(long store, Long rep, StatsPeriod period, ChurnGrouping groupBy) throws SQLException {
        String group = switch (groupBy) {
            case MONTH -> "to_char(e.at at time zone '" + period.zone().getId() + "', 'YYYY-MM')";
            case REP -> "(" + StatsSql.CHURN_REP + ")::text";
            case SOURCE -> StatsSql.EVENT_SOURCE;
            case STAGE -> "coalesce(e.data ->> 'stage', 'UNKNOWN')";
            case POOL -> "e.data ->> 'poolId'";
        };
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] r : rows("""
                select coalesce(%s, 'none'), %s, (e.data ->> 'reasonId')::bigint, count(*)
                from customer_events e
                where e.store_id = ? and e.at >= ? and e.at < ? and %s
                  and (cast(? as bigint) is null or %s = ?)
                group by 1, 2, 3""".formatted(group, StatsSql.CHURN_KIND, StatsSql.CHURN_EVENT, StatsSql.CHURN_REP),
                store, period.start(), period.end(), rep, rep)) {
            String kind = (String) r[1];
            put(counts, r[0] + "|" + kind + (kind.equals("AUTO_RETURNED") ? "" : "|" + r[2]), ((Number) r[3]).longValue());
        }
        return counts;
    }

    /** The store's (rep null) or the rep's own active customers at the instant, counted on the events and deletes. */
    long eventActiveAt(long store, Long rep, Instant at) throws SQLException {
        if (rep != null) {
            return ((Number) rows("""
                    with candidates as (
                      select distinct e.customer_id from customer_events e
                      where e.store_id = ? and e.type in ('CREATED', 'IMPORTED', 'OWNER_CHANGED')
                        and (e.data ->> 'ownerId')::bigint = ? and e.at < ?)
                    select count(*) from candidates c
                    where (select (o.data ->> 'ownerId')::bigint from customer_events o
                           where o.store_id = ? and o.customer_id = c.customer_id
                             and o.type in ('CREATED', 'IMPORTED', 'OWNER_CHANGED') and o.at < ?
                           order by o.at desc, o.id desc limit 1) = ?
                      and not %s
                      and not exists (select 1 from audit_events a where a.store_id = ? and a.entity_id = c.customer_id
                                      and %s and a.at < ?)""".formatted(StatsSql.lost("c.customer_id", "< " + literal(at)),
                    StatsSql.CUSTOMER_DELETED), store, rep, at, store, at, rep, store, store, at).get(0)[0]).longValue();
        }
        long events = ((Number) rows("""
                select count(*) filter (where type in ('CREATED', 'IMPORTED')) - count(*) filter (where type = 'LOST')
                       + count(*) filter (where type = 'REACTIVATED')
                from customer_events where store_id = ? and at < ?""", store, at).get(0)[0]).longValue();
        long deleted = ((Number) rows("""
                select count(*) from audit_events a
                where a.store_id = ? and %s and a.at < ?
                  and exists (select 1 from customer_events e where e.store_id = a.store_id and e.customer_id = a.entity_id
                              and e.type in ('CREATED', 'IMPORTED') and e.at <= a.at)
                  and not %s""".formatted(StatsSql.CUSTOMER_DELETED, StatsSql.lost("a.entity_id", "<= a.at")),
                store, at, store).get(0)[0]).longValue();
        return events - deleted;
    }

    static String literal(Instant at) {
        return "timestamptz '" + at + "'";
    }

    /** Deletes one customer in ten, a while after its last event, as the audit log records it. */
    void deleteSome(long store, Random random) throws SQLException {
        for (Object[] r : rows("select customer_id, max(at) from customer_events where store_id = ? group by 1", store)) {
            if (random.nextInt(10) == 0) {
                Instant last = ((java.sql.Timestamp) r[1]).toInstant();
                execute("insert into audit_events (store_id, at, action, entity_type, entity_id) values (" + store + ", "
                        + literal(last.plusSeconds(random.nextInt(20 * 86_400))) + ", 'CUSTOMER_DELETED', 'customer', "
                        + r[0] + ")");
            }
        }
    }

    Map<Long, List<Long>> eventActivity(long store, Long rep, List<Long> users, StatsPeriod period) throws SQLException {
        Map<Long, List<Long>> activity = new TreeMap<>();
        for (long user : users) {
            if (rep == null || rep == user) {
                activity.put(user, List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L));
            }
        }
        for (Object[] r : rows("""
                select x.rep,
                       count(*) filter (where x.kind = 'CLAIMED'),
                       count(*) filter (where x.kind in ('ASSIGNED', 'TRANSFERRED')),
                       count(*) filter (where x.type = 'STAGE_CHANGED' and x.to_rank > x.from_rank),
                       count(*) filter (where x.type = 'STAGE_CHANGED' and x.to_rank >= 5),
                       count(*) filter (where x.type = 'LOST'),
                       count(*) filter (where x.kind = 'RELEASED'),
                       count(*) filter (where x.kind = 'AUTO_RETURNED')
                from (
                  select e.type, e.data ->> 'kind' as kind,
                         case when e.data ->> 'kind' in ('CLAIMED', 'ASSIGNED', 'TRANSFERRED')
                                   then (e.data ->> 'toOwnerId')::bigint
                              when e.type = 'OWNER_CHANGED' then (e.data ->> 'fromOwnerId')::bigint
                              else (e.data ->> 'ownerId')::bigint end as rep,
                         %s as from_rank, %s as to_rank
                  from customer_events e
                  where e.store_id = ? and e.type in ('OWNER_CHANGED', 'STAGE_CHANGED', 'LOST')
                    and e.at >= ? and e.at < ?) x
                where x.rep is not null and (cast(? as bigint) is null or x.rep = ?)
                group by x.rep""".formatted(StatsSql.stageRank("e.data ->> 'from'"), StatsSql.stageRank("e.data ->> 'to'")),
                store, period.start(), period.end(), rep, rep)) {
            List<Long> figures = new ArrayList<>();
            for (int i = 1; i <= 7; i++) {
                figures.add(((Number) r[i]).longValue());
            }
            long user = ((Number) r[0]).longValue();
            if (activity.containsKey(user)) {
                activity.put(user, figures);
            }
        }
        return activity;
    }

    /** The funnel counted on the events as FunnelStats did before the rollup: (stage, reached, advanced, median, stays). */
    List<List<Object>> eventFunnel(long store, Long rep, StatsPeriod period) throws SQLException {
        Map<Integer, long[]> reached = new HashMap<>();
        for (Object[] r : rows("""
                with entries as (
                  select e.customer_id, e.at, e.id, %s as r
                  from customer_events e
                  where e.store_id = ? and e.type in ('CREATED', 'IMPORTED', 'STAGE_CHANGED') and e.at >= ? and e.at < ?
                    and (cast(? as bigint) is null or (e.data ->> 'ownerId')::bigint = ?)),
                marked as (
                  select r,
                         max(r) over (partition by customer_id order by at, id
                                      rows between 1 following and unbounded following) as later,
                         row_number() over (partition by customer_id, r order by at, id) as nth
                  from entries)
                select r, count(*), count(*) filter (where later > r)
                from marked where nth = 1 and r is not null
                group by r""".formatted(StatsSql.stageRank(
                        "case when e.type = 'STAGE_CHANGED' then e.data ->> 'to' else e.data ->> 'stage' end")),
                store, period.start(), period.end(), rep, rep)) {
            reached.put(((Number) r[0]).intValue(), new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()});
        }
        Map<String, Object[]> stays = new HashMap<>();
        for (Object[] r : rows("""
                select e.data ->> 'from', count(*),
                       percentile_cont(0.5) within group (
                         order by extract(epoch from (e.at - (e.data ->> 'fromSince')::timestamptz)) / 86400)
                from customer_events e
                where e.store_id = ? and e.type = 'STAGE_CHANGED' and e.at >= ? and e.at < ?
                  and e.data ->> 'fromSince' is not null
                  and (cast(? as bigint) is null or (e.data ->> 'ownerId')::bigint = ?)
                group by 1""", store, period.start(), period.end(), rep, rep)) {
            stays.put((String) r[0], r);
        }
        List<List<Object>> funnel = new ArrayList<>();
        for (int i = 0; i < STAGES.length; i++) {
            long[] counts = reached.getOrDefault(i + 1, new long[2]);
            Object[] stay = stays.get(STAGES[i]);
            funnel.add(Arrays.asList(STAGES[i], counts[0], i == STAGES.length - 1 ? null : counts[1],
                    stay == null ? null : Math.round(((Number) stay[2]).doubleValue() * 100) / 100.0,
                    stay == null ? 0L : ((Number) stay[1]).longValue()));
        }
        return funnel;
    }

    static void put(Map<String, Long> counts, String key, long count) {
        if (count != 0) {
            counts.merge(key, count, Long::sum);
        }
    }

    /** Event data from name/value pairs; null values are left out, as the writers leave them. */
    static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                data.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return data;
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    static Object[] event(long customer, String type, Instant at, Map<String, Object> data) {
        StringBuilder json = new StringBuilder("{");
        data.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(v instanceof String ? "\"" + v + "\"" : v));
        return new Object[] {customer, type, at, json.append('}').toString()};
    }

    void insert(long store, List<Object[]> events) throws SQLException {
        StringBuilder sql = new StringBuilder("insert into customer_events (store_id, customer_id, type, at, data) values ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, cast(? as jsonb))");
        }
        List<Object> params = new ArrayList<>();
        for (Object[] e : events) {
            params.addAll(List.of(store, e[0], e[1], OffsetDateTime.ofInstant((Instant) e[2], ZoneOffset.UTC), e[3]));
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            statement.executeUpdate();
        }
    }

    List<Long> reasonIds(long store) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (Object[] r : rows("select id from lost_reasons where store_id = ?", store)) {
            ids.add(((Number) r[0]).longValue());
        }
        return ids;
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    List<Object[]> rows(String sql, Object... params) throws SQLException {
        return Sql.rows(dataSource, sql, params);
    }

}
