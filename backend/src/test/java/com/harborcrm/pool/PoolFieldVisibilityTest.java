package com.harborcrm.pool;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.PoolHelper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Each pool's field visibility (issue 22, V99): what a rep sees of each contact of the pool's customers before
 * claiming them — whole, masked or hidden — in every read, and how the rule is saved and checked.
 */
@QuarkusTest
class PoolFieldVisibilityTest {

    private static final String EMAIL = "li.wei@dragon-trade.example";
    private static final String PHONE = "+86 21 5555 0188";
    private static final String MOBILE = "+86 139 1234 5678";
    private static final String FAX = "+86 21 5555 0199";
    private static final String WECHAT = "dragon_li_88";
    private static final String WEBSITE = "https://www.dragon-trade.example/about";

    private static Map<String, Object> rulesWith(Map<String, Object> visibility, Object... keyValues) {
        Map<String, Object> rules = PoolHelper.rules(keyValues);
        rules.put("fieldVisibility", visibility);
        return rules;
    }

    @Test
    void theRuleNamesEveryFieldKeepsWhatIsSavedAndRefusesWhatIsNotAField() {
        Session admin = Api.openStore("Field visibility rules");
        // Before anyone chooses: every contact masked, as before pools had this list.
        admin.as().get("/api/v1/pool/rules").then().statusCode(200)
                .body("fieldVisibility", equalTo(Map.of("email", "MASKED", "phone", "MASKED", "mobile", "MASKED",
                        "fax", "MASKED", "imAccounts", "MASKED", "website", "MASKED")));
        // An integrator's PUT without the list keeps working: every field masked.
        admin.as().body(PoolHelper.defaultRules()).put("/api/v1/pool/rules").then().statusCode(200)
                .body("fieldVisibility.email", equalTo("MASKED"));

        // Fields left out of the list are masked; the answer names them all.
        admin.as().body(rulesWith(Map.of("website", "VISIBLE", "imAccounts", "HIDDEN")))
                .put("/api/v1/pool/rules").then().statusCode(200)
                .body("fieldVisibility.website", equalTo("VISIBLE")).body("fieldVisibility.imAccounts", equalTo("HIDDEN"))
                .body("fieldVisibility.email", equalTo("MASKED")).body("fieldVisibility.fax", equalTo("MASKED"));
        admin.as().get("/api/v1/pool/rules").then()
                .body("fieldVisibility.website", equalTo("VISIBLE")).body("fieldVisibility.imAccounts", equalTo("HIDDEN"));
        // A pool created now starts with the default pool's list; it keeps its own from then on.
        long export = PoolsTest.createPool(admin, "Export", List.of());
        admin.as().get("/api/v1/pool/rules?poolId=" + export).then()
                .body("fieldVisibility.website", equalTo("VISIBLE")).body("fieldVisibility.imAccounts", equalTo("HIDDEN"));

        // Not a field, not a level: a field error naming it; nothing changes.
        problem(admin.as().body(rulesWith(Map.of("emial", "VISIBLE"))).put("/api/v1/pool/rules").then(),
                400, "malformed-body").body("errors[0].field", equalTo("fieldVisibility.emial"));
        problem(admin.as().body(rulesWith(Map.of("email", "SHOWN"))).put("/api/v1/pool/rules").then(),
                400, "validation").body("errors[0].field", equalTo("fieldVisibility.email"))
                .body("errors[0].code", equalTo("ONE_OF"));
        admin.as().get("/api/v1/pool/rules").then().header("ETag", equalTo("\"2\""))
                .body("fieldVisibility.website", equalTo("VISIBLE")).body("fieldVisibility.imAccounts", equalTo("HIDDEN"));
    }

