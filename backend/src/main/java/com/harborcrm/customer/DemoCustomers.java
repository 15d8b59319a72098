package com.harborcrm.customer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.harborcrm.account.DemoStoreSeeded;

/** Gives the demo store (make run) customers to look at: some per rep, some in the pool, a few due soon. */
@ApplicationScoped
public class DemoCustomers {

    private static final String[][] BUYERS = {
        {"John Carter", "Carter Lighting Supplies LLC", "US", "Dallas", "LED panels, street lights"},
        {"Maria Garcia", "Iberia Solar Distribución S.L.", "ES", "Valencia", "Solar inverters"},
        {"Ahmed Khan", "Gulf Pumps Trading FZE", "AE", "Dubai", "Water pumps"},
        {"Olga Ivanova", "Baltic Textile Import OÜ", "EE", "Tallinn", "Cotton fabric"},
        {"Carlos Silva", "Andes Hardware Ltda", "BR", "São Paulo", "Door hinges, locks"},
        {"Fatima Haddad", "Cedar Packaging SARL", "LB", "Beirut", "Paper boxes"},
        {"Hiroshi Tanaka", "Tanaka Shoji K.K.", "JP", "Osaka", "Kitchen appliances"},
        {"Priya Patel", "Patel Electricals Pvt Ltd", "IN", "Mumbai", "Switches, sockets"},
        {"Lucas Müller", "Müller Werkzeuge GmbH", "DE", "Hamburg", "Hand tools"},
        {"Anna Rossi", "Rossi Arredamenti S.r.l.", "IT", "Milan", "Furniture fittings"},
        {"Omar Nguyen", "Saigon Home Goods Co.", "VN", "Ho Chi Minh City", "Household plastics"},
        {"Grace Okafor", "Lagos Power Systems Ltd", "NG", "Lagos", "Generators"},
    };

    @Inject
    CustomerEventLog events;

    @Inject
    Clock clock;

    @Transactional
    void seed(@Observes DemoStoreSeeded store) {
        Instant now = clock.instant();
        CustomerStage[] stages = CustomerStage.values();
        CustomerSource[] sources = {CustomerSource.ALIBABA_INQUIRY, CustomerSource.IM_INQUIRY, CustomerSource.EXHIBITION,
            CustomerSource.REFERRAL, CustomerSource.SEARCH_ENGINE};
        for (int i = 0; i < 36; i++) {
            String[] buyer = BUYERS[i % BUYERS.length];
            Customer c = new Customer();
            c.name = buyer[0] + (i < BUYERS.length ? "" : " (" + (i / BUYERS.length + 1) + ")");
            c.companyName = buyer[1];
            c.country = buyer[2];
            c.city = buyer[3];
            c.mainProducts = i % 3 == 0 ? null : buyer[4];
            c.position = i % 2 == 0 ? "Purchasing Manager" : null;
            c.email = "buyer" + (i + 1) + "@" + buyer[1].toLowerCase().replaceAll("[^a-z]", "").substring(0, 8) + ".example";
            c.phone = i % 4 == 3 ? null : "+1 555 01" + String.format("%02d", i);
            c.mobile = i % 3 == 1 ? "+44 7700 9001" + String.format("%02d", i) : null;
            c.address = i % 2 == 0 ? (i + 10) + " Harbour Industrial Park, Building " + (i % 5 + 1) : null;
            c.source = sources[i % sources.length];
            c.stage = stages[i % stages.length];
            c.stars = (short) (i % 4);
            c.inquiryCount = i % 5;
            c.lastInquiryAt = c.inquiryCount > 0 ? now.minus(Duration.ofDays(i % 20)) : null;
            // Rita owns a dozen, Ravi ten, the rest wait in the pool; some were taken long enough ago to be due soon.
            c.ownerId = i < 12 ? store.repIds().get(0) : i < 22 ? store.repIds().get(1) : null;
            c.createdAt = now.minus(Duration.ofDays(i < 22 ? 5 + (i * 3) % 27 : 40));
            c.lastFollowUpAt = i % 3 == 0 ? now.minus(Duration.ofDays(i % 9)) : null;
            c.nextFollowUpAt = i % 4 == 0 && c.ownerId != null ? now.plus(Duration.ofHours((i % 3 - 1) * 20L)) : null;
            c.updatedAt = now;
            c.createdBy = store.managerId();
            c.emailNorm = ContactKeys.email(c.email);
            c.phoneDigits = ContactKeys.phoneDigits(c.phone);
            c.mobileDigits = ContactKeys.phoneDigits(c.mobile);
            PotentialScore.apply(c, now);
            c.persist();
            c.flush();
            Map<String, Object> data = new java.util.LinkedHashMap<>();
            data.put("ownerId", c.ownerId);
            data.put("stage", c.stage.name());
            data.put("source", c.source.name());
            events.record(c.id, CustomerEventType.CREATED, c.createdAt, store.managerId(), data);
        }
    }
}
