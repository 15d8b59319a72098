package com.harborcrm.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.harborcrm.common.error.FieldError;
import com.harborcrm.customer.CustomerDtos.CustomerFields;
import com.harborcrm.customer.CustomerSource;
import com.harborcrm.customer.CustomerStage;
import com.harborcrm.customer.CustomerStatus;
import com.harborcrm.customer.ImAccount;
import com.harborcrm.customer.ImChannel;
import com.harborcrm.customfield.CustomFieldDefinition;
import com.harborcrm.customfield.CustomFieldType;
import com.harborcrm.io.ImportDtos.ImportColumn;

/**
 * How the columns of one file map to customer fields (the header read AUTO, explicit overrides on top), and the
 * reading of one row's cells into {@link CustomerFields}. Cell values are only parsed here; the customer file's own
 * validation (CustomerInput) judges them.
 */
final class ImportMapping {

    static final String IGNORE = "ignore";
    static final String CUSTOM_PREFIX = "cf.";
    /** Multiple values in one cell (tags, categories, several handles) are separated by these. */
    static final String LIST_SEPARATORS = "[;|；]";

    /** What one column fills: a standard column, a custom field, or nothing. */
    record Target(CsvColumn column, CustomFieldDefinition custom) {
        static final Target NONE = new Target(null, null);

        String field() {
            return column != null ? column.key : custom != null ? CUSTOM_PREFIX + custom.key : null;
        }
    }

    final Target[] targets;
    final List<ImportColumn> columns = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    private final Map<CsvColumn, Integer> positions = new HashMap<>();

    private ImportMapping(Target[] targets) {
        this.targets = targets;
    }

