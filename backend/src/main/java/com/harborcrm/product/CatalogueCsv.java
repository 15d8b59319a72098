package com.harborcrm.product;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.money.Money;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.io.CsvTables;
import com.harborcrm.product.ProductDtos.CatalogueImportResult;
import com.harborcrm.product.ProductDtos.ProductInput;
import com.harborcrm.product.ProductDtos.RejectedRow;

/**
 * The catalogue as a CSV file, out and back in. The export has one column per product field, the stock (read only),
 * and one {@code attr:<key>} column per custom attribute; importing it back changes nothing. The import matches rows
 * to products by SKU ignoring case (update) or creates them, checks each row by the rules of a create, and writes
 * all good rows in one transaction, every bad row reported with its line and field errors. Stock is never imported:
 * it changes through stock movements only. Headers are matched ignoring case, in English or Chinese.
 */
@ApplicationScoped
public class CatalogueCsv {

    public static final int MAX_ROWS = 20_000;

    private static final List<String> FIELDS = List.of("sku", "name", "description", "category", "unit", "listPrice",
            "currency", "moq", "active", "imageUrl");
    private static final List<String> STOCK = List.of("onHand", "reserved", "available");
    private static final Map<String, String> ALIASES = aliases();

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    @Transactional
    public CatalogueImportResult importFile(byte[] bytes, boolean dryRun) {
        CsvTables.Table table = CsvTables.read(bytes, MAX_ROWS);
        Map<String, Integer> columns = new HashMap<>();
        Map<String, Integer> attributes = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < table.header().size(); i++) {
            String raw = table.header().get(i);
            String key = ALIASES.get(normalize(raw));
            if (raw.toLowerCase(Locale.ROOT).startsWith("attr:") && raw.length() > 5) {
                attributes.put(raw.substring(5).trim(), i);
            } else if (key != null && !columns.containsKey(key)) {
                columns.put(key, i);
            } else if (!STOCK.contains(key)) {
                ignored.add(raw);
            }
        }
        if (!columns.containsKey("sku") || !columns.containsKey("name") || !columns.containsKey("currency")) {
            throw com.harborcrm.common.error.DomainException.invalid(FieldError.of("file", FieldError.Code.REQUIRED,
                    "needs the columns SKU, Name and Currency (货号, 名称, 币种)"));
        }
        Map<String, Product> bySku = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Product> existing = em.createNativeQuery("select * from products where store_id = ?1", Product.class)
                .setParameter(1, tenant.storeId()).getResultList();
        existing.forEach(p -> bySku.put(p.sku.toLowerCase(Locale.ROOT), p));

        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<RejectedRow> rejected = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        Instant now = clock.instant();
        for (CsvTables.Line line : table.rows()) {
            List<FieldError> errors = new ArrayList<>();
            String fileSku = cell(line, columns, "sku");
            Product product = fileSku == null ? null : bySku.get(fileSku.toLowerCase(Locale.ROOT));
            ProductInput input = read(line, columns, attributes, errors,
                    product == null ? null : ProductService.inputOf(product));
            if (input != null) {
                for (ConstraintViolation<ProductInput> v : validator.validate(input)) {
                    errors.add(FieldError.of(v.getPropertyPath().toString(), v));
                }
                if (input.currency() != null && input.currency().matches(Money.CODE_PATTERN)
                        && !Money.isCurrency(input.currency())) {
                    errors.add(FieldError.of("currency", FieldError.Code.FORMAT, Money.CODE_MESSAGE));
                }
            }
            String sku = input == null || input.sku() == null ? null : input.sku().trim();
            if (sku != null && !sku.isEmpty() && !seen.add(sku.toLowerCase(Locale.ROOT))) {
                errors.add(FieldError.taken("sku", "appears earlier in the file"));
            }
            if (!errors.isEmpty()) {
                rejected.add(new RejectedRow(line.number(), sku, errors));
                continue;
            }
            if (product == null) {
                product = new Product();
                ProductService.apply(product, input);
                product.createdAt = now;
                product.updatedAt = now;
                if (!dryRun) {
                    product.persist();
                }
                created++;
            } else if (comparable(ProductService.inputOf(product)).equals(normalized(input))) {
                unchanged++;
            } else {
                if (!dryRun) {
                    ProductService.apply(product, input);
                    product.updatedAt = now;
                }
                updated++;
            }
        }
        if (!dryRun) {
            em.flush();
        }
        return new CatalogueImportResult(dryRun, table.rows().size(), created, updated, unchanged, rejected.size(),
                rejected.subList(0, Math.min(rejected.size(), 1000)), ignored);
    }

    /** The export: every product by SKU, stock included, then the union of their attribute keys. */
    public void export(OutputStream out, boolean bom) {
        @SuppressWarnings("unchecked")
        List<Product> products = em.createNativeQuery("select * from products where store_id = ?1 order by lower(sku)",
                Product.class).setParameter(1, tenant.storeId()).getResultList();
        Set<String> keys = new TreeSet<>();
        products.forEach(p -> keys.addAll(p.attributes.keySet()));
        List<String> header = new ArrayList<>(FIELDS);
        header.addAll(STOCK);
        keys.forEach(k -> header.add("attr:" + k));
        List<List<String>> rows = new ArrayList<>(products.size());
        for (Product p : products) {
            List<String> row = new ArrayList<>(List.of(p.sku, p.name, text(p.description), text(p.category), p.unit,
                    p.listPrice == null ? "" : Money.format(p.listPrice, p.currency), p.currency,
                    p.moq == null ? "" : p.moq.toString(), Boolean.toString(p.active), text(p.imageUrl),
                    Long.toString(p.onHand), Long.toString(p.reserved), Long.toString(p.onHand - p.reserved)));
            keys.forEach(k -> row.add(p.attributes.containsKey(k) ? String.valueOf(p.attributes.get(k)) : ""));
            rows.add(row);
        }
        CsvTables.write(out, bom, header, rows);
    }

    /**
     * The row as a product input: the file's columns, and for a product that exists, its own values where the file
     * has no column (a file of SKUs and prices changes prices only). An empty cell of a present column clears it.
     */
    private static ProductInput read(CsvTables.Line line, Map<String, Integer> columns, Map<String, Integer> attributes,
            List<FieldError> errors, ProductInput base) {
        BigDecimal price = base == null ? null : base.listPrice();
        String rawPrice = cell(line, columns, "listPrice");
        if (columns.containsKey("listPrice")) {
            price = null;
        }
        if (rawPrice != null) {
            try {
                price = new BigDecimal(rawPrice.replace(",", ""));
            } catch (NumberFormatException e) {
                errors.add(FieldError.of("listPrice", FieldError.Code.FORMAT, "must be a number such as 12.50"));
            }
        }
        Integer moq = columns.containsKey("moq") || base == null ? null : base.moq();
        String rawMoq = cell(line, columns, "moq");
        if (rawMoq != null) {
            try {
                moq = Integer.valueOf(rawMoq.replace(",", ""));
            } catch (NumberFormatException e) {
                errors.add(FieldError.of("moq", FieldError.Code.FORMAT, "must be a whole number"));
            }
        }
        Boolean active = columns.containsKey("active") || base == null ? null : base.active();
        String rawActive = cell(line, columns, "active");
        if (rawActive != null) {
            switch (rawActive.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1", "是", "启用" -> active = true;
                case "false", "no", "n", "0", "否", "停用" -> active = false;
                default -> errors.add(FieldError.of("active", FieldError.Code.FORMAT, "must be true or false"));
            }
        }
        // Attribute columns set or clear their key; keys without a column stay.
        Map<String, Object> attrs = new LinkedHashMap<>(base == null || base.attributes() == null ? Map.of()
                : base.attributes());
        attributes.forEach((key, index) -> {
            String value = line.cell(index);
            if (value == null) {
                attrs.remove(key);
            } else {
                attrs.put(key, value);
            }
        });
        String currency = text(line, columns, "currency", base == null ? null : base.currency());
        // A matched product keeps its SKU as written (the file matched it ignoring case).
        return new ProductInput(base != null ? base.sku() : text(line, columns, "sku", null),
                text(line, columns, "name", base == null ? null
                : base.name()), text(line, columns, "description", base == null ? null : base.description()),
                text(line, columns, "category", base == null ? null : base.category()),
                text(line, columns, "unit", base == null ? null : base.unit()), price,
                currency == null ? null : currency.toUpperCase(Locale.ROOT), moq, active,
                text(line, columns, "imageUrl", base == null ? null : base.imageUrl()), attrs);
    }

    /** The file's cell where the file has the column, else the product's own value. */
    private static String text(CsvTables.Line line, Map<String, Integer> columns, String key, String absent) {
        return columns.containsKey(key) ? cell(line, columns, key) : absent;
    }

    /** The row as the product would store it, to tell an unchanged row from an update. */
    private static ProductInput normalized(ProductInput in) {
        Product probe = new Product();
        ProductService.apply(probe, in);
        return comparable(ProductService.inputOf(probe));
    }

    /**
     * Compared as a file holds them: prices by value (8.5 read from the file equals 8.5000 read from the database),
     * attributes as text (a file cannot tell the number 40 from the text "40").
     */
    private static ProductInput comparable(ProductInput in) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (in.attributes() != null) {
            in.attributes().forEach((k, v) -> attributes.put(k, String.valueOf(v)));
        }
        return new ProductInput(in.sku(), in.name(), in.description(), in.category(), in.unit(),
                in.listPrice() == null ? null : in.listPrice().stripTrailingZeros(), in.currency(), in.moq(),
                in.active(), in.imageUrl(), attributes);
    }

    private static String cell(CsvTables.Line line, Map<String, Integer> columns, String key) {
        Integer index = columns.get(key);
        return index == null ? null : line.cell(index);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String normalize(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }

    private static Map<String, String> aliases() {
        Map<String, String> map = new HashMap<>();
        String[][] names = {
            {"sku", "sku", "货号", "产品编号", "sku编号"},
            {"name", "name", "名称", "产品名称", "品名"},
            {"description", "description", "描述", "产品描述"},
            {"category", "category", "类别", "分类"},
            {"unit", "unit", "单位"},
            {"listPrice", "listprice", "price", "价格", "单价", "标价"},
            {"currency", "currency", "币种", "货币"},
            {"moq", "moq", "起订量", "最小起订量"},
            {"active", "active", "启用", "状态"},
            {"imageUrl", "imageurl", "image", "图片", "图片链接"},
            {"onHand", "onhand", "库存"},
            {"reserved", "reserved", "预留"},
            {"available", "available", "可用"}};
        for (String[] row : names) {
            for (int i = 1; i < row.length; i++) {
                map.put(row[i], row[0]);
            }
        }
        return map;
    }
}
