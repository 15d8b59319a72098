package com.harborcrm.io;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.customer.ContactKeys;
import com.harborcrm.customer.Customer;
import com.harborcrm.customer.CustomerDtos.CustomerFields;
import com.harborcrm.customer.PotentialScore;

import de.siegmar.fastcsv.writer.CsvWriter;

/** Writes one row of the staging table (ImportRunner's STAGING_TABLE, same column order) to the COPY stream. */
final class StagingRow {

    private final CsvWriter out;
    private final ObjectMapper json;

    StagingRow(CsvWriter out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    /**
     * @param read  the validated row (create defaults filled in), null for a refused row
     * @param given source, stage, stars and status as the file gives them (null: not given), so that UPDATE
     *              leaves what the file does not say; INSERT fills the create defaults in
     */
    void write(CsvRow row, String reason, ImportMapping.Read read, CustomerFields given, boolean withRaw, Instant now)
            throws IOException {
        CsvWriter.CsvWriterRecord record = out.writeRecord();
        record.writeField(Long.toString(row.line())).writeField(reason).writeField(withRaw ? json(row.cells()) : null);
        if (read == null) {
            for (int i = 0; i < 32; i++) {
                record.writeField(null);
            }
            record.endRecord();
            return;
        }
        CustomerFields f = read.fields();
        Customer scored = scoredCustomer(f, now);
        record.writeField(f.name()).writeField(f.companyName()).writeField(f.position()).writeField(f.email())
                .writeField(f.phone()).writeField(f.mobile()).writeField(f.fax()).writeField(json(f.imAccounts()))
                .writeField(f.website()).writeField(f.country()).writeField(f.region()).writeField(f.city())
                .writeField(f.address()).writeField(f.postcode()).writeField(f.businessType())
                .writeField(f.mainProducts()).writeField(json(f.purchaseCategories()))
                .writeField(f.annualPurchaseAmount()).writeField(f.companySize()).writeField(name(given.source()))
                .writeField(name(given.stage())).writeField(given.stars() == null ? null : given.stars().toString())
                .writeField(name(given.status()))
                .writeField(f.notes()).writeField(json(f.customFields()))
                .writeField(ContactKeys.email(f.email())).writeField(ContactKeys.phoneDigits(f.phone()))
                .writeField(ContactKeys.phoneDigits(f.mobile())).writeField(Integer.toString(scored.potentialScore))
                .writeField(json(new ArrayList<>(ContactKeys.imHandles(f.imAccounts())))).writeField(json(read.tags()))
                .writeField(null);
        record.endRecord();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /**
     * A customer as create would build it, not persisted, only for its score (PotentialScore, the one place the
     * weights live; a new customer has no follow-up and no inquiry).
     */
    static Customer scoredCustomer(CustomerFields f, Instant now) {
        Customer c = new Customer();
        com.harborcrm.customer.CustomerService.apply(c, f);
        PotentialScore.apply(c, now);
        return c;
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value instanceof Map<?, ?> map && map.isEmpty() ? Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
