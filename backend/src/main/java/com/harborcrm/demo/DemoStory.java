package com.harborcrm.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.harborcrm.account.AccountDtos.CreateUserRequest;
import com.harborcrm.account.AccountDtos.SignupRequest;
import com.harborcrm.account.AccountService;
import com.harborcrm.account.DemoStores;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.security.Role;
import com.harborcrm.common.security.ServerSideActor;
import com.harborcrm.common.tenancy.StoreWork;
import com.harborcrm.common.time.ReplayedTime;
import com.harborcrm.customer.CustomerFilter;
import com.harborcrm.customer.CustomerLifecycle;
import com.harborcrm.customer.CustomerService;
import com.harborcrm.customer.CustomerStage;
import com.harborcrm.customer.CustomerStatus;
import com.harborcrm.customfield.CustomFieldDtos.CreateCustomFieldRequest;
import com.harborcrm.customfield.CustomFieldService;
import com.harborcrm.customfield.CustomFieldType;
import com.harborcrm.followup.FollowUpDtos.CreateFollowUpRequest;
import com.harborcrm.followup.FollowUpService;
import com.harborcrm.followup.FollowUpType;
import com.harborcrm.inquiry.InquiryService;
import com.harborcrm.merge.MergeService;
import com.harborcrm.order.OrderDtos;
import com.harborcrm.order.OrderKind;
import com.harborcrm.order.OrderService;
import com.harborcrm.order.OrderStatus;
import com.harborcrm.pool.FieldVisibility;
import com.harborcrm.pool.PoolDirectory;
import com.harborcrm.pool.PoolDirectoryDtos;
import com.harborcrm.pool.PoolDtos.AssignRequest;
import com.harborcrm.pool.PoolDtos.ReleaseRequest;
import com.harborcrm.pool.PoolRules;
import com.harborcrm.pool.PoolRulesService;
import com.harborcrm.pool.StoreLimits;
import com.harborcrm.pool.PoolService;
import com.harborcrm.pool.PoolSweeper;
import com.harborcrm.product.ProductDtos;
import com.harborcrm.product.ProductService;
import com.harborcrm.reason.LostReasonService;
import com.harborcrm.tag.TagDtos.CreateTagRequest;
import com.harborcrm.tag.TagService;
import com.harborcrm.view.SavedViewDtos.SavedViewRequest;
import com.harborcrm.view.SavedViewService;

/**
 * The demo store's year and a quarter of business, written day by day through the application's own services at
 * the replayed time of each act (see {@link ReplayedTime}): buyers write inquiries, reps claim them from the pool,
 * follow up at their own pace, quote, send samples, win orders, lose some to price or silence and release others;
 * the manager routes leads and assigns; the nightly sweep returns what reps neglected. So every event, claim log,
 * statistic and timer is exactly what the application writes, and the statistics rollup agrees with a recount.
 * All chance comes from one {@link Random} with a fixed seed: every run tells the same story.
 */
@ApplicationScoped
public class DemoStory {

    private static final Logger LOG = Logger.getLogger(DemoStory.class);
    static final String PASSWORD = "harbor-demo";

    /**
     * What to write: the store's accounts under {@code emailDomain}, the days from {@code firstDay} to
     * {@code lastDay} (the store's calendar), new buyers per weekday at the story's end ({@code leadsPerDay}).
     */
    public record Plan(String emailDomain, LocalDate firstDay, LocalDate lastDay, double leadsPerDay, long seed) {
    }

    /** The accounts of the story's store, as the login banner and the tests need them. */
    public record Cast(long storeId, long adminId, long managerId, List<Long> repIds) {
    }

    /** A rep of the story and how they work: how many customers they keep, how reliably they follow up. */
    private record Rep(String name, String login, double diligence, int book, int joinsOnDay) {
    }

    private static final List<Rep> REPS = List.of(
            new Rep("Rita Rep", "rep", 0.96, 85, 0),
            new Rep("Ravi Rep", "rep2", 0.80, 100, 0),
            new Rep("Chen Jing", "rep3", 0.92, 80, 95),
            new Rep("Sofia Lopez", "rep4", 0.88, 70, 250));

    static final String ZONE = "Asia/Shanghai";
    private static final String[] PRODUCTS = {"LED panel light 600x600 40W", "Solar street light 100W all-in-one",
        "LED high bay 150W UFO", "LED flood light 200W IP66", "LED tube T8 18W 1200mm", "Solar garden light 5W",
        "LED strip 5050 12V", "Emergency LED bulb 9W"};
    private static final double[] PRICES = {6.80, 42.50, 18.90, 16.40, 1.35, 3.20, 0.95, 2.10};
    private static final String[] INCOTERMS = {"FOB", "CIF", "EXW", "DDP"};
    /** The catalogue: one SKU per product above, its minimum order and what the warehouse holds at the start. */
    private static final String[] SKUS = {"LP-6060-40", "SSL-AIO-100", "HB-UFO-150", "FL-200-IP66", "T8-18-1200",
        "SGL-5", "STRIP-5050-12", "EMB-9"};
    private static final int[] MOQS = {100, 20, 50, 50, 500, 200, 100, 500};
    private static final int[] OPENING_STOCK = {60_000, 4_000, 12_000, 9_000, 150_000, 30_000, 80_000, 100_000};
    private static final String[] CERTIFICATES = {"CE", "RoHS", "UL", "SAA", "SASO"};

    @Inject
    StoreWork storeWork;

    @Inject
    ServerSideActor actor;

    @Inject
    AccountService accounts;

    @Inject
    DemoStores demoStores;

    @Inject
    InquiryService inquiries;

    @Inject
    CustomerService customers;

    @Inject
    CustomerLifecycle lifecycle;

    @Inject
    FollowUpService followUps;

    @Inject
    PoolService pool;

    @Inject
    PoolDirectory pools;

    @Inject
    PoolRulesService poolRules;

    @Inject
    PoolSweeper sweeper;

    @Inject
    com.harborcrm.notification.NotificationService notifications;

    @Inject
    TagService tags;

    @Inject
    CustomFieldService customFields;

    @Inject
    LostReasonService reasons;

    @Inject
    com.harborcrm.io.ImportService imports;

    @Inject
    SavedViewService savedViews;

    @Inject
    MergeService merges;

    @Inject
    EntityManager em;

    @Inject
    ProductService products;

    @Inject
    OrderService orders;

    @Inject
    ObjectMapper json;

