package com.harborcrm.io;

import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;

/** One record of an uploaded file: where it starts, its cells, and whether its last cell was quoted. */
record CsvRow(long line, String[] cells, boolean lastQuoted) {

    /**
     * Builds {@link CsvRow}s for FastCSV's reader. It also tells whether the last cell was quoted, which import needs
     * to notice a quote left open at the end of the file (FastCSV reads it as a cell running to the end).
     */
    static final class Handler extends CsvCallbackHandler<CsvRow> {

        /** A cell longer than this is not a customer detail but a quote left open. */
        static final int MAX_CELL = 100_000;

        private final List<String> cells = new ArrayList<>();
        private long line;
        private boolean lastQuoted;
        private RecordType type = RecordType.DATA;

        @Override
        protected RecordType getRecordType() {
            return type;
        }

        @Override
        protected int getFieldCount() {
            return cells.size();
        }

        @Override
        protected void beginRecord(long startingLineNumber) {
            line = startingLineNumber;
            cells.clear();
            lastQuoted = false;
            type = RecordType.DATA;
        }

        @Override
        protected void addField(char[] buf, int offset, int len, boolean quoted) {
            if (len > MAX_CELL) {
                throw new de.siegmar.fastcsv.reader.CsvParseException("A cell is longer than " + MAX_CELL
                        + " characters: a quote is probably not closed");
            }
            cells.add(new String(buf, offset, len));
            lastQuoted = quoted;
        }

        @Override
        protected void setComment(char[] buf, int offset, int len) {
            type = RecordType.COMMENT;
        }

        @Override
        protected void setEmpty() {
            type = RecordType.EMPTY;
        }

        @Override
        protected CsvRow buildRecord() {
            return new CsvRow(line, cells.toArray(String[]::new), lastQuoted);
        }
    }
}
