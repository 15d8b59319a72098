package com.harborcrm.testing;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.harborcrm.testing.Api.Session;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Pool helpers for tests: through the API, plus direct SQL reads for exact counts. */
public final class PoolHelper {

    private PoolHelper() {
    }

    /** Opens a store in the given time zone and returns its admin's session. */
    public static Session openStore(String storeName, String timeZone) {
        String email = Api.uniqueEmail("admin");
        var body = given().contentType(ContentType.JSON)
                .body(Map.of("storeName", storeName, "name", "Admin of " + storeName, "email", email,
                        "password", Api.PASSWORD, "timeZone", timeZone))
                .post("/api/v1/auth/signup")
                .then().statusCode(201).extract().jsonPath();
        return new Session(body.getLong("store.id"), body.getLong("user.id"), email, body.getString("token"));
    }

    public static Map<String, Object> defaultRules() {
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("returnAfterDaysWithoutFollowUp", 30);
        rules.put("returnAfterDaysWithoutDeal", 90);
        rules.put("warnDaysBeforeReturn", 3);
        rules.put("maxPrivateCustomersPerRep", 200);
        rules.put("maxClaimsPerRepPerDay", 20);
        rules.put("reclaimCooldownDays", 7);
        rules.put("purgeUnclaimedAfterDays", 0);
        rules.put("maskContacts", true);
        rules.put("stageFollowUpDays", Map.of());
        return rules;
    }

    /** The default rules with some members changed. */
    public static Map<String, Object> rules(Object... keyValues) {
        Map<String, Object> rules = defaultRules();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            rules.put((String) keyValues[i], keyValues[i + 1]);
        }
        return rules;
    }

    public static void setRules(Session admin, Object... keyValues) {
        admin.as().body(rules(keyValues)).put("/api/v1/pool/rules").then().statusCode(200);
    }

    public static long poolCustomer(Session as, Object... keyValues) {
        Object[] all = new Object[keyValues.length + 2];
        all[0] = "pool";
        all[1] = true;
        System.arraycopy(keyValues, 0, all, 2, keyValues.length);
        return Customers.createId(as, all);
    }

    public static JsonPath claim(Session as, List<Long> ids) {
        return as.as().body(Map.of("customerIds", ids)).post("/api/v1/pool/claim").then().statusCode(200)
                .extract().jsonPath();
    }

    public static JsonPath sweep(Session admin) {
        return admin.as().post("/api/v1/pool/sweep").then().statusCode(200).extract().jsonPath();
    }

    public static long releaseReason(Session as) {
        return as.as().get("/api/v1/lost-reasons").then().statusCode(200).extract().jsonPath().getLong("items[1].id");
    }

    public static long count(DataSource db, String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** OWNER_CHANGED events of one kind for a customer. */
    public static long ownerEvents(DataSource db, long store, long customer, String kind) {
        return count(db, "select count(*) from customer_events where store_id = ? and customer_id = ? "
                + "and type = 'OWNER_CHANGED' and data->>'kind' = ?", store, customer, kind);
    }

    public static Long owner(DataSource db, long store, long customer) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select owner_id from customer_owners where store_id = ? and customer_id = ?")) {
            s.setLong(1, store);
            s.setLong(2, customer);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                long owner = r.getLong(1);
                return r.wasNull() ? null : owner;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
