package com.harborcrm.io;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.customer.ContactKeys;
import com.harborcrm.customer.Customer;
import com.harborcrm.customer.CustomerDtos.CustomerFields;
import com.harborcrm.customer.CustomerInput;
import com.harborcrm.customer.CustomerSource;
import com.harborcrm.customer.CustomerStage;
import com.harborcrm.customer.CustomerStatus;
import com.harborcrm.customer.ImAccount;
import com.harborcrm.customer.PotentialScore;
import com.harborcrm.customfield.CustomFieldDefinition;

/**
 * The UPDATE policy: each row matching a customer is merged into it (what the file gives replaces, what it leaves
 * blank stays; IM accounts and tags are added), validated as a whole like an edit, and its score recomputed.
 * A row that changes nothing is counted as skipped and leaves the customer's version alone, so exporting and
 * importing the export back with UPDATE changes nothing. Works through the staging table in chunks.
 */
final class ImportUpdates {

    private static final int CHUNK = 2000;
    private static final String[] TEXT_COLUMNS = {"name", "company_name", "position", "email", "phone", "mobile", "fax",
        "website", "country", "region", "city", "address", "postcode", "business_type", "main_products",
        "annual_purchase_amount", "company_size", "notes"};

    record Result(int updated, int unchanged) {
    }

    private final Connection connection;
    private final long storeId;
    private final Instant now;
    private final Map<String, CustomFieldDefinition> definitions;
    private final CustomerInput input;
    private final ObjectMapper json;
    private final ImportRunner.Progress progress;

    ImportUpdates(Connection connection, long storeId, Instant now, Map<String, CustomFieldDefinition> definitions,
            CustomerInput input, ObjectMapper json, ImportRunner.Progress progress) {
        this.connection = connection;
        this.storeId = storeId;
        this.now = now;
        this.definitions = definitions;
        this.input = input;
        this.json = json;
        this.progress = progress;
    }

