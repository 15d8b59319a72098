package com.harborcrm.customer;

import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.harborcrm.account.DemoStoreSeeded;
import com.harborcrm.common.tenancy.StoreWork;
import com.harborcrm.testing.Api;

import io.quarkus.test.junit.QuarkusTest;

/** The demo store of `make run` gets customers for each rep, in the pool, and one day's reminders. */
@QuarkusTest
class DemoCustomersTest {

    @Inject
    Event<DemoStoreSeeded> seeded;

    @Inject
    StoreWork storeWork;

    @Test
    void theDemoStoreGetsCustomersPerRepAndInThePool() {
        Api.Session admin = Api.openStore("Demo");
        Api.Session manager = Api.addUser(admin, "MANAGER");
        Api.Session rita = Api.addUser(admin, "REP");
        Api.Session ravi = Api.addUser(admin, "REP");
        storeWork.inStore(admin.storeId(), () -> {
            seeded.fire(new DemoStoreSeeded(admin.storeId(), manager.userId(), List.of(rita.userId(), ravi.userId())));
            return null;
        });
        admin.as().get("/api/v1/customers?includeTotal=true").then().statusCode(200).body("total", equalTo(36));
        rita.as().get("/api/v1/customers?includeTotal=true").then().statusCode(200).body("total", equalTo(12));
        ravi.as().get("/api/v1/customers?includeTotal=true").then().statusCode(200).body("total", equalTo(10));
        admin.as().get("/api/v1/pool?includeTotal=true").then().statusCode(200).body("total", equalTo(14));
    }
}
