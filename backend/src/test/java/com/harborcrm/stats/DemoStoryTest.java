package com.harborcrm.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.harborcrm.account.DemoStores;
import com.harborcrm.common.tenancy.StoreWork;
import com.harborcrm.demo.DemoSeeder;
import com.harborcrm.demo.DemoStory;
import com.harborcrm.testing.Api;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The demo store of `make run` tells a true story: written by the application's own services, its statistics are
 * what a recount of its events says (the rollup drift test's recount, hence this package), and they look like a
 * business — churn every month, a funnel that narrows, reps that differ, duplicates to merge. The same seed and
 * days tell the same story; resetting the demo deletes the demo store and nothing else.
 */
@QuarkusTest
class DemoStoryTest {

    /** Long enough to hold a Canton Fair (April and October), whatever day the test runs. */
    static final int DAYS = 200;

    @Inject
    DemoStory story;

    @Inject
    DemoStores demoStores;

    @Inject
    DemoSeeder seeder;

    @Inject
    StoreWork storeWork;

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
    void theStoryLooksLikeABusinessAndItsStatisticsAgreeWithARecount() throws SQLException {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate last = LocalDate.now(zone).minusDays(1);
        LocalDate first = last.minusDays(DAYS - 1);
        String domain = "story-" + System.nanoTime() + ".example";
        DemoStory.Cast cast = story.write(new DemoStory.Plan(domain, first, last, 3.0, DemoSeeder.SEED));
        String manager = login("manager@" + domain);
        String period = "from=" + first + "&to=" + last;

        JsonPath churnReport = get(manager, "/api/v1/stats/churn?groupBy=MONTH&" + period);
        assertTrue(churnReport.getLong("totals.lost") > 0, "customers were lost");
        assertTrue(churnReport.getLong("totals.released") > 0, "customers were released");
        assertTrue(churnReport.getLong("totals.autoReturned") > 0, "customers returned by the rules");
        List<Float> rates = churnReport.getList("series.figures.churnRate", Float.class);
        assertTrue(rates.stream().filter(r -> r != null && r > 0).count() >= rates.size() - 2,
                "churn in (nearly) every month: " + rates);

        JsonPath stages = get(manager, "/api/v1/stats/funnel?" + period);
        long inquiry = stages.getLong("stages.find { it.stage == 'INQUIRY' }.reached");
        long sample = stages.getLong("stages.find { it.stage == 'SAMPLE_ORDER' }.reached");
        long deal = stages.getLong("stages.find { it.stage == 'TRANSACTION' }.reached");
        long repeat = stages.getLong("stages.find { it.stage == 'REPEAT_PURCHASE' }.reached");
        assertTrue(inquiry > sample && sample > deal && deal >= repeat && deal > 0,
                "the funnel narrows: " + List.of(inquiry, sample, deal, repeat));

        JsonPath activity = get(manager, "/api/v1/stats/reps?" + period);
        List<Integer> followUps = activity.getList("items.findAll { it.role == 'REP' }.followUps", Integer.class);
        assertTrue(followUps.size() >= 2 && followUps.stream().allMatch(n -> n > 0), "every rep works: " + followUps);
        assertEquals(followUps.size(), new HashSet<>(followUps).size(), "reps differ: " + followUps);

        JsonPath customers = get(manager, "/api/v1/customers?includeTotal=true&limit=200");
        assertTrue(customers.getLong("total") > 300, "a few hundred customers: " + customers.getLong("total"));
        List<String> names = customers.getList("items.name");
        assertEquals(names.size(), new HashSet<>(names).size(), "distinct names");
        assertTrue(names.stream().anyMatch(n -> n.matches(".*\\p{IsHan}.*")), "Chinese buyers too");
        assertFalse(customers.getList("items.tags.flatten()").isEmpty(), "tags in use");
        assertTrue(customers.getList("items.customFields.incoterm").stream().anyMatch(v -> v != null),
                "custom fields filled");
        assertFalse(get(manager, "/api/v1/customers/duplicates").getList("items").isEmpty(),
                "the fair's double entries wait in the duplicate finder");
        assertTrue(get(manager, "/api/v1/pool?includeTotal=true").getLong("total") > 0, "the pool has customers");
        // A second pool for the Middle East and Africa: Ravi (rep2) works it, Rita (rep) does not see it.
        JsonPath pools = get(manager, "/api/v1/pools");
        assertEquals(List.of("Main pool", "Middle East & Africa"), pools.getList("items.name"));
        assertTrue(pools.getLong("items[1].customerCount") > 0, "the region's unclaimed buyers moved there");
        assertEquals(List.of("Main pool", "Middle East & Africa"), get(login("rep2@" + domain), "/api/v1/pools").getList("items.name"));
        assertEquals(List.of("Main pool"), get(login("rep@" + domain), "/api/v1/pools").getList("items.name"));
        // ...with rules of its own.
        long regional = pools.getLong("items[1].id");
        assertEquals(45, get(manager, "/api/v1/pool/rules?poolId=" + regional).getInt("returnAfterDaysWithoutFollowUp"));
        assertEquals(30, get(manager, "/api/v1/pool/rules").getInt("returnAfterDaysWithoutFollowUp"));
        // The escalation ladder worked all along: Max was copied on his reps' customers, and everyone read their
        // bell each working morning, so what waits unread is the last nights' only.
        JsonPath bell = get(manager, "/api/v1/notifications?limit=200");
        assertTrue(bell.getList("items.kind").contains("POOL_RETURN_ESCALATION"), "the manager is copied");
        long unread = bell.getLong("unread");
        assertTrue(unread < 60, "read as they came, the last nights' left: " + unread);
        assertTrue(get(login("rep@" + domain), "/api/v1/notifications?limit=200").getList("items.kind")
                .contains("POOL_RETURNED"), "the rep heard of returns");
        assertEquals(List.of("Hot leads", "Samples out"),
                get(login("rep@" + domain), "/api/v1/views").getList("items.name").stream().sorted().toList(),
                "the rep's saved screens");

        // The rollup: before and after folding, every report equals a recount of the events.
        StatsRollupDriftTest recount = new StatsRollupDriftTest();
        recount.dataSource = dataSource;
        recount.churn = churn;
        recount.reps = reps;
        recount.funnel = funnel;
        // Every user of the store (the recount lists those it is given); the second is the rep it looks at alone.
        List<Long> users = new java.util.ArrayList<>(List.of(cast.adminId()));
        users.addAll(cast.repIds());
        users.add(cast.managerId());
        long seed = System.nanoTime();
        recount.compare(cast.storeId(), users, zone, new Random(seed), "demo story, seed " + seed, first, DAYS);
        rollup.fold();
        recount.compare(cast.storeId(), users, zone, new Random(seed), "demo story folded, seed " + seed, first, DAYS);
    }

    @Test
    void theSameSeedAndDaysTellTheSameStory() throws SQLException {
        LocalDate last = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        DemoStory.Plan plan = new DemoStory.Plan("once-" + System.nanoTime() + ".example", last.minusDays(20), last,
                3.0, DemoSeeder.SEED);
        DemoStory.Cast once = story.write(plan);
        DemoStory.Cast again = story.write(new DemoStory.Plan("again-" + System.nanoTime() + ".example",
                plan.firstDay(), plan.lastDay(), plan.leadsPerDay(), plan.seed()));
        List<Object[]> first = story(once.storeId());
        assertTrue(first.size() > 20, "the story has customers");
        List<Object[]> second = story(again.storeId());
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(List.of(first.get(i)), List.of(second.get(i)), "customer " + i);
        }
    }

    @Test
    void resettingTheDemoDeletesTheDemoStoreAndNothingElse() throws SQLException {
        Api.Session other = Api.openStore("Not a demo");
        long otherCustomer = other.as().body(Map.of("name", "Kept Buyer")).post("/api/v1/customers").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        LocalDate last = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        String domain = "reset-" + System.nanoTime() + ".example";
        DemoStory.Cast cast = story.write(new DemoStory.Plan(domain, last.minusDays(10), last, 3.0, DemoSeeder.SEED));
        assertEquals(cast.storeId(), storeWork.inNewContext(() -> demoStores.findByAdminEmail("admin@" + domain))
                .orElseThrow());

        assertThrows(IllegalStateException.class,
                () -> storeWork.inStore(other.storeId(), () -> demoStores.delete(other.storeId())),
                "a store that is not a demo store is never deleted");
        Map<String, Integer> deleted = storeWork.inStore(cast.storeId(), () -> demoStores.delete(cast.storeId()));
        assertTrue(deleted.get("customers") > 0 && deleted.get("customer_events") > 0, deleted.toString());
        assertEquals(1, deleted.get("stores"));

        StatsRollupDriftTest sql = new StatsRollupDriftTest();
        sql.dataSource = dataSource;
        for (Object[] table : sql.rows("""
                select c.relname from pg_attribute a join pg_class c on c.oid = a.attrelid
                where a.attname = 'store_id' and c.relkind = 'r' and c.relnamespace = 'public'::regnamespace""")) {
            assertEquals(0L, ((Number) sql.rows("select count(*) from " + table[0] + " where store_id = ?",
                    cast.storeId()).get(0)[0]).longValue(), table[0] + " keeps rows of the deleted demo store");
        }
        given().contentType(ContentType.JSON).body(Map.of("email", "admin@" + domain, "password", "harbor-demo"))
                .post("/api/v1/auth/login").then().statusCode(401);
        other.as().get("/api/v1/customers/" + otherCustomer).then().statusCode(200);
    }

    /** At start-up: the demo store is kept between starts, and written anew (the old one gone) when reset asks. */
    @Test
    void startingKeepsTheDemoStoreAndResettingWritesItAnew() throws SQLException {
        LocalDate last = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        DemoStory.Plan plan = new DemoStory.Plan("start-" + System.nanoTime() + ".example", last.minusDays(5), last, 3.0,
                DemoSeeder.SEED);
        long first = seeder.open(plan, false);
        assertEquals(first, seeder.open(plan, false), "a second start keeps the demo store");
        long renewed = seeder.open(plan, true);
        assertTrue(renewed != first, "a reset writes a new demo store");
        assertTrue(story(first).isEmpty(), "the old demo store is gone");
        assertFalse(story(renewed).isEmpty(), "the new demo store has its customers");
        login("manager@" + plan.emailDomain());
    }

    private List<Object[]> story(long storeId) throws SQLException {
        StatsRollupDriftTest sql = new StatsRollupDriftTest();
        sql.dataSource = dataSource;
        return sql.rows("""
                select c.name, c.company_name, c.email, c.stage, c.status,
                       (select o.owner_id is null from customer_owners o where o.store_id = c.store_id and o.customer_id = c.id),
                       (select count(*) from follow_ups f where f.store_id = c.store_id and f.customer_id = c.id)
                from customers c where c.store_id = ? order by c.id""", storeId);
    }

    private static String login(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "harbor-demo"))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("token");
    }

    private static JsonPath get(String token, String path) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).extract().jsonPath();
    }
}