    @Test
    void aRepSeesEachContactAsItsPoolSaysInEveryReadAndManagersSeeThemWhole() {
        Session admin = Api.openStore("Field visibility reads");
        Session rep = Api.addUser(admin, "REP");
        Session manager = Api.addUser(admin, "MANAGER");
        long pool = PoolsTest.createPool(admin, "Web first", List.of(rep.userId()));
        Map<String, Object> visibility = new LinkedHashMap<>();
        visibility.put("email", "VISIBLE");
        visibility.put("phone", "HIDDEN");
        visibility.put("mobile", "MASKED");
        visibility.put("fax", "HIDDEN");
        visibility.put("imAccounts", "HIDDEN");
        visibility.put("website", "VISIBLE");
        admin.as().body(rulesWith(visibility)).put("/api/v1/pool/rules?poolId=" + pool).then().statusCode(200);

        String text = "Call " + PHONE + " or " + MOBILE + ", WeChat " + WECHAT + ", mail " + EMAIL;
        long id = Customers.createId(admin, "name", "Li Wei", "pool", true, "email", EMAIL, "phone", PHONE,
                "mobile", MOBILE, "fax", FAX, "website", WEBSITE, "notes", text,
                "imAccounts", List.of(Map.of("channel", "WECHAT", "handle", WECHAT)));
        PoolsTest.move(admin, pool, List.of(id));
        admin.as().body(Map.of("type", "CALL", "content", text)).post("/api/v1/customers/" + id + "/follow-ups")
                .then().statusCode(201);
        String shown = "Call *** or *** *** 5678, WeChat ***, mail " + EMAIL;

        // The file: visible fields whole, the masked one masked, hidden ones left out; the notes likewise.
        rep.as().get("/api/v1/customers/" + id).then().statusCode(200)
                .body("email", equalTo(EMAIL)).body("website", equalTo(WEBSITE))
                .body("mobile", equalTo("*** *** 5678")).body("phone", nullValue()).body("fax", nullValue())
                .body("imAccounts", empty()).body("notes", equalTo(shown));
        rep.as().get("/api/v1/pool?poolId=" + pool).then().statusCode(200)
                .body("items.email", contains(EMAIL)).body("items.phone", contains((Object) null))
                .body("items[0].imAccounts", empty()).body("items[0].notes", equalTo(shown));
        rep.as().get("/api/v1/customers/" + id + "/follow-ups").then().statusCode(200)
                .body("items[0].content", equalTo(shown));
        rep.as().get("/api/v1/customers/" + id + "/timeline").then().statusCode(200)
                .body("items.find { it.kind == 'FOLLOW_UP' }.content", equalTo(shown));
        // Searching by a hidden number still finds the customer, and does not reveal it.
        String found = rep.as().queryParam("q", PHONE).get("/api/v1/pool").then()
                .statusCode(200).body("items.id", contains((int) id)).extract().asString();
        assertFalse(found.contains(WECHAT) || found.contains("5555 0188") || found.contains("5555 0199"), found);

        // A manager sees everything whole; a claim makes it the rep's, whole.
        manager.as().get("/api/v1/customers/" + id).then().body("phone", equalTo(PHONE))
                .body("imAccounts[0].handle", equalTo(WECHAT)).body("notes", equalTo(text));
        PoolHelper.claim(rep, List.of(id));
        rep.as().get("/api/v1/customers/" + id).then().body("phone", equalTo(PHONE)).body("fax", equalTo(FAX))
                .body("imAccounts[0].handle", equalTo(WECHAT)).body("notes", equalTo(text));

        // With maskContacts off the list does not apply: every contact whole.
        long next = Customers.createId(admin, "name", "Chen Fang", "pool", true, "phone", PHONE,
                "imAccounts", List.of(Map.of("channel", "WECHAT", "handle", WECHAT)));
        PoolsTest.move(admin, pool, List.of(next));
        rep.as().get("/api/v1/customers/" + next).then().body("phone", nullValue()).body("imAccounts", empty());
        admin.as().body(rulesWith(visibility, "maskContacts", false)).put("/api/v1/pool/rules?poolId=" + pool)
                .then().statusCode(200);
        rep.as().get("/api/v1/customers/" + next).then().body("phone", equalTo(PHONE))
                .body("imAccounts[0].handle", equalTo(WECHAT));
    }

    @Test
    void anInquiryShowsItsContactAndMessageAsThePoolSays() {
        Session admin = Api.openStore("Field visibility inquiries");
        Session rep = Api.addUser(admin, "REP");
        long pool = PoolsTest.createPool(admin, "Chat hidden", List.of(rep.userId()));
        admin.as().body(rulesWith(Map.of("email", "VISIBLE", "imAccounts", "HIDDEN", "mobile", "HIDDEN")))
                .put("/api/v1/pool/rules?poolId=" + pool).then().statusCode(200);
        String message = "Price for 2,000 doors? WeChat " + WECHAT + ", mobile " + MOBILE + ", mail " + EMAIL;
        long id = admin.as().header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(Map.of("channel", "EMAIL", "message", message,
                        "contact", Map.of("name", "Li Wei", "email", EMAIL, "mobile", MOBILE, "phone", PHONE,
                                "imAccounts", List.of(Map.of("channel", "WECHAT", "handle", WECHAT)))))
                .post("/api/v1/inquiries").then().statusCode(201).extract().jsonPath().getLong("customerId");
        PoolsTest.move(admin, pool, List.of(id));
        String shown = "Price for 2,000 doors? WeChat ***, mobile ***, mail " + EMAIL;

        rep.as().get("/api/v1/customers/" + id + "/inquiries").then().statusCode(200)
                .body("items[0].message", equalTo(shown)).body("items[0].contact.email", equalTo(EMAIL))
                .body("items[0].contact.mobile", nullValue()).body("items[0].contact.phone", equalTo("*** *** 0188"))
                .body("items[0].contact.imAccounts", empty());
        String inbox = rep.as().get("/api/v1/inquiries").then().statusCode(200)
                .body("items.find { it.customer.id == " + id + " }.inquiry.message", equalTo(shown))
                .extract().asString();
        assertFalse(inbox.contains(WECHAT) || inbox.contains("1234 5678"), inbox);
        // The default pool still masks every contact of its customers, as before.
        long other = Customers.createId(admin, "name", "Omar", "pool", true, "email", "omar@default.example",
                "imAccounts", List.of(Map.of("channel", "WHATSAPP", "handle", "omar_trading")));
        rep.as().get("/api/v1/customers/" + other).then().body("email", equalTo("o***@default.example"))
                .body("imAccounts[0].handle", equalTo("o***"));
        assertEquals(1, admin.as().get("/api/v1/customers/" + id + "/inquiries").then().extract().jsonPath()
                .getList("items").size());
        assertTrue(admin.as().get("/api/v1/customers/" + id + "/inquiries").then().extract().asString()
                .contains(WECHAT), "an admin reads the inquiry whole");
    }
}