    /** A customer as the story remembers it between days; owner, stage and status are re-read every night. */
    private static final class Lead {
        final long id;
        final DemoPeople.Buyer buyer;
        Long owner;
        CustomerStage stage = CustomerStage.UNMARKED;
        boolean lost;
        LocalDate nextContact;
        LocalDate lostOn;
        final Set<Long> tags = new LinkedHashSet<>();
        int contacts;
        int product;
        int quantity;
        int orders;

        Lead(long id, DemoPeople.Buyer buyer) {
            this.id = id;
            this.buyer = buyer;
        }
    }

    private Plan plan;
    private Random random;
    private DemoPeople people;
    private ZoneId zone;
    private long storeId;
    private long adminId;
    private long managerId;
    private final List<Long> repIds = new ArrayList<>();
    private final List<Long> duplicatesToMerge = new ArrayList<>();
    private final Map<Long, Rep> repOf = new HashMap<>();
    private final Map<Long, Lead> leads = new LinkedHashMap<>();
    private final Map<String, Long> tagIds = new LinkedHashMap<>();
    private Map<String, Long> reasonIds;
    private LocalDate today;
    private int dayIndex;
    private int serial;

    private final long[] productIds = new long[PRODUCTS.length];

    /** Writes the whole story; synchronized because its memory is the bean's (it runs once, at start-up). */
    public synchronized Cast write(Plan plan) {
        this.plan = plan;
        this.random = new Random(plan.seed());
        this.people = new DemoPeople(random);
        this.zone = ZoneId.of(ZONE);
        leads.clear();
        repIds.clear();
        repOf.clear();
        tagIds.clear();
        duplicatesToMerge.clear();
        serial = 0;
        long started = System.nanoTime();
        today = plan.firstDay();
        openStore();
        int days = (int) ChronoUnit.DAYS.between(plan.firstDay(), plan.lastDay()) + 1;
        ReplayedTime.replaying(storeId, () -> {
            for (dayIndex = 0; dayIndex < days; dayIndex++) {
                today = plan.firstDay().plusDays(dayIndex);
                oneDay(days);
            }
            regionalPool();
            return null;
        });
        LOG.infof("Demo store written: %d customers over %d days in %d ms", leads.size(), days,
                (System.nanoTime() - started) / 1_000_000);
        return new Cast(storeId, adminId, managerId, List.copyOf(repIds));
    }

