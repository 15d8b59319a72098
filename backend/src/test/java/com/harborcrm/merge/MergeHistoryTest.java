package com.harborcrm.merge;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.MutableClock;

import io.quarkus.test.junit.QuarkusTest;

/** The store's merge history: who went into whom, by whom, and whether an undo is still possible. */
@QuarkusTest
class MergeHistoryTest {

    static final String MERGES = "/api/v1/merges";

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static long merge(Session as, long survivor, Long... duplicates) {
        return as.as().body(Map.of("duplicateIds", List.of(duplicates))).post(MergeTest.merge(survivor)).then()
                .statusCode(200).extract().jsonPath().getLong("mergeId");
    }

    @Test
    void theHistoryNamesEveryCustomerOfEachMergeNewestFirstAndSaysWhatCanBeUndone() {
        Session admin = Api.openStore("Merge history");
        Session manager = Api.addUser(admin, "MANAGER");
        long acme = Customers.createId(admin, "name", "Acme Trading", "companyName", "Acme Ltd");
        long acme2 = Customers.createId(admin, "name", "ACME trading co");
        long acme3 = Customers.createId(admin, "name", "Acme (Ningbo)", "companyName", "Acme Ningbo");
        long first = merge(admin, acme, acme2, acme3);
        long bolt = Customers.createId(admin, "name", "Bolt Imports");
        long bolt2 = Customers.createId(admin, "name", "Bolt imports");
        long second = merge(manager, bolt, bolt2);

        manager.as().get(MERGES).then().statusCode(200)
                .body("items.id", contains((int) second, (int) first))
                .body("items[0].survivor.name", equalTo("Bolt Imports"))
                .body("items[0].mergedBy", equalTo((int) manager.userId()))
                .body("items[0].mergedByName", equalTo("MANAGER user"))
                .body("items[0].undoable", equalTo(true))
                .body("items[0].undoUntil", notNullValue())
                .body("items[1].survivor.companyName", equalTo("Acme Ltd"))
                .body("items[1].survivorExists", equalTo(true))
                .body("items[1].duplicates.id", contains((int) acme2, (int) acme3))
                .body("items[1].duplicates.name", contains("ACME trading co", "Acme (Ningbo)"))
                .body("items[1].duplicates[1].companyName", equalTo("Acme Ningbo"))
                .body("items[1].undoneAt", nullValue());

        // Undone: no longer undoable, and says by whom.
        admin.as().post(MergeTest.undo(second)).then().statusCode(200);
        admin.as().get(MERGES).then()
                .body("items[0].undoable", equalTo(false))
                .body("items[0].undoneAt", notNullValue())
                .body("items[0].undoneByName", equalTo("Admin of Merge history"));
        // The survivor deleted since: its name stays, from the merge's record.
        admin.as().delete("/api/v1/customers/" + acme).then().statusCode(204);
        admin.as().get(MERGES).then()
                .body("items[1].survivor.name", equalTo("Acme Trading"))
                .body("items[1].survivorExists", equalTo(false))
                .body("items[1].undoable", equalTo(false));
        // Paged, without gaps.
        var page = admin.as().queryParam("limit", 1).get(MERGES).then().body("items", hasSize(1)).extract().jsonPath();
        admin.as().queryParam("limit", 1).queryParam("cursor", page.getString("nextCursor")).get(MERGES).then()
                .body("items.id", contains((int) first)).body("nextCursor", nullValue());
        // Another store's history is its own.
        Api.openStore("Merge history elsewhere").as().get(MERGES).then().statusCode(200).body("items", empty());
    }

    @Test
    void aMergeOlderThanTheUndoWindowIsNoLongerUndoable() {
        Session admin = Api.openStore("Merge history window");
        long survivor = Customers.createId(admin);
        merge(admin, survivor, Customers.createId(admin));
        clock.advance(MergeService.UNDO_WINDOW.plus(Duration.ofMinutes(1)));
        admin.as().get(MERGES).then().body("items[0].undoable", equalTo(false));
    }

    @Test
    void onlyManagersAndAdminsReadTheHistory() {
        Session admin = Api.openStore("Merge history roles");
        Session rep = Api.addUser(admin, "REP");
        problem(rep.as().get(MERGES).then(), 403, "forbidden");
        problem(admin.as().queryParam("limit", 500).get(MERGES).then(), 400, "validation");
        problem(admin.as().queryParam("cursor", "???").get(MERGES).then(), 400, "validation");
    }
}
