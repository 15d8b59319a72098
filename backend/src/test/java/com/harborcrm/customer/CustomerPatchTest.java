package com.harborcrm.customer;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class CustomerPatchTest {

    @Test
    void mergePatchChangesPresentMembersAndNullClears() {
        Session admin = Api.openStore("Patch");
        long id = Customers.createId(admin, "companyName", "Acme", "city", "Lyon", "country", "FR",
                "phone", "+33 4 72 00 00 00");
        admin.as().contentType("application/merge-patch+json")
                .body(Map.of("city", "Paris", "companyName", Map.of(), "stage", "INQUIRY", "stars", 2))
                .patch("/api/v1/customers/" + id).then();
        // companyName must be a string: the whole patch is refused and nothing changes.
        admin.as().get("/api/v1/customers/" + id).then().body("city", equalTo("Lyon")).body("version", equalTo(0));

        String body = "{\"city\": \"Paris\", \"companyName\": null, \"stage\": \"INQUIRY\", \"stars\": 2}";
        admin.as().contentType("application/merge-patch+json").body(body).patch("/api/v1/customers/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("city", equalTo("Paris"))
                .body("companyName", nullValue())
                .body("country", equalTo("FR"))
                .body("phone", equalTo("+33 4 72 00 00 00"))
                .body("stage", equalTo("INQUIRY"))
                .body("stars", equalTo(2))
                .body("version", equalTo(1));
        // Plain JSON is accepted too; a no-op keeps the version.
        admin.as().body(Map.of("city", "Paris")).patch("/api/v1/customers/" + id)
                .then().statusCode(200).body("version", equalTo(1));
        problem(admin.as().body("{\"name\": null}").patch("/api/v1/customers/" + id).then(), 400, "validation")
                .body("errors[0].field", equalTo("name"));
        problem(admin.as().body("{\"stage\": null}").patch("/api/v1/customers/" + id).then(), 400, "validation")
                .body("errors[0].field", equalTo("stage"));
        problem(admin.as().body("{\"stage\": \"WON\"}").patch("/api/v1/customers/" + id).then(), 400, "validation")
                .body("errors[0].field", equalTo("stage"));
        problem(admin.as().contentType(ContentType.TEXT).body("x").patch("/api/v1/customers/" + id).then(),
                415, "unsupported-media-type");
    }

    @Test
    void readOnlyAndUnknownMembersAreRejectedAndNothingChanges() {
        Session admin = Api.openStore("Patch mass assignment");
        Session rep = Api.addUser(admin, "REP");
        long id = Customers.createId(rep);
        problem(rep.as().body("{\"notes\": \"sneaky\", \"ownerId\": " + (rep.userId() + 1) + ", \"potentialScore\": 99, "
                        + "\"inquiryCount\": 5, \"lastFollowUpAt\": \"2020-01-01T00:00:00Z\", \"version\": 3, \"id\": 1, "
                        + "\"storeId\": 2, \"tags\": [], \"createdAt\": \"2020-01-01T00:00:00Z\", \"vip\": true}")
                .patch("/api/v1/customers/" + id).then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("ownerId", "potentialScore", "inquiryCount",
                        "lastFollowUpAt", "version", "id", "storeId", "tags", "createdAt", "vip"));
        rep.as().get("/api/v1/customers/" + id).then().body("notes", nullValue()).body("version", equalTo(0));
    }

    @Test
    void aStaleIfMatchAnswers412AndChangesNothing() {
        Session admin = Api.openStore("Stale");
        long id = Customers.createId(admin);
        admin.as().header("If-Match", "\"0\"").body(Map.of("notes", "first")).patch("/api/v1/customers/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\""));
        problem(admin.as().header("If-Match", "\"0\"").body(Map.of("notes", "second")).patch("/api/v1/customers/" + id)
                .then(), 412, "precondition-failed");
        problem(admin.as().header("If-Match", "garbage").body(Map.of("notes", "second")).patch("/api/v1/customers/" + id)
                .then(), 400, "validation");
        admin.as().get("/api/v1/customers/" + id).then().body("notes", equalTo("first")).body("version", equalTo(1));
        admin.as().header("If-Match", "W/\"1\"").body(Map.of("notes", "third")).patch("/api/v1/customers/" + id)
                .then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void ofTwoConcurrentPatchesWithOneVersionOneWinsAndTheOtherGets412() throws Exception {
        Session admin = Api.openStore("Race");
        for (int round = 0; round < 5; round++) {
            long id = Customers.createId(admin);
            List<Integer> statuses = race(2, i -> admin.as().header("If-Match", "\"0\"")
                    .body(Map.of("notes", "writer " + i)).patch("/api/v1/customers/" + id).then().extract().statusCode());
            Collections.sort(statuses);
            assertEquals(List.of(200, 412), statuses);
            var after = admin.as().get("/api/v1/customers/" + id).then().extract().jsonPath();
            assertEquals(1, after.getInt("version"));
            assertTrue(after.getString("notes").startsWith("writer "));
        }
    }

    @Test
    void concurrentPatchesWithoutIfMatchLoseNoChange() throws Exception {
        Session admin = Api.openStore("Race without If-Match");
        long id = Customers.createId(admin);
        String[] fields = {"city", "region", "position", "postcode", "businessType", "companySize"};
        List<Integer> statuses = race(fields.length, i -> admin.as().body(Map.of(fields[i], "value " + i))
                .patch("/api/v1/customers/" + id).then().extract().statusCode());
        assertEquals(Collections.nCopies(fields.length, 200), statuses);
        var after = admin.as().get("/api/v1/customers/" + id).then().extract().jsonPath();
        for (int i = 0; i < fields.length; i++) {
            assertEquals("value " + i, after.getString(fields[i]));
        }
        assertEquals(fields.length, after.getInt("version"));
    }

    @Test
    void repsEditTheirOwnAndManagersAny() {
        Session admin = Api.openStore("Edit rights");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        long id = Customers.createId(rep);
        rep.as().body(Map.of("stars", 1)).patch("/api/v1/customers/" + id).then().statusCode(200);
        manager.as().body(Map.of("stars", 3)).patch("/api/v1/customers/" + id).then().statusCode(200)
                .body("stars", equalTo(3)).body("ownerId", equalTo((int) rep.userId()));
        rep.as().get("/api/v1/customers/" + id).then().body("tags", hasSize(0));
    }

    interface Call {
        int run(int index) throws Exception;
    }

    static List<Integer> race(int writers, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.run(index);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