    /**
     * This morning (real time): the manager imports the list of visitors of the lighting fair into the pool, the
     * way a user uploads a CSV (the import job runs on the import workers). Three of the visitors were customers
     * already: the import skips them.
     */
    public void importFairList(Cast cast) {
        java.nio.file.Path file;
        try {
            file = java.nio.file.Files.createTempFile("demo-fair-list-", ".csv");
            try (var csv = de.siegmar.fastcsv.writer.CsvWriter.builder().build(file,
                    java.nio.charset.StandardCharsets.UTF_8)) {
                csv.writeRecord("Name", "Company", "Position", "Email", "Mobile", "Country", "City", "Notes");
                for (int i = 0; i < 36; i++) {
                    DemoPeople.Buyer buyer = people.next();
                    csv.writeRecord(buyer.name(), buyer.companyName(), buyer.position(), buyer.email(),
                            buyer.mobile(), buyer.country(), buyer.city(), "Visited our stand at the Hong Kong "
                                    + "Lighting Fair; asked for " + PRODUCTS[random.nextInt(PRODUCTS.length)] + ".");
                }
                leads.values().stream().limit(3).forEach(lead -> {
                    csv.writeRecord(lead.buyer.name(), lead.buyer.companyName(), lead.buyer.position(),
                            lead.buyer.email(), lead.buyer.mobile(), lead.buyer.country(), lead.buyer.city(),
                            "Visited our stand again.");
                });
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        storeWork.inStore(cast.storeId(), () -> {
            actor.actAs(cast.managerId(), Role.MANAGER);
            return imports.submit(file, "hong-kong-lighting-fair-visitors.csv",
                    new com.harborcrm.io.ImportService.Form(null, null, null, null, null, null, null, null, null));
        });
    }

    // ---- the store and its people -------------------------------------------------------------------------------

    private void openStore() {
        Instant opening = at(9, 0);
        var opened = ReplayedTime.at(opening, () -> storeWork.inNewContext(this::signup));
        storeId = opened.store().id();
        adminId = opened.user().id();
        inStoreAs(adminId, Role.ADMIN, opening, () -> {
            demoStores.markCurrent();
            managerId = accounts.createUser(new CreateUserRequest("Max Manager", login("manager"), PASSWORD,
                    Role.MANAGER)).id();
            poolRules.save(PoolDirectory.DEFAULT_POOL, new PoolRules(30, 90, 3, 200, 15, 7, 0, true,
                    new LinkedHashMap<>(Map.of("TRANSACTION", 60, "REPEAT_PURCHASE", 90)), false, 1,
                    FieldVisibility.ALL_MASKED), null);
            String[][] tagSpecs = {{"VIP", "#E53935", "Value"}, {"Distributor", "#1E88E5", "Business"},
                {"Project buyer", "#00897B", "Business"}, {"Sample sent", "#FB8C00", "Progress"},
                {"Price sensitive", "#F9A825", "Value"}, {"Needs certificates", "#757575", "Progress"},
                {"Canton Fair", "#8E24AA", "Source"}, {"Slow payer", "#6D4C41", "Value"}};
            for (String[] spec : tagSpecs) {
                tagIds.put(spec[0], tags.create(new CreateTagRequest(spec[0], spec[1], spec[2])).id());
            }
            customFields.create(new CreateCustomFieldRequest("incoterm", "Preferred incoterm", CustomFieldType.SELECT,
                    List.of(INCOTERMS), false));
            customFields.create(new CreateCustomFieldRequest("target_price", "Target unit price (USD)",
                    CustomFieldType.NUMBER, null, false));
            customFields.create(new CreateCustomFieldRequest("certifications", "Certifications needed",
                    CustomFieldType.MULTI_SELECT, List.of(CERTIFICATES), false));
            for (int i = 0; i < PRODUCTS.length; i++) {
                long id = products.create(new ProductDtos.ProductInput(SKUS[i], PRODUCTS[i],
                        null, PRODUCTS[i].startsWith("Solar") ? "Solar" : "LED lighting", "pcs",
                        BigDecimal.valueOf(PRICES[i]).setScale(2, RoundingMode.HALF_UP), "USD",
                        MOQS[i], true, null, Map.of("warranty", PRODUCTS[i].startsWith("Solar") ? "2 years" : "3 years")))
                        .id();
                productIds[i] = id;
                products.recordMovement(id, new ProductDtos.StockMovementInput(
                        ProductDtos.MovementKind.RECEIVED, (long) OPENING_STOCK[i],
                        "Opening stock"));
            }
            return null;
        });
        inStoreAs(managerId, Role.MANAGER, at(9, 20), () -> {
            savedViews.create(new SavedViewRequest("Distributors", screen(null, List.of(tagIds.get("Distributor")), null,
                    null), "-score"));
            savedViews.create(new SavedViewRequest("Buying customers", screen(List.of(CustomerStage.TRANSACTION,
                    CustomerStage.REPEAT_PURCHASE), null, null, null), "-score"));
            return null;
        });
        reasonIds = new LinkedHashMap<>();
        inStoreAs(adminId, Role.ADMIN, opening, () -> reasons.list()).forEach(r -> reasonIds.put(r.name(), r.id()));
    }

    /** A saved view's criteria: the stages, tags, lowest score and statuses given, nothing else. */
    private static CustomerFilter screen(List<CustomerStage> stages, List<Long> tags, Integer scoreMin,
            List<CustomerStatus> statuses) {
        return new CustomerFilter(null, stages, null, statuses, null, null, tags, null, null, null, null, null, null, null,
                null, null, scoreMin, null, null, null);
    }

    private com.harborcrm.account.AccountDtos.SignupResponse signup() {
        return accounts.signup(new SignupRequest("Harbor Demo Trading", "Alice Admin", login("admin"), PASSWORD, ZONE));
    }

    private String login(String user) {
        return user + "@" + plan.emailDomain();
    }

    private void hireReps() {
        for (Rep rep : REPS) {
            if (rep.joinsOnDay() == dayIndex) {
                long id = inStoreAs(adminId, Role.ADMIN, at(9, 30), () -> accounts.createUser(
                        new CreateUserRequest(rep.name(), login(rep.login()), PASSWORD, Role.REP)).id());
                // Max manages every rep: the escalation ladder copies him a day before their customers return.
                inStoreAs(adminId, Role.ADMIN, at(9, 31), () -> accounts.setManager(id, managerId));
                repIds.add(id);
                repOf.put(id, rep);
                // The screens a rep comes back to every morning.
                inStoreAs(id, Role.REP, at(9, 40), () -> {
                    savedViews.create(new SavedViewRequest("Samples out", screen(List.of(CustomerStage.SAMPLE_ORDER),
                            null, null, null), "-score"));
                    savedViews.create(new SavedViewRequest("Hot leads", screen(null, null, 50, List.of(CustomerStatus.ACTIVE)),
                            "-score"));
                    return null;
                });
            }
        }
    }

    /** Buyers of these countries wait in a pool of their own, worked by the reps who know the region. */
    private static final List<String> MIDDLE_EAST_AND_AFRICA = List.of("AE", "SA", "TR", "NG", "ZA");

    /**
     * Yesterday evening the admin opened a second pool for the Middle East and Africa, with Ravi (rep2) and Sofia as
     * members and Max as its manager, and moved the region's unclaimed buyers into it: Rita (rep) no longer sees them,
     * Ravi does. The pool has rules of its own.
     */
    private void regionalPool() {
        List<Long> members = repIds.stream().filter(id -> List.of("rep2", "rep4").contains(repOf.get(id).login())).toList();
        inStoreAs(adminId, Role.ADMIN, at(20, 0), () -> {
            // Max runs the region: he tunes its rules and distribution himself.
            long pool = pools.create(new PoolDirectoryDtos.PoolInput("Middle East & Africa", false, members, List.of(),
                    List.of(managerId))).id();
            @SuppressWarnings("unchecked")
            List<Number> regional = em.createNativeQuery("""
                    select c.id from customers c join customer_owners o on o.store_id = c.store_id and o.customer_id = c.id
                    where c.store_id = ?1 and o.owner_id is null and c.country in (?2) order by c.id""")
                    .setParameter(1, storeId).setParameter(2, MIDDLE_EAST_AND_AFRICA).getResultList();
            if (!regional.isEmpty()) {
                pools.move(pool, regional.stream().map(Number::longValue).toList());
            }
            // Longer buying cycles in the region: more days before a return, fewer claims a day. Its buyers are
            // reached on WeChat and WhatsApp, so those handles stay hidden until claimed; a website helps a rep
            // choose whom to claim and stays visible.
            poolRules.save(pool, new PoolRules(45, 120, 5, 150, 10, 7, 0, true,
                    new LinkedHashMap<>(Map.of("TRANSACTION", 60, "REPEAT_PURCHASE", 90)), false, 1,
                    new FieldVisibility(FieldVisibility.Level.MASKED, FieldVisibility.Level.MASKED,
                            FieldVisibility.Level.MASKED, FieldVisibility.Level.HIDDEN, FieldVisibility.Level.HIDDEN,
                            FieldVisibility.Level.VISIBLE)), null);
            // A rep in both pools could hold 200 + 150 by the pools' rules; the store caps them at 300 together.
            poolRules.saveLimits(new StoreLimits(300, 0), null);
            return pool;
        });
    }

    // ---- one day ------------------------------------------------------------------------------------------------

    private void oneDay(int days) {
        hireReps();
        boolean weekend = today.getDayOfWeek() == DayOfWeek.SATURDAY || today.getDayOfWeek() == DayOfWeek.SUNDAY;
        // The business grows: a third more leads a day at the end than at the start.
        double rate = plan.leadsPerDay() * (0.75 + 0.25 * dayIndex / Math.max(1, days - 1)) * (weekend ? 0.35 : 1);
        int arrivals = poisson(rate);
        for (int i = 0; i < arrivals; i++) {
            newInquiry();
        }
        if (random.nextDouble() < (weekend ? 0.15 : 0.45)) {
            repeatInquiry();
        }
        if (isFairDay()) {
            fairLeads();
        }
        if (!weekend) {
            // Each working morning people go through the bell: the last night's notices are read; the story's final
            // night's and weekend's are left for whoever signs in.
            inStoreAs(managerId, Role.MANAGER, at(9, 5), () -> notifications.markAllRead(at(9, 5)));
            for (Long rep : repIds) {
                inStoreAs(rep, Role.REP, at(9, 5), () -> notifications.markAllRead(at(9, 5)));
            }
            for (Long rep : repIds) {
                claims(rep);
            }
            if (today.getDayOfWeek() == DayOfWeek.MONDAY) {
                managerAssigns();
            }
            for (Lead lead : new ArrayList<>(leads.values())) {
                if (lead.owner != null && !lead.lost && lead.nextContact != null && !lead.nextContact.isAfter(today)) {
                    work(lead);
                }
            }
        }
        if (dayIndex % 61 == 60 && duplicatesToMerge.size() > 1) {
            mergeOneDuplicate();
        }
        ReplayedTime.at(at(23, 30), () -> sweeper.sweep(storeId));
        reread();
    }

    /** Canton Fair, spring and autumn phases: the reps come back with business cards. */
    private boolean isFairDay() {
        return (today.getMonthValue() == 4 || today.getMonthValue() == 10) && today.getDayOfMonth() >= 16
                && today.getDayOfMonth() <= 18;
    }

    // ---- leads arriving -----------------------------------------------------------------------------------------

    private static final String[][] CHANNELS = {{"ALIBABA", "45"}, {"IM", "15"}, {"EMAIL", "10"}, {"WEBSITE", "9"},
        {"SEARCH_ENGINE", "8"}, {"ECOMMERCE_PLATFORM", "5"}, {"REFERRAL", "8"}};

    private void newInquiry() {
        DemoPeople.Buyer buyer = people.next();
        int product = random.nextInt(PRODUCTS.length);
        int quantity = quantity(product);
        String channel = weighted(CHANNELS);
        ObjectNode body = json.createObjectNode();
        body.put("channel", channel);
        body.put("product", PRODUCTS[product]);
        body.put("message", inquiryMessage(buyer, product, quantity));
        body.set("contact", contact(buyer));
        // A seventh of the leads the manager routes straight to a rep; the rest go to the pool for whoever is quickest.
        if (!repIds.isEmpty() && random.nextInt(7) == 0) {
            body.put("assignTo", repIds.get(random.nextInt(repIds.size())));
        }
        Instant when = at(8 + random.nextInt(5), random.nextInt(60));
        var outcome = inStoreAs(managerId, Role.MANAGER, when, () -> inquiries.receive("demo-" + (++serial), body));
        long id = outcome.body().path("customerId").asLong();
        Lead lead = leads.computeIfAbsent(id, k -> new Lead(id, buyer));
        lead.product = product;
        lead.quantity = quantity;
        if (!outcome.body().path("ownerId").isNull()) {
            lead.owner = outcome.body().path("ownerId").asLong();
            lead.nextContact = today.plusDays(1);
        }
    }

    private void repeatInquiry() {
        List<Lead> known = leads.values().stream().filter(l -> l.contacts > 0).toList();
        if (known.isEmpty()) {
            return;
        }
        // Customers who bought write again more often.
        Lead lead = known.get(random.nextInt(known.size()));
        if (lead.stage.ordinal() < CustomerStage.TRANSACTION.ordinal() && random.nextBoolean()) {
            lead = known.get(random.nextInt(known.size()));
        }
        int product = random.nextInt(PRODUCTS.length);
        ObjectNode body = json.createObjectNode();
        body.put("channel", lead.buyer.imHandle() != null && random.nextBoolean() ? "IM" : "EMAIL");
        body.put("product", PRODUCTS[product]);
        body.put("message", inquiryMessage(lead.buyer, product, quantity(product)));
        body.set("contact", contact(lead.buyer));
        Lead repeat = lead;
        inStoreAs(managerId, Role.MANAGER, at(8 + random.nextInt(5), random.nextInt(60)),
                () -> inquiries.receive("demo-" + (++serial), body));
        // A lost buyer who writes again is worth another try.
        if (repeat.lost && repeat.owner != null && random.nextBoolean()) {
            inStoreAs(repeat.owner, Role.REP, at(17, 0), () -> {
                lifecycle.reactivate(repeat.id);
                return null;
            });
            repeat.lost = false;
            repeat.nextContact = today.plusDays(1);
        } else if (repeat.owner != null && !repeat.lost) {
            repeat.nextContact = today.plusDays(1);
        }
    }

    /** Business cards from the fair, typed in by each rep as their own customers (and one buyer twice). */
    private void fairLeads() {
        for (Long rep : repIds) {
            int cards = 3 + random.nextInt(4);
            for (int i = 0; i < cards; i++) {
                DemoPeople.Buyer buyer = people.next();
                ObjectNode body = customerBody(buyer);
                body.put("source", "EXHIBITION");
                body.put("stage", "INQUIRY");
                body.put("notes", "Met at the Canton Fair, booth 11.2 C35. Interested in " + PRODUCTS[random.nextInt(PRODUCTS.length)] + ".");
                long id = inStoreAs(rep, Role.REP, at(19, 10 + i), () -> customers.create(body, false).id());
                Lead lead = new Lead(id, buyer);
                lead.owner = rep;
                lead.stage = CustomerStage.INQUIRY;
                lead.product = random.nextInt(PRODUCTS.length);
                lead.quantity = quantity(lead.product);
                lead.nextContact = today.plusDays(2 + random.nextInt(4));
                lead.tags.add(tagIds.get("Canton Fair"));
                leads.put(id, lead);
                setTags(rep, lead, at(19, 30));
            }
            // The colleague at the next table took the same buyer's card: a real duplicate for the finder (the manager
            // merges some of them later).
            List<Lead> others = leads.values().stream().filter(l -> l.owner != null && !l.owner.equals(rep)
                    && l.buyer.mobile() != null).toList();
            if (!others.isEmpty() && (rep.equals(repIds.get(0)) || random.nextInt(2) == 0)) {
                Lead original = others.get(random.nextInt(others.size()));
                DemoPeople.Buyer again = people.sameBuyerAgain(original.buyer);
                ObjectNode body = customerBody(again);
                body.put("source", "EXHIBITION");
                long id = inStoreAs(rep, Role.REP, at(19, 45), () -> customers.create(body, true).id());
                Lead lead = new Lead(id, again);
                lead.owner = rep;
                lead.nextContact = today.plusDays(3);
                leads.put(id, lead);
                duplicatesToMerge.add(id);
            }
        }
    }

    // ---- the reps' work -----------------------------------------------------------------------------------------

    private void claims(long rep) {
        Rep who = repOf.get(rep);
        // The book counts the customers a rep works on; lost ones stay theirs but need no work.
        long working = leads.values().stream().filter(l -> Long.valueOf(rep).equals(l.owner) && !l.lost).count();
        int wanted = (int) Math.min(6, Math.max(random.nextInt(3) == 0 ? 1 : 0,
                (who.book() - working) / 4 + random.nextInt(3) - 1));
        if (wanted == 0) {
            return;
        }
        // The freshest pool customers first: an inquiry of yesterday is worth more than one of last year.
        List<Long> candidates = leads.values().stream().filter(l -> l.owner == null && !l.lost)
                .sorted(Comparator.comparingLong((Lead l) -> -l.id)).limit(wanted * 3L).map(l -> l.id)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        java.util.Collections.shuffle(candidates, random);
        List<Long> pick = candidates.subList(0, Math.min(wanted, candidates.size()));
        if (pick.isEmpty()) {
            return;
        }
        var result = inStoreAs(rep, Role.REP, at(13, 5 + random.nextInt(50)), () -> pool.claim(List.copyOf(pick)));
        for (Long id : result.claimed()) {
            Lead lead = leads.get(id);
            lead.owner = rep;
            lead.nextContact = today.plusDays(random.nextInt(2));
        }
    }

    /** Monday: the manager hands the pool's promising customers to the reps with the smallest books. */
    private void managerAssigns() {
        if (repIds.isEmpty()) {
            return;
        }
        List<Long> promising = leads.values().stream().filter(l -> l.owner == null && !l.lost
                && l.stage.ordinal() >= CustomerStage.SAMPLE_ORDER.ordinal()).map(l -> l.id).limit(2 + random.nextInt(3))
                .toList();
        if (promising.isEmpty()) {
            return;
        }
        long target = repIds.stream().min(Comparator.comparingLong(r -> leads.values().stream()
                .filter(l -> r.equals(l.owner) && !l.lost).count())).orElseThrow();
        var result = inStoreAs(managerId, Role.MANAGER, at(13, 58),
                () -> pool.assign(new AssignRequest(promising, target, false)));
        for (Long id : result.assigned()) {
            leads.get(id).owner = target;
            leads.get(id).nextContact = today.plusDays(1);
        }
    }

    /** A follow-up that is due: done (diligent reps nearly always), or let slip a few days. */
    private void work(Lead lead) {
        Rep rep = repOf.get(lead.owner);
        if (rep == null || random.nextDouble() > rep.diligence()) {
            lead.nextContact = today.plusDays(2 + random.nextInt(rep == null ? 5 : 12));
            return;
        }
        long owner = lead.owner;
        Instant when = at(14 + random.nextInt(4), random.nextInt(57));
        lead.contacts++;
        CustomerStage next = nextStage(lead);
        String outcome = null;
        if (next == null && lead.stage.ordinal() <= CustomerStage.NO_DEAL.ordinal() && lead.contacts > 2) {
            double roll = random.nextDouble();
            if (roll < (lead.stage == CustomerStage.NO_DEAL ? 0.12 : 0.035)) {
                outcome = "LOST";
            } else if (roll < (lead.stage == CustomerStage.NO_DEAL ? 0.18 : 0.06)) {
                outcome = "RELEASE";
            }
        }
        FollowUpType type = followUpType(lead, next);
        int gap = gapDays(next == null ? lead.stage : next);
        LocalDate nextContact = today.plusDays(gap);
        Instant nextAt = nextContact.atTime(10, 0).atZone(zone).toInstant();
        String content = content(lead, type, next, outcome);
        Instant reminder = outcome == null ? nextAt : null;
        inStoreAs(owner, Role.REP, when, () -> followUps.create(lead.id,
                new CreateFollowUpRequest(type, content, null, reminder)));
        lead.nextContact = nextContact;
        if (next != null) {
            changeStage(lead, next, when.plusSeconds(60));
        }
        if ("LOST".equals(outcome)) {
            String reason = lead.stage == CustomerStage.NO_DEAL
                    ? weighted(new String[][] {{"Price", "6"}, {"Went to a competitor", "3"}, {"Delivery", "1"}})
                    : weighted(new String[][] {{"No longer needs", "3"}, {"Contact information lost", "2"},
                        {"Price", "3"}, {"Product quality", "1"}, {"Other", "1"}});
            inStoreAs(owner, Role.REP, when.plusSeconds(120), () -> {
                lifecycle.markLost(lead.id, reasonIds.get(reason), reason.equals("Price")
                        ? "Their budget is 15% under our price" : null);
                return null;
            });
            lead.lost = true;
            lead.lostOn = today;
        } else if ("RELEASE".equals(outcome)) {
            String reason = weighted(new String[][] {{"No longer needs", "2"}, {"Contact information lost", "3"},
                {"Other", "1"}});
            inStoreAs(owner, Role.REP, when.plusSeconds(120), () -> {
                pool.release(lead.id, new ReleaseRequest(reasonIds.get(reason), "No answer to three e-mails and two calls"));
                return null;
            });
            lead.owner = null;
            lead.nextContact = null;
        }
    }

    private CustomerStage nextStage(Lead lead) {
        double roll = random.nextDouble();
        return switch (lead.stage) {
            case UNMARKED -> roll < 0.6 ? CustomerStage.INQUIRY : null;
            case INQUIRY -> roll < 0.08 ? CustomerStage.SAMPLE_ORDER : roll < 0.12 ? CustomerStage.NO_DEAL : null;
            case SAMPLE_ORDER -> roll < 0.13 ? CustomerStage.TRANSACTION : roll < 0.23 ? CustomerStage.NO_DEAL : null;
            case NO_DEAL -> roll < 0.04 ? CustomerStage.TRANSACTION : null;
            case TRANSACTION -> lead.orders > 0 && roll < 0.06 ? CustomerStage.REPEAT_PURCHASE : null;
            case REPEAT_PURCHASE -> null;
        };
    }

    private void changeStage(Lead lead, CustomerStage next, Instant when) {
        ObjectNode patch = json.createObjectNode();
        patch.put("stage", next.name());
        ObjectNode custom = json.createObjectNode();
        switch (next) {
            case SAMPLE_ORDER -> {
                lead.tags.add(tagIds.get("Sample sent"));
                custom.put("incoterm", INCOTERMS[random.nextInt(INCOTERMS.length)]);
                ArrayNode certificates = custom.putArray("certifications");
                certificates.add("CE");
                if (random.nextBoolean()) {
                    certificates.add("RoHS");
                    lead.tags.add(tagIds.get("Needs certificates"));
                }
                custom.put("target_price", Math.round(PRICES[lead.product] * (0.85 + random.nextDouble() * 0.1) * 100) / 100.0);
                patch.put("stars", 2);
            }
            case TRANSACTION -> {
                lead.orders++;
                patch.put("stars", 3);
                if (lead.quantity >= 2000 || random.nextInt(4) == 0) {
                    lead.tags.add(tagIds.get("VIP"));
                }
            }
            case NO_DEAL -> lead.tags.add(tagIds.get("Price sensitive"));
            case INQUIRY -> {
                patch.put("stars", 1);
                if (lead.buyer.businessType().equals("Distributor") || lead.buyer.businessType().equals("Wholesaler")) {
                    lead.tags.add(tagIds.get("Distributor"));
                } else if (lead.buyer.businessType().equals("Contractor")
                        || lead.buyer.businessType().equals("Project developer")) {
                    lead.tags.add(tagIds.get("Project buyer"));
                }
            }
            default -> {
            }
        }
        if (!custom.isEmpty()) {
            patch.set("customFields", custom);
        }
        long owner = lead.owner;
        inStoreAs(owner, Role.REP, when, () -> customers.update(lead.id, patch, null, true));
        lead.stage = next;
        setTags(owner, lead, when.plusSeconds(30));
        deal(lead, next, when.plusSeconds(90));
    }

    /**
     * The paperwork behind a stage: a sample order confirmed and shipped; a quotation sent and declined (no deal);
     * an order confirmed and paid, shipped for most, at a price a little under the list (transaction, repeat).
     */
    private void deal(Lead lead, CustomerStage stage, Instant when) {
        long owner = lead.owner;
        long product = productIds[lead.product];
        String incoterm = INCOTERMS[random.nextInt(INCOTERMS.length)];
        BigDecimal listPrice = BigDecimal.valueOf(PRICES[lead.product]);
        switch (stage) {
            case SAMPLE_ORDER -> {
                long id = inStoreAs(owner, Role.REP, when, () -> orders.create(lead.id, order("SAMPLE_ORDER", incoterm,
                        product, 2, listPrice, "Samples by courier, freight collect"))).id();
                ensureStock(product, 2, when.plusSeconds(30));
                inStoreAs(owner, Role.REP, when.plusSeconds(60), () -> orders.changeStatus(id,
                        OrderStatus.CONFIRMED, null));
                inStoreAs(owner, Role.REP, when.plusSeconds(3600), () -> orders.changeStatus(id,
                        OrderStatus.SHIPPED, null));
            }
            case NO_DEAL -> {
                long id = inStoreAs(owner, Role.REP, when, () -> orders.create(lead.id, order("QUOTATION", incoterm,
                        product, Math.max(lead.quantity, MOQS[lead.product]), listPrice, "Valid for 30 days"))).id();
                inStoreAs(owner, Role.REP, when.plusSeconds(60), () -> orders.changeStatus(id,
                        OrderStatus.SENT, null));
                inStoreAs(owner, Role.REP, when.plusSeconds(120), () -> orders.changeStatus(id,
                        OrderStatus.DECLINED, null));
            }
            case TRANSACTION, REPEAT_PURCHASE -> {
                BigDecimal price = listPrice.multiply(BigDecimal.valueOf(0.9 + random.nextInt(8)
                        / 100.0)).setScale(2, RoundingMode.HALF_UP);
                int quantity = Math.max(lead.quantity, MOQS[lead.product]);
                // Most deals start as a quotation the buyer accepts; some repeat buyers just send an order.
                long id;
                if (random.nextInt(10) < 7) {
                    long quotation = inStoreAs(owner, Role.REP, when.minusSeconds(7200), () -> orders.create(lead.id,
                            order("QUOTATION", incoterm, product, quantity, price, "Valid for 30 days"))).id();
                    inStoreAs(owner, Role.REP, when.minusSeconds(7140), () -> orders.changeStatus(quotation,
                            OrderStatus.SENT, null));
                    id = inStoreAs(owner, Role.REP, when, () -> orders.convert(quotation, null)).id();
                } else {
                    id = inStoreAs(owner, Role.REP, when, () -> orders.create(lead.id, order("ORDER", incoterm,
                            product, quantity, price, "30% deposit, balance against B/L copy"))).id();
                }
                ensureStock(product, quantity, when.plusSeconds(30));
                inStoreAs(owner, Role.REP, when.plusSeconds(60), () -> orders.changeStatus(id,
                        OrderStatus.CONFIRMED, null));
                inStoreAs(owner, Role.REP, when.plusSeconds(120), () -> orders.changeStatus(id,
                        OrderStatus.PAID, null));
                if (random.nextInt(5) > 0) {
                    inStoreAs(owner, Role.REP, when.plusSeconds(180), () -> orders.changeStatus(id,
                            OrderStatus.SHIPPED, null));
                }
            }
            default -> {
            }
        }
    }

    /**
     * An order the warehouse cannot cover starts a production run first, so that confirming it never breaks the
     * stock rule: big orders, and samples of a product a big order just emptied (the story moves with the calendar,
     * so which day empties which product changes from one day to the next).
     */
    private void ensureStock(long product, long quantity, Instant when) {
        inStoreAs(managerId, Role.MANAGER, when, () -> {
            long available = products.get(product).stock().available();
            if (available < quantity) {
                products.recordMovement(product, new ProductDtos.StockMovementInput(
                        ProductDtos.MovementKind.RECEIVED, Math.max(quantity * 2, 1_000), "Production run"));
            }
            return null;
        });
    }

    private static OrderDtos.OrderInput order(String kind, String incoterm, long product,
            long quantity, BigDecimal unitPrice, String notes) {
        return new OrderDtos.OrderInput(OrderKind.valueOf(kind), "USD",
                OrderDtos.Incoterm.valueOf(incoterm), null, notes,
                List.of(new OrderDtos.LineInput(product, null, quantity, unitPrice,
                        BigDecimal.ZERO)));
    }

    private void setTags(long user, Lead lead, Instant when) {
        if (!lead.tags.isEmpty()) {
            inStoreAs(user, Role.REP, when, () -> tags.setCustomerTags(lead.id, List.copyOf(lead.tags)));
        }
    }

    /** Every other month the manager merges the oldest of the fairs' double entries; the rest wait in the finder. */
    private void mergeOneDuplicate() {
        Lead copy = leads.get(duplicatesToMerge.remove(0));
        Lead original = copy == null ? null : leads.values().stream().filter(l -> l.id != copy.id
                && copy.buyer.mobile() != null && copy.buyer.mobile().equals(l.buyer.mobile())).findFirst().orElse(null);
        if (original == null) {
            return;
        }
        inStoreAs(managerId, Role.MANAGER, at(11, 0), () -> merges.merge(original.id, List.of(copy.id)));
        leads.remove(copy.id);
    }

    /** After the nightly sweep: who owns what now (auto-returns), read back from the store. */
    private void reread() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = storeWork.inStore(storeId, () -> em.createNativeQuery(
                "select c.id, o.owner_id, c.stage, c.status from customers c join customer_owners o "
                + "on o.store_id = c.store_id and o.customer_id = c.id where c.store_id = :store")
                .setParameter("store", storeId).getResultList());
        Set<Long> present = new LinkedHashSet<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            present.add(id);
            Lead lead = leads.get(id);
            if (lead == null) {
                continue;
            }
            Long owner = row[1] == null ? null : ((Number) row[1]).longValue();
            if (lead.owner != null && owner == null) {
                lead.nextContact = null;
            }
            lead.owner = owner;
            lead.stage = CustomerStage.valueOf((String) row[2]);
            lead.lost = "LOST".equals(row[3]);
        }
        leads.keySet().retainAll(present);
    }

