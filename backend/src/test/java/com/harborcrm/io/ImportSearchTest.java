package com.harborcrm.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * An import's new customers get their search rows (V93) after the job's commit, in one statement: searchReadyAt says
 * when; a catch-up cut off by a restart is finished by the reaper; an edit made meanwhile is kept; two catch-ups of one
 * job never both run.
 */
@QuarkusTest
class ImportSearchTest {

    @Inject
    DataSource db;

    @Inject
    ImportService imports;

    @Inject
    ImportSearch search;

    private static List<Integer> found(Session as, String q) {
        return as.as().queryParam("q", q).get("/api/v1/customers").then().statusCode(200).extract().jsonPath()
                .getList("items.id", Integer.class);
    }


    /** What a restart between the job's commit and its catch-up leaves: the rows missing, the job not searchable. */
    private void cutOff(long storeId, long jobId) throws Exception {
        Sql.rows(db, """
                with gone as (delete from customer_search s using import_jobs j
                              where j.store_id = ? and j.id = ? and s.store_id = j.store_id
                                and s.customer_id between j.search_first_id and j.search_last_id returning 1)
                update import_jobs set search_ready_at = null where store_id = ? and id = ? returning (select count(*) from gone)""",
                storeId, jobId, storeId, jobId);
    }

    private static String csv(String token) {
        return "Name,Company,Email,Phone\n"
                + "Rosa " + token + ",Heron " + token + " Trading,rosa." + token + "@heron.example,+86 571 8800 1234\n"
                + "Yuki " + token + ",宁波" + token + "五金,yuki." + token + "@ningbo.example,+81 3 5555 0199\n";
    }

    @Test
    void anImportsNewCustomersAreFoundByQOnceSearchHasCaughtUp() throws Exception {
        Session admin = Api.openStore("Import search");
        String token = UUID.randomUUID().toString().substring(0, 8);
        JsonPath job = Imports.run(admin, csv(token));
        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(2, job.getInt("created"));
        Instant finished = Instant.parse(job.getString("finishedAt"));
        Instant ready = Instant.parse(job.getString("searchReadyAt"));
        assertTrue(!ready.isBefore(finished), ready + " before " + finished);
        assertEquals(0, Sql.searchRowsDrift(db, admin.storeId()));
        // Every form q serves: company, email, phone digits, Chinese.
        assertEquals(1, found(admin, "Heron " + token).size());
        assertEquals(1, found(admin, "rosa." + token + "@heron").size());
        assertEquals(1, found(admin, "宁波" + token).size());
        assertEquals(1, found(admin, "5555 0199").size());
    }

    @Test
    void aJobThatCreatesNobodyIsSearchableWhenItIsDone() {
        Session admin = Api.openStore("Import search dry");
        JsonPath dry = Imports.run(admin, csv(UUID.randomUUID().toString().substring(0, 8)), "dryRun", "true");
        assertEquals("DONE", dry.getString("status"), dry.prettify());
        Duration gap = Duration.between(Instant.parse(dry.getString("finishedAt")), Instant.parse(dry.getString("searchReadyAt")));
        assertTrue(gap.toMillis() < 1000, gap.toString());
    }

    @Test
    void aCatchUpCutOffByARestartIsFinishedByTheReaper() throws Exception {
        Session admin = Api.openStore("Import search restart");
        String token = UUID.randomUUID().toString().substring(0, 8);
        long jobId = Imports.run(admin, csv(token)).getLong("id");
        cutOff(admin.storeId(), jobId);
        assertEquals(List.of(), found(admin, "Heron " + token));
        assertNull(admin.as().get("/api/v1/imports/" + jobId).then().statusCode(200).extract().jsonPath()
                .getString("searchReadyAt"));
        // The customers are in the file meanwhile: a list without q shows them.
        assertEquals(2, admin.as().get("/api/v1/customers").then().statusCode(200).extract().jsonPath()
                .getList("items").size());

        imports.reap();
        assertEquals(1, found(admin, "Heron " + token).size());
        assertNotNull(admin.as().get("/api/v1/imports/" + jobId).then().statusCode(200).extract().jsonPath()
                .getString("searchReadyAt"));
        assertEquals(0, Sql.searchRowsDrift(db, admin.storeId()));
    }

    @Test
    void anEditMadeWhileSearchCatchesUpIsKeptAndTwoCatchUpsNeverBothRun() throws Exception {
        Session admin = Api.openStore("Import search race");
        String token = UUID.randomUUID().toString().substring(0, 8);
        long jobId = Imports.run(admin, csv(token)).getLong("id");
        cutOff(admin.storeId(), jobId);
        int rosa = admin.as().get("/api/v1/customers?limit=50").then().statusCode(200).extract().jsonPath()
                .getInt("items.find { it.name == 'Rosa " + token + "' }.id");
        // The edit writes its own row at once (the trigger's upsert); the catch-up must not put the old text back.
        admin.as().body(Map.of("companyName", "Egret " + token)).patch("/api/v1/customers/" + rosa).then().statusCode(200);
        assertEquals(List.of(rosa), found(admin, "Egret " + token));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Boolean> catchUp = () -> search.catchUp(admin.storeId(), jobId);
            List<Future<Boolean>> runs = pool.invokeAll(List.of(catchUp, catchUp));
            long ran = 0;
            for (Future<Boolean> run : runs) {
                ran += run.get() ? 1 : 0;
            }
            assertEquals(1, ran);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(rosa), found(admin, "Egret " + token));
        assertEquals(List.of(), found(admin, "Heron " + token));
        assertEquals(1, found(admin, "宁波" + token).size());
        assertEquals(0, Sql.searchRowsDrift(db, admin.storeId()));
        assertEquals(false, search.catchUp(admin.storeId(), jobId));
    }
}
