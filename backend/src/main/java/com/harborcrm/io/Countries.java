package com.harborcrm.io;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Country cells as spreadsheets hold them ("US", "United States", "美国", "USA") to ISO 3166-1 alpha-2 codes. */
final class Countries {

    private static final Map<String, String> CODES = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            CODES.put(CsvColumn.normalize(code), code);
            CODES.put(CsvColumn.normalize(country.getDisplayCountry(Locale.ENGLISH)), code);
            CODES.put(CsvColumn.normalize(country.getDisplayCountry(Locale.SIMPLIFIED_CHINESE)), code);
            try {
                CODES.put(CsvColumn.normalize(country.getISO3Country()), code);
            } catch (java.util.MissingResourceException e) {
                // no alpha-3 code: the alpha-2 code and the names still match
            }
        }
        Map.of("usa", "US", "america", "US", "unitedstatesofamerica", "US", "uk", "GB", "england", "GB",
                "greatbritain", "GB", "中国大陆", "CN", "prc", "CN", "southkorea", "KR", "russia", "RU")
                .forEach(CODES::put);
        CODES.put("uae", "AE");
        CODES.put("台湾", "TW");
        CODES.put("香港", "HK");
    }

    private Countries() {
    }

    /** The code, or the cell itself when it names no country (validation then refuses it). */
    static String code(String cell) {
        if (cell == null) {
            return null;
        }
        String code = CODES.get(CsvColumn.normalize(cell));
        return code != null ? code : cell;
    }
}