    // ---- texts --------------------------------------------------------------------------------------------------

    private String inquiryMessage(DemoPeople.Buyer buyer, int product, int quantity) {
        String first = buyer.name().split(" ")[0];
        if (isChinese(buyer)) {
            return switch (random.nextInt(3)) {
                case 0 -> "你好，请报" + PRODUCTS[product] + "的价格，数量" + quantity + "个，含税送到" + buyer.city() + "。谢谢！";
                case 1 -> "我们在找" + PRODUCTS[product] + "的长期供应商，月需求大约" + quantity + "个，请发目录和报价。";
                default -> "请问" + PRODUCTS[product] + "最小起订量是多少？可以做OEM吗？";
            };
        }
        return switch (random.nextInt(5)) {
            case 0 -> "Hi, we are interested in your " + PRODUCTS[product] + ". Please send your best price for "
                    + quantity + " pcs FOB Ningbo and the lead time. Regards, " + first;
            case 1 -> "Dear supplier, we need " + quantity + " units of " + PRODUCTS[product] + " for a project in "
                    + buyer.city() + ". Do you have CE and RoHS certificates? " + first;
            case 2 -> "Please quote " + PRODUCTS[product] + ", quantity " + quantity + ". Can you do OEM with our logo?";
            case 3 -> "We are a " + buyer.businessType().toLowerCase(Locale.ROOT) + " in " + buyer.city()
                    + " looking for a long-term supplier. What is your MOQ for " + PRODUCTS[product] + "?";
            default -> "Hello, send me the catalogue and price list for " + PRODUCTS[product]
                    + ". We buy around " + quantity + " pcs per quarter.";
        };
    }

