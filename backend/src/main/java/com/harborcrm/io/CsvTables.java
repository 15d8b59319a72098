package com.harborcrm.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * Small CSV tables read whole and written out, for features whose files are small (the product catalogue): the same
 * detection of encoding (BOM, UTF-8, GB18030, Windows-1252) and delimiter, the same FastCSV parser and the same
 * formula guard as the customer import and export, without their job machinery.
 */
public final class CsvTables {

    private CsvTables() {
    }

    /** One data line: its line number in the file (for error reports) and its cells. */
    public record Line(long number, List<String> cells) {

        /**
         * The cell trimmed, blank as null, and without the apostrophe an export put before a cell that starts like a
         * formula (so that a file exported and imported back is unchanged).
         */
        public String cell(int index) {
            if (index < 0 || index >= cells.size()) {
                return null;
            }
            String value = cells.get(index).trim();
            if (value.length() > 1 && value.charAt(0) == '\'' && CsvCells.isFormulaStart(value.charAt(1))) {
                value = value.substring(1);
            }
            return value.isEmpty() ? null : value;
        }
    }

    public record Table(List<String> header, List<Line> rows, String encoding, char delimiter) {
    }

    /** The file's header and rows; 400 on the field {@code file} for an empty, binary or unreadable file. */
    public static Table read(byte[] bytes, int maxRows) {
        int length = Math.min(bytes.length, CsvSniffer.SAMPLE_SIZE);
        CsvSniffer.Encoding encoding = CsvSniffer.encoding(bytes, length, bytes.length <= CsvSniffer.SAMPLE_SIZE);
        if (bytes.length == 0) {
            throw DomainException.invalid(FieldError.of("file", FieldError.Code.REQUIRED, "is empty"));
        }
        if (CsvSniffer.looksBinary(bytes, length, encoding)) {
            throw DomainException.invalid(FieldError.of("file", FieldError.Code.FORMAT,
                    "is not a CSV file (a spreadsheet saved as .xlsx? Save it as CSV)"));
        }
        char delimiter = CsvSniffer.delimiter(CsvSniffer.text(bytes, length, encoding));
        List<String> header = null;
        List<Line> rows = new ArrayList<>();
        try (Reader text = CsvSniffer.reader(new ByteArrayInputStream(bytes), encoding);
                CsvReader<CsvRow> csv = CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(true)
                        .allowExtraFields(true).allowMissingFields(true).build(new CsvRow.Handler(), text)) {
            for (CsvRow row : csv) {
                if (header == null) {
                    header = Arrays.stream(row.cells()).map(String::trim).toList();
                    continue;
                }
                if (Arrays.stream(row.cells()).allMatch(String::isBlank)) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw DomainException.invalid(FieldError.range("file", 1, maxRows,
                            "has more than " + maxRows + " rows"));
                }
                rows.add(new Line(row.line(), List.of(row.cells())));
            }
        } catch (CsvParseException e) {
            throw DomainException.invalid(FieldError.of("file", FieldError.Code.FORMAT,
                    "could not be read as CSV: " + e.getMessage()));
        } catch (IOException e) {
            throw DomainException.invalid(FieldError.of("file", FieldError.Code.FORMAT,
                    "is not text in " + encoding.describe()));
        }
        if (header == null) {
            throw DomainException.invalid(FieldError.of("file", FieldError.Code.REQUIRED, "has no header row"));
        }
        return new Table(header, rows, encoding.describe(), delimiter);
    }

    /** A UTF-8 CSV (with a BOM when asked, for Excel), every cell guarded against formula injection. */
    public static void write(OutputStream out, boolean bom, List<String> header, Iterable<List<String>> rows) {
        try {
            if (bom) {
                out.write(ExportService.UTF8_BOM);
            }
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CsvWriter csv = CsvWriter.builder().build(text);
            csv.writeRecord(header.stream().map(CsvCells::safe).toList());
            for (List<String> row : rows) {
                csv.writeRecord(row.stream().map(CsvCells::safe).toList());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