    Result run() throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("create temporary table import_changed (id bigint primary key) on commit drop");
        }
        StringBuilder select = new StringBuilder("select r.line, r.match_id");
        for (String column : TEXT_COLUMNS) {
            select.append(", r.").append(column).append(", c.").append(column);
        }
        select.append("""
                , cast(r.im_accounts as text), cast(c.im_accounts as text),
                  cast(r.purchase_categories as text), cast(c.purchase_categories as text),
                  cast(r.custom_fields as text), cast(c.custom_fields as text),
                  r.source, c.source, r.stage, c.stage, r.stars, c.stars, r.status, c.status,
                  c.inquiry_count, c.last_follow_up_at
                from import_rows r join customers c on c.store_id = ? and c.id = r.match_id
                where r.reason is null and r.match_id is not null and r.line > ?
                order by r.line limit ?""");
        List<Object[]> refused = new ArrayList<>();
        long after = 0;
        while (true) {
            progress.checkNotStopping();
            List<Merged> chunk = new ArrayList<>();
            int read = 0;
            try (PreparedStatement query = connection.prepareStatement(select.toString())) {
                query.setLong(1, storeId);
                query.setLong(2, after);
                query.setInt(3, CHUNK);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        read++;
                        after = rows.getLong(1);
                        Merged merged = merge(rows);
                        if (merged.reason != null) {
                            refused.add(new Object[] {merged.reason, merged.line});
                        } else if (merged.fields != null) {
                            chunk.add(merged);
                        }
                    }
                }
            }
            write(chunk);
            if (read < CHUNK) {
                break;
            }
        }
        if (!refused.isEmpty()) {
            try (PreparedStatement refuse = connection.prepareStatement("update import_rows set reason = ? where line = ?")) {
                for (Object[] r : refused) {
                    refuse.setString(1, (String) r[0]);
                    refuse.setLong(2, (Long) r[1]);
                    refuse.addBatch();
                }
                refuse.executeBatch();
            }
        }
        try (PreparedStatement tags = connection.prepareStatement("""
                with added as (
                    insert into customer_tags (store_id, customer_id, tag_id)
                    select distinct ?, r.match_id, t.id
                    from import_rows r, jsonb_array_elements_text(r.tags) name
                    join tags t on t.store_id = ? and lower(t.name) = lower(name)
                    where r.reason is null and r.match_id is not null
                    on conflict do nothing
                    returning customer_id)
                insert into import_changed select distinct customer_id from added on conflict do nothing""")) {
            tags.setLong(1, storeId);
            tags.setLong(2, storeId);
            tags.executeUpdate();
        }
        int updated;
        int matched;
        try (var statement = connection.createStatement();
                ResultSet counts = statement.executeQuery("select (select count(*) from import_changed), "
                        + "(select count(*) from import_rows where reason is null and match_id is not null)")) {
            counts.next();
            updated = counts.getInt(1);
            matched = counts.getInt(2);
        }
        return new Result(updated, matched - updated);
    }

    private record Merged(long line, long customerId, CustomerFields fields, Customer scored, String reason) {
    }

    /** The file's row merged into its customer; fields null when nothing changes. */
    private Merged merge(ResultSet rows) throws SQLException {
        long line = rows.getLong(1);
        long id = rows.getLong(2);
        String[] imported = new String[TEXT_COLUMNS.length];
        String[] existing = new String[TEXT_COLUMNS.length];
        for (int i = 0; i < TEXT_COLUMNS.length; i++) {
            imported[i] = rows.getString(3 + 2 * i);
            existing[i] = rows.getString(4 + 2 * i);
        }
        int at = 3 + 2 * TEXT_COLUMNS.length;
        List<ImAccount> accounts = read(rows.getString(at + 1), new TypeReference<List<ImAccount>>() {
        });
        for (ImAccount account : read(rows.getString(at), new TypeReference<List<ImAccount>>() {
        })) {
            Set<String> known = ContactKeys.imHandles(accounts);
            if (!known.contains(ContactKeys.imHandle(account))) {
                accounts.add(account);
            }
        }
        List<String> importedCategories = read(rows.getString(at + 2), new TypeReference<List<String>>() {
        });
        List<String> categories = importedCategories.isEmpty()
                ? read(rows.getString(at + 3), new TypeReference<List<String>>() {
                }) : importedCategories;
        Map<String, Object> custom = read(rows.getString(at + 5), new TypeReference<LinkedHashMap<String, Object>>() {
        });
        Map<String, Object> before = new LinkedHashMap<>(custom);
        custom.putAll(read(rows.getString(at + 4), new TypeReference<LinkedHashMap<String, Object>>() {
        }));
        String[] v = new String[TEXT_COLUMNS.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = imported[i] != null ? imported[i] : existing[i];
        }
        CustomerSource source = CustomerSource.valueOf(either(rows.getString(at + 6), rows.getString(at + 7)));
        CustomerStage stage = CustomerStage.valueOf(either(rows.getString(at + 8), rows.getString(at + 9)));
        Object stars = rows.getObject(at + 10);
        int starsValue = stars != null ? ((Number) stars).intValue() : rows.getInt(at + 11);
        CustomerStatus status = CustomerStatus.valueOf(either(rows.getString(at + 12), rows.getString(at + 13)));
        CustomerFields merged = new CustomerFields(v[0], v[1], v[2], v[3], v[4], v[5], v[6], accounts, v[7],
                v[8] == null ? null : v[8].trim(), v[9], v[10], v[11], v[12], v[13], v[14], categories, v[15], v[16],
                source, stage, starsValue, status, v[17], custom);
        try {
            merged = input.forImport(merged, definitions);
        } catch (DomainException invalid) {
            return new Merged(line, id, null, null, "Updating the customer would make it invalid: "
                    + ImportRunner.describe(invalid.fieldErrors()));
        }
        boolean same = java.util.stream.IntStream.range(0, v.length).allMatch(i -> Objects.equals(v[i], existing[i]))
                && accounts.size() == read(rows.getString(at + 1), new TypeReference<List<ImAccount>>() {
                }).size()
                && categories.equals(read(rows.getString(at + 3), new TypeReference<List<String>>() {
                })) && json.valueToTree(custom).equals(json.valueToTree(before))
                && source.name().equals(rows.getString(at + 7)) && stage.name().equals(rows.getString(at + 9))
                && starsValue == rows.getInt(at + 11) && status.name().equals(rows.getString(at + 13));
        if (same) {
            return new Merged(line, id, null, null, null);
        }
        Customer scored = StagingRow.scoredCustomer(merged, now);
        scored.inquiryCount = rows.getInt(at + 14);
        Timestamp lastFollowUp = rows.getTimestamp(at + 15);
        scored.lastFollowUpAt = lastFollowUp == null ? null : lastFollowUp.toInstant();
        PotentialScore.apply(scored, now);
        return new Merged(line, id, merged, scored, null);
    }

    private static String either(String imported, String existing) {
        return imported != null ? imported : existing;
    }

    private void write(List<Merged> chunk) throws SQLException {
        if (chunk.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("""
                update customers set name = ?, company_name = ?, position = ?, email = ?, phone = ?, mobile = ?, fax = ?,
                    im_accounts = cast(? as jsonb), website = ?, country = ?, region = ?, city = ?, address = ?,
                    postcode = ?, business_type = ?, main_products = ?, purchase_categories = cast(? as jsonb),
                    annual_purchase_amount = ?, company_size = ?, source = ?, stage = ?, stars = ?, status = ?, notes = ?,
                    custom_fields = cast(? as jsonb), email_norm = ?, phone_digits = ?, mobile_digits = ?,
                    potential_score = ?, score_recent_until = ?, updated_at = ?, version = version + 1
                where store_id = ? and id = ?""");
                PreparedStatement dropHandles = connection.prepareStatement(
                        "delete from customer_im_handles where store_id = ? and customer_id = ?");
                PreparedStatement addHandle = connection.prepareStatement(
                        "insert into customer_im_handles (store_id, customer_id, handle) values (?, ?, ?) on conflict do nothing");
                PreparedStatement changed = connection.prepareStatement(
                        "insert into import_changed values (?) on conflict do nothing")) {
            for (Merged m : chunk) {
                CustomerFields f = m.fields();
                int i = 1;
                for (String value : new String[] {f.name(), f.companyName(), f.position(), f.email(), f.phone(),
                    f.mobile(), f.fax()}) {
                    update.setString(i++, value);
                }
                update.setString(i++, toJson(f.imAccounts()));
                for (String value : new String[] {f.website(), f.country(), f.region(), f.city(), f.address(),
                    f.postcode(), f.businessType(), f.mainProducts()}) {
                    update.setString(i++, value);
                }
                update.setString(i++, toJson(f.purchaseCategories()));
                update.setString(i++, f.annualPurchaseAmount());
                update.setString(i++, f.companySize());
                update.setString(i++, f.source().name());
                update.setString(i++, f.stage().name());
                update.setShort(i++, f.stars().shortValue());
                update.setString(i++, f.status().name());
                update.setString(i++, f.notes());
                update.setString(i++, toJson(f.customFields()));
                update.setString(i++, ContactKeys.email(f.email()));
                update.setString(i++, ContactKeys.phoneDigits(f.phone()));
                update.setString(i++, ContactKeys.phoneDigits(f.mobile()));
                update.setShort(i++, m.scored().potentialScore);
                update.setObject(i++, m.scored().scoreRecentUntil == null ? null
                        : Timestamp.from(m.scored().scoreRecentUntil), Types.TIMESTAMP);
                update.setTimestamp(i++, Timestamp.from(now));
                update.setLong(i++, storeId);
                update.setLong(i, m.customerId());
                update.addBatch();
                dropHandles.setLong(1, storeId);
                dropHandles.setLong(2, m.customerId());
                dropHandles.addBatch();
                for (String handle : ContactKeys.imHandles(f.imAccounts())) {
                    addHandle.setLong(1, storeId);
                    addHandle.setLong(2, m.customerId());
                    addHandle.setString(3, handle);
                    addHandle.addBatch();
                }
                changed.setLong(1, m.customerId());
                changed.addBatch();
            }
            update.executeBatch();
            dropHandles.executeBatch();
            addHandle.executeBatch();
            changed.executeBatch();
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            if (value == null) {
                value = type.getType().getTypeName().contains("Map") ? "{}" : "[]";
            }
            return json.readValue(value, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