    private FollowUpType followUpType(Lead lead, CustomerStage next) {
        if (next == CustomerStage.SAMPLE_ORDER) {
            return FollowUpType.SAMPLE;
        }
        if (next == CustomerStage.TRANSACTION || next == CustomerStage.REPEAT_PURCHASE) {
            return FollowUpType.QUOTATION;
        }
        if (lead.contacts == 1) {
            return FollowUpType.EMAIL;
        }
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> FollowUpType.EMAIL;
            case 3, 4 -> FollowUpType.CALL;
            case 5, 6, 7 -> FollowUpType.CHAT;
            case 8 -> lead.stage == CustomerStage.INQUIRY ? FollowUpType.QUOTATION : FollowUpType.MEETING;
            default -> FollowUpType.NOTE;
        };
    }

    private String content(Lead lead, FollowUpType type, CustomerStage next, String outcome) {
        String first = lead.buyer.name().contains(" ") ? lead.buyer.name().split(" ")[0] : lead.buyer.name();
        String product = PRODUCTS[lead.product];
        String price = String.format(Locale.ROOT, "%.2f", PRICES[lead.product] * (0.95 + random.nextDouble() * 0.15));
        int quantity = lead.quantity;
        if ("LOST".equals(outcome)) {
            return lead.stage == CustomerStage.NO_DEAL
                    ? first + " placed the order with another supplier at USD "
                        + String.format(Locale.ROOT, "%.2f", PRICES[lead.product] * 0.86) + ". Closing this one."
                    : "No reply since the last quotation; " + first + " said they postponed the project indefinitely.";
        }
        if ("RELEASE".equals(outcome)) {
            return "Tried e-mail, " + (lead.buyer.imChannel() == null ? "phone" : "WhatsApp") + " and phone again: no answer. Giving "
                    + first + " back to the pool.";
        }
        if (next == CustomerStage.SAMPLE_ORDER) {
            return "Samples of " + product + " sent by DHL, AWB " + (1_000_000_000L + random.nextInt(900_000_000))
                    + ". " + first + " pays the freight; test report expected in two weeks.";
        }
        if (next == CustomerStage.TRANSACTION) {
            return "Order PO-" + today.getYear() + "-" + (100 + random.nextInt(900)) + " confirmed: " + quantity
                    + " pcs " + product + " at USD " + price + " FOB Ningbo, 30% deposit received. Production 25 days.";
        }
        if (next == CustomerStage.REPEAT_PURCHASE) {
            return "Repeat order: " + (quantity + quantity / 2) + " pcs " + product + ", same terms as last time. "
                    + first + " was happy with the first batch.";
        }
        if (next == CustomerStage.NO_DEAL) {
            return first + " says our price is too high: their other quote is about 12% lower. Keeping in touch for the next season.";
        }
        if (isChinese(lead.buyer) && random.nextBoolean()) {
            return switch (type) {
                case CALL -> "电话沟通：客户需要" + quantity + "个" + product + "，对价格比较敏感，下周再确认。";
                case CHAT -> "微信聊了交期，客户希望20天内出货，已答复需要25天。";
                default -> "已发送" + product + "的报价单和产品目录，等待客户回复。";
            };
        }
        String chat = lead.buyer.imChannel() == null ? "WhatsApp" : switch (lead.buyer.imChannel()) {
            case "WECHAT" -> "WeChat";
            case "SKYPE" -> "Skype";
            case "LINE" -> "LINE";
            case "TELEGRAM" -> "Telegram";
            default -> "WhatsApp";
        };
        // A buyer who orders talks about orders, shipments and payments; one who has not yet, about prices and tests.
        if (lead.stage.ordinal() >= CustomerStage.TRANSACTION.ordinal() && type != FollowUpType.QUOTATION) {
            int po = 100 + random.nextInt(900);
            return pick(
                    "Shipment of PO-" + today.getYear() + "-" + po + " left Ningbo on " + shipped() + "; sent " + first
                            + " the B/L copy and the packing list.",
                    first + " paid the balance of PO-" + today.getYear() + "-" + po + "; booked the container for next week.",
                    chat + ": " + first + " sent photos of the installed " + product + "; happy with the light quality.",
                    "Asked " + first + " for the forecast of next quarter: about " + (quantity + quantity / 4) + " pcs.",
                    first + " reported " + (2 + random.nextInt(6)) + " faulty drivers in the last batch; replacing them in "
                            + "the next shipment.",
                    "Sent " + first + " our new catalogue with the 2027 models; they want samples of the new "
                            + PRODUCTS[random.nextInt(PRODUCTS.length)] + ".");
        }
        return switch (type) {
            case EMAIL -> lead.contacts == 1
                    ? "Sent our catalogue and price list for " + product + "; asked " + first + " for the target price and yearly volume."
                    : pick("E-mailed " + first + " the photometric report and the CE certificate of " + product + ".",
                        "Sent " + first + " a revised offer: USD " + price + " for " + quantity + " pcs, 5% off above "
                            + quantity * 2 + ".",
                        "Reminded " + first + " that our quotation expires on Friday.",
                        first + " asked for the LM-80 report and a 5-year warranty; sent both.");
            case CALL -> pick("Called " + first + ": they buy about " + quantity + " pcs per quarter; interested if we can do USD "
                    + price + ".",
                    "Called " + first + ": their project in " + lead.buyer.city() + " starts next month; waiting for the tender result.",
                    "Called, no answer; left a message for " + first + ".",
                    "Called " + first + ": they compare us with two other suppliers; our delivery time is the strong point.");
            case CHAT -> pick(chat + ": " + first + " asked about the lead time for " + quantity
                    + " pcs; told them 25 days after the deposit.",
                    chat + ": " + first + " wants a 4000K version and a custom box with their logo.",
                    chat + ": sent " + first + " a video of the ageing test in our factory.",
                    chat + ": " + first + " asked whether we can ship DDP to " + lead.buyer.city() + ".");
            case QUOTATION -> "Sent quotation QT-" + today.getYear() + String.format("%04d", ++serial % 10_000) + ": "
                    + quantity + " pcs " + product + " at USD " + price + " FOB Ningbo, valid 30 days.";
            case MEETING -> pick("Video call with " + first + " and their engineer: checked the test data; they want 5000K and "
                    + "0-10V dimming.", "Met " + first + " at their office in " + lead.buyer.city()
                    + ": walked through the warehouse, they stock about 20 items from a competitor.");
            case NOTE -> pick(first + " is travelling until next week; follow up then.",
                    "Public holiday in " + lead.buyer.country() + " this week; follow up after it.");
            default -> "Talked to " + first + " about " + product + ".";
        };
    }

    private String pick(String... texts) {
        return texts[random.nextInt(texts.length)];
    }

    private String shipped() {
        return today.minusDays(1 + random.nextInt(5)).format(java.time.format.DateTimeFormatter.ofPattern("MMM d",
                Locale.ENGLISH));
    }

    private static boolean isChinese(DemoPeople.Buyer buyer) {
        return buyer.country().equals("CN") || buyer.country().equals("TW");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private ObjectNode contact(DemoPeople.Buyer buyer) {
        ObjectNode contact = json.createObjectNode();
        contact.put("name", buyer.name());
        contact.put("companyName", buyer.companyName());
        contact.put("email", buyer.email());
        if (buyer.phone() != null) {
            contact.put("phone", buyer.phone());
        }
        if (buyer.mobile() != null) {
            contact.put("mobile", buyer.mobile());
        }
        if (buyer.imHandle() != null) {
            ArrayNode accounts = contact.putArray("imAccounts");
            accounts.addObject().put("channel", buyer.imChannel()).put("handle", buyer.imHandle());
        }
        contact.put("country", buyer.country());
        return contact;
    }

    private ObjectNode customerBody(DemoPeople.Buyer buyer) {
        ObjectNode body = json.createObjectNode();
        body.put("name", buyer.name());
        body.put("companyName", buyer.companyName());
        body.put("position", buyer.position());
        body.put("email", buyer.email());
        body.put("phone", buyer.phone());
        body.put("mobile", buyer.mobile());
        if (buyer.imHandle() != null) {
            body.putArray("imAccounts").addObject().put("channel", buyer.imChannel()).put("handle", buyer.imHandle());
        }
        body.put("website", buyer.website());
        body.put("country", buyer.country());
        body.put("city", buyer.city());
        body.put("address", buyer.address());
        body.put("postcode", buyer.postcode());
        body.put("businessType", buyer.businessType());
        body.put("companySize", buyer.companySize());
        body.put("annualPurchaseAmount", buyer.annualPurchase());
        ArrayNode categories = body.putArray("purchaseCategories");
        buyer.categories().forEach(categories::add);
        return body;
    }

    private int quantity(int product) {
        int[] steps = {200, 500, 1000, 2000, 3000, 5000, 10000};
        int q = steps[random.nextInt(steps.length)];
        return PRICES[product] > 20 ? Math.max(50, q / 10) : q;
    }

    private int gapDays(CustomerStage stage) {
        return switch (stage) {
            case UNMARKED, INQUIRY -> 6 + random.nextInt(10);
            case SAMPLE_ORDER -> 4 + random.nextInt(8);
            case NO_DEAL -> 14 + random.nextInt(14);
            case TRANSACTION -> 10 + random.nextInt(15);
            case REPEAT_PURCHASE -> 14 + random.nextInt(21);
        };
    }

    private String weighted(String[][] options) {
        int total = 0;
        for (String[] o : options) {
            total += Integer.parseInt(o[1]);
        }
        int roll = random.nextInt(total);
        for (String[] o : options) {
            roll -= Integer.parseInt(o[1]);
            if (roll < 0) {
                return o[0];
            }
        }
        return options[0][0];
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    /** Today at the given local time of the store. */
    private Instant at(int hour, int minute) {
        return today.atTime(LocalTime.of(Math.min(hour, 23), minute)).atZone(zone).toInstant();
    }

    /** The work done by a user of the store at a replayed time, as one unit of work (its own request context). */
    private <T> T inStoreAs(long userId, Role role, Instant when, Supplier<T> work) {
        return ReplayedTime.at(when, () -> storeWork.inStore(storeId, () -> {
            actor.actAs(userId, role);
            try {
                return work.get();
            } catch (DomainException e) {
                throw new IllegalStateException("The demo story broke a rule on " + today + ": " + e.getMessage(), e);
            }
        }));
    }
}