    /**
     * Maps a header row. {@code overrides} are header → field key, {@code cf.<key>} or {@code ignore}; they were
     * checked when the job was created.
     */
    static ImportMapping of(String[] header, Map<String, String> overrides, Map<String, CustomFieldDefinition> definitions) {
        ImportMapping mapping = new ImportMapping(new Target[header.length]);
        Map<String, String> normalizedOverrides = new HashMap<>();
        overrides.forEach((h, f) -> normalizedOverrides.put(CsvColumn.normalize(h), f));
        Set<String> overridesUsed = new LinkedHashSet<>();
        Map<String, CustomFieldDefinition> customByName = new HashMap<>();
        definitions.values().forEach(d -> {
            customByName.put(CsvColumn.normalize(d.label), d);
            customByName.put(CsvColumn.normalize(d.key), d);
        });
        Set<String> taken = new LinkedHashSet<>();
        List<String> readOnly = new ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i] == null ? "" : header[i].strip();
            String normalized = CsvColumn.normalize(name);
            Target target;
            String override = overrides.containsKey(name) ? overrides.get(name) : normalizedOverrides.get(normalized);
            if (override != null) {
                overridesUsed.add(normalized);
                target = targetOf(override, definitions);
            } else if (normalized.isEmpty()) {
                target = Target.NONE;
                mapping.warnings.add("Column " + (i + 1) + " has no header: not imported");
            } else {
                CsvColumn column = CsvColumn.forHeader(name);
                CustomFieldDefinition custom = customByName.get(normalized);
                if (column != null && column.readOnly()) {
                    readOnly.add(name);
                    target = Target.NONE;
                } else if (column != null) {
                    target = new Target(column, null);
                } else if (custom != null) {
                    target = new Target(null, custom);
                } else {
                    target = Target.NONE;
                    mapping.warnings.add("Column \"" + name + "\" matches no field or custom field: not imported "
                            + "(map it with the mapping option)");
                }
            }
            if (target.field() != null && !taken.add(target.field())) {
                mapping.warnings.add("Column \"" + name + "\" (" + (i + 1) + ") fills " + target.field()
                        + " like an earlier column: not imported");
                target = Target.NONE;
            }
            mapping.targets[i] = target;
            if (target.column() != null) {
                mapping.positions.put(target.column(), i);
            }
            mapping.columns.add(new ImportColumn(i + 1, name, target.field()));
        }
        if (!readOnly.isEmpty()) {
            mapping.warnings.add("Read-only columns are not imported: " + String.join(", ", readOnly));
        }
        for (String key : overrides.keySet()) {
            if (!overridesUsed.contains(CsvColumn.normalize(key))) {
                mapping.warnings.add("The mapping names a column \"" + key + "\" that the file does not have");
            }
        }
        return mapping;
    }

    /** The target of a mapping value, or null when it names nothing (checked before the job starts). */
    static Target targetOf(String field, Map<String, CustomFieldDefinition> definitions) {
        String value = field == null ? "" : field.trim();
        if (value.isEmpty() || value.equalsIgnoreCase(IGNORE)) {
            return Target.NONE;
        }
        if (value.startsWith(CUSTOM_PREFIX)) {
            CustomFieldDefinition definition = definitions.get(value.substring(CUSTOM_PREFIX.length()));
            return definition == null ? null : new Target(null, definition);
        }
        CsvColumn column = CsvColumn.forKey(value);
        return column == null || column.readOnly() ? null : new Target(column, null);
    }

    /** Whether some column gives the customer a name (its own, or the company's). */
    boolean hasName() {
        return positions.containsKey(CsvColumn.NAME) || positions.containsKey(CsvColumn.COMPANY_NAME);
    }

    /** A row's cells as customer fields, plus its tag names; cell-level errors go to {@code errors}. */
    Read read(String[] cells, List<FieldError> errors) {
        Map<CsvColumn, String> values = new java.util.EnumMap<>(CsvColumn.class);
        Map<String, Object> custom = new LinkedHashMap<>();
        for (int i = 0; i < targets.length && i < cells.length; i++) {
            Target target = targets[i];
            String value = clean(cells[i]);
            if (value == null || target.field() == null) {
                continue;
            }
            if (target.column() != null) {
                values.put(target.column(), value);
            } else {
                custom.put(target.custom().key, customValue(target.custom(), value, errors));
            }
        }
        String name = values.get(CsvColumn.NAME);
        if (name == null) {
            name = values.get(CsvColumn.COMPANY_NAME);
        }
        List<ImAccount> accounts = new ArrayList<>();
        for (CsvColumn column : CsvColumn.values()) {
            ImChannel channel = column.imChannel();
            if (channel != null && values.containsKey(column)) {
                for (String handle : split(values.get(column))) {
                    accounts.add(new ImAccount(channel, handle));
                }
            }
        }
        CustomerFields fields = new CustomerFields(name, values.get(CsvColumn.COMPANY_NAME), values.get(CsvColumn.POSITION),
                values.get(CsvColumn.EMAIL), values.get(CsvColumn.PHONE), values.get(CsvColumn.MOBILE),
                values.get(CsvColumn.FAX), accounts, values.get(CsvColumn.WEBSITE),
                Countries.code(values.get(CsvColumn.COUNTRY)), values.get(CsvColumn.REGION), values.get(CsvColumn.CITY),
                values.get(CsvColumn.ADDRESS), values.get(CsvColumn.POSTCODE), values.get(CsvColumn.BUSINESS_TYPE),
                values.get(CsvColumn.MAIN_PRODUCTS), split(values.get(CsvColumn.PURCHASE_CATEGORIES)),
                values.get(CsvColumn.ANNUAL_PURCHASE_AMOUNT), values.get(CsvColumn.COMPANY_SIZE),
                values.containsKey(CsvColumn.SOURCE) ? parse(CustomerSource.class, values.get(CsvColumn.SOURCE), "source",
                        SOURCE_NAMES, errors) : null,
                values.containsKey(CsvColumn.STAGE) ? parse(CustomerStage.class, values.get(CsvColumn.STAGE), "stage",
                        STAGE_NAMES, errors) : null,
                values.containsKey(CsvColumn.STARS) ? stars(values.get(CsvColumn.STARS), errors) : null,
                values.containsKey(CsvColumn.STATUS) ? parse(CustomerStatus.class, values.get(CsvColumn.STATUS), "status",
                        STATUS_NAMES, errors) : null,
                values.get(CsvColumn.NOTES), custom);
        return new Read(fields, split(values.get(CsvColumn.TAGS)));
    }

    record Read(CustomerFields fields, List<String> tags) {
    }

    /**
     * Trimmed, blank as null, and without the apostrophe export puts before a leading = + - @ (so that
     * spreadsheets do not run the cell as a formula): what export wrote reads back as it was.
     */
    static String clean(String cell) {
        if (cell == null) {
            return null;
        }
        String value = cell.strip();
        if (value.length() > 1 && value.charAt(0) == '\'' && CsvCells.isFormulaStart(value.charAt(1))) {
            value = value.substring(1);
        }
        return value.isEmpty() ? null : value;
    }

    static List<String> split(String cell) {
        List<String> values = new ArrayList<>();
        if (cell != null) {
            for (String part : cell.split(LIST_SEPARATORS)) {
                String value = part.strip();
                if (!value.isEmpty() && !values.contains(value)) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    private static Object customValue(CustomFieldDefinition definition, String value, List<FieldError> errors) {
        if (definition.type == CustomFieldType.NUMBER) {
            try {
                return new BigDecimal(value.replace(",", ""));
            } catch (NumberFormatException e) {
                errors.add(new FieldError("customFields." + definition.key, "must be a number"));
                return null;
            }
        }
        if (definition.type == CustomFieldType.MULTI_SELECT) {
            return split(value);
        }
        return value;
    }

    private static Integer stars(String value, List<FieldError> errors) {
        String stars = value.replace("★", "*");
        if (!stars.isEmpty() && stars.chars().allMatch(c -> c == '*')) {
            return stars.length();
        }
        try {
            return Integer.valueOf(stars);
        } catch (NumberFormatException e) {
            errors.add(new FieldError("stars", "must be 0, 1, 2 or 3"));
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Map<String, E> names,
            List<FieldError> errors) {
        E known = names.get(CsvColumn.normalize(value));
        if (known == null) {
            errors.add(new FieldError(field, "must be one of " + EnumSet.allOf(type)));
        }
        return known;
    }

    private static final Map<String, CustomerStage> STAGE_NAMES = names(CustomerStage.class, Map.of(
            "未标记", CustomerStage.UNMARKED, "询盘", CustomerStage.INQUIRY, "样单", CustomerStage.SAMPLE_ORDER,
            "未成交", CustomerStage.NO_DEAL, "已报价", CustomerStage.NO_DEAL, "成交", CustomerStage.TRANSACTION,
            "已成交", CustomerStage.TRANSACTION, "复购", CustomerStage.REPEAT_PURCHASE, "返单", CustomerStage.REPEAT_PURCHASE));
    private static final Map<String, CustomerStatus> STATUS_NAMES = names(CustomerStatus.class, Map.of(
            "有效", CustomerStatus.ACTIVE, "正常", CustomerStatus.ACTIVE, "流失", CustomerStatus.LOST,
            "已流失", CustomerStatus.LOST));
    private static final Map<String, CustomerSource> SOURCE_NAMES = names(CustomerSource.class, Map.of(
            "阿里询盘", CustomerSource.ALIBABA_INQUIRY, "展会", CustomerSource.EXHIBITION, "转介绍", CustomerSource.REFERRAL,
            "导入", CustomerSource.IMPORT, "手动", CustomerSource.MANUAL, "其他", CustomerSource.OTHER));

    /** Enum names in any case, with spaces or dashes for underscores, plus the given words. */
    private static <E extends Enum<E>> Map<String, E> names(Class<E> type, Map<String, E> words) {
        Map<String, E> names = new HashMap<>();
        for (E value : type.getEnumConstants()) {
            names.put(CsvColumn.normalize(value.name()), value);
            names.put(CsvColumn.normalize(value.name().toLowerCase(Locale.ROOT).replace('_', ' ')), value);
        }
        words.forEach((word, value) -> names.put(CsvColumn.normalize(word), value));
        return names;
    }
}
