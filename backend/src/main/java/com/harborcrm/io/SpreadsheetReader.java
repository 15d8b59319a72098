package com.harborcrm.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * An uploaded .xlsx read as the CSV the import already knows: one sheet (the first, or the one the upload names),
 * streamed row by row by FastExcel's reader into a UTF-8 CSV file, so the import's mapping, duplicate policy,
 * progress and refused rows stay the same code. Cells are read as Excel stores them: text as text, numbers
 * without a spurious ".0", dates (a number with a date format) as ISO dates or date-times, booleans as TRUE/FALSE,
 * formulas by their last computed value.
 */
final class SpreadsheetReader {

    /** Every .xlsx is a zip: "PK\3\4". */
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};

    private SpreadsheetReader() {
    }

    static boolean isWorkbook(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(4);
            return java.util.Arrays.equals(start, ZIP);
        }
    }

    /**
     * Writes the chosen sheet of {@code workbook} to {@code csv}.
     *
     * @param sheetName a sheet's name, or its position from 1; null: the first sheet
     * @throws ImportRunner.JobFailure when the file is no readable workbook or has no such sheet
     */
    static void toCsv(Path workbook, String sheetName, Path csv) throws IOException {
        try (InputStream in = Files.newInputStream(workbook);
                ReadableWorkbook book = new ReadableWorkbook(in, new ReadingOptions(true, false))) {
            Sheet sheet = choose(book, sheetName);
            try (Writer text = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                    CsvWriter out = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(text);
                    Stream<Row> rows = sheet.openStream()) {
                List<String> cells = new ArrayList<>();
                java.util.Iterator<Row> it = rows.iterator();
                int previous = 0;
                while (it.hasNext()) {
                    Row row = it.next();
                    // Empty rows are absent from the sheet's XML: keep the line numbers of the file as Excel shows them.
                    for (int gap = previous + 1; gap < row.getRowNum(); gap++) {
                        out.writeRecord(List.of(""));
                    }
                    previous = row.getRowNum();
                    cells.clear();
                    for (int c = 0; c < row.getCellCount(); c++) {
                        cells.add(text(row.getCell(c)));
                    }
                    while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                        cells.remove(cells.size() - 1);
                    }
                    out.writeRecord(cells.isEmpty() ? List.of("") : cells);
                }
            }
        } catch (ImportRunner.JobFailure failure) {
            throw failure;
        } catch (IOException | RuntimeException unreadable) {
            throw new ImportRunner.JobFailure("The file is not a readable Excel workbook (.xlsx). Save it again from "
                    + "your spreadsheet as .xlsx or as CSV.", null);
        }
    }

    private static Sheet choose(ReadableWorkbook book, String name) {
        if (name == null || name.isBlank()) {
            return book.getFirstSheet();
        }
        Optional<Sheet> byName = book.findSheet(name.trim());
        if (byName.isPresent()) {
            return byName.get();
        }
        List<Sheet> sheets = book.getSheets().toList();
        try {
            int position = Integer.parseInt(name.trim());
            if (position >= 1 && position <= sheets.size()) {
                return sheets.get(position - 1);
            }
        } catch (NumberFormatException notAPosition) {
            // a name that is not there
        }
        throw new ImportRunner.JobFailure("The workbook has no sheet \"" + name.trim() + "\"; its sheets are "
                + String.join(", ", sheets.stream().map(Sheet::getName).toList()) + ".", null);
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> isDate(cell) ? date(cell.asDate()) : plain(cell.asNumber());
            case BOOLEAN -> Boolean.TRUE.equals(cell.asBoolean()) ? "TRUE" : "FALSE";
            case FORMULA -> cell.getRawValue() == null ? "" : cell.getRawValue();
            case ERROR, EMPTY -> "";
            default -> cell.getText() == null ? "" : cell.getText();
        };
    }

    private static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String date(LocalDateTime at) {
        return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.toString();
    }

    /** Excel keeps a date as a day number; only its format says it is one (built-in ids 14-22, 45-47, or y/d/h/s). */
    private static boolean isDate(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && (id >= 14 && id <= 22 || id >= 45 && id <= 47)) {
            return true;
        }
        String format = cell.getDataFormatString();
        if (format == null) {
            return false;
        }
        String bare = format.replaceAll("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.", "").toLowerCase(Locale.ROOT);
        return bare.matches(".*[ymdhs].*");
    }
}
