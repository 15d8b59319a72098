package com.harborcrm.io;

/** Cell rules shared by export and import. */
final class CsvCells {

    private CsvCells() {
    }

    /** Spreadsheets run a cell starting with one of these as a formula (CSV injection). */
    static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** The cell as export writes it: prefixed with an apostrophe when it could start a formula. */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return isFormulaStart(value.charAt(0)) ? "'" + value : value;
    }
}
