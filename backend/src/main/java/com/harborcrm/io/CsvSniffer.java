package com.harborcrm.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Guesses how a CSV file is written from its first bytes: the encoding (a BOM decides; else strict UTF-8; else
 * GB18030 when its multi-byte characters come in runs, as Chinese words do; else Windows-1252) and the field
 * separator (the candidate that splits the first lines into the most consistent, widest records).
 */
final class CsvSniffer {

    /** Bytes looked at. Big enough for a few hundred lines, small enough to decode several times. */
    static final int SAMPLE_SIZE = 64 * 1024;
    static final Charset GB18030 = Charset.forName("GB18030");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final List<Character> DELIMITERS = List.of(',', ';', '\t');

    private CsvSniffer() {
    }

    /** An encoding and the length of its byte order mark (skipped before parsing). */
    record Encoding(Charset charset, int bomLength) {
        String describe() {
            return charset.name() + (bomLength > 0 ? " with BOM" : "");
        }
    }

    static Encoding bom(byte[] sample, int length) {
        if (length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF) {
            return new Encoding(StandardCharsets.UTF_8, 3);
        }
        if (length >= 2 && (sample[0] & 0xFF) == 0xFF && (sample[1] & 0xFF) == 0xFE) {
            return new Encoding(StandardCharsets.UTF_16LE, 2);
        }
        if (length >= 2 && (sample[0] & 0xFF) == 0xFE && (sample[1] & 0xFF) == 0xFF) {
            return new Encoding(StandardCharsets.UTF_16BE, 2);
        }
        return null;
    }

    /** Detects the encoding of a file starting with these bytes. */
    static Encoding encoding(byte[] sample, int length, boolean complete) {
        Encoding bom = bom(sample, length);
        if (bom != null) {
            return bom;
        }
        if (decodes(sample, length, StandardCharsets.UTF_8, complete)) {
            return new Encoding(StandardCharsets.UTF_8, 0);
        }
        if (decodes(sample, length, GB18030, complete) && looksChinese(sample, length)) {
            return new Encoding(GB18030, 0);
        }
        return new Encoding(WINDOWS_1252, 0);
    }

    /** NUL bytes do not occur in text files other than UTF-16 (which has a BOM here). */
    static boolean looksBinary(byte[] sample, int length, Encoding encoding) {
        if (encoding.charset() == StandardCharsets.UTF_16LE || encoding.charset() == StandardCharsets.UTF_16BE) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (sample[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the sample decodes without error; a sample cut off inside a character (the file goes on) may end
     * with an incomplete sequence.
     */
    private static boolean decodes(byte[] sample, int length, Charset charset, boolean complete) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 16);
        CoderResult result = decoder.decode(in, out, complete);
        if (result.isError()) {
            return false;
        }
        if (complete) {
            return !decoder.flush(out).isError();
        }
        return in.remaining() < 4;
    }

    /**
     * GB18030 decodes almost any byte soup, Windows-1252 text included ("Müller" is M, a CJK character, "ler"). In
     * Chinese text the double-byte characters follow each other; in Western text a non-ASCII byte sits alone
     * between ASCII letters. So: most high bytes must be part of a run of at least two double-byte characters.
     */
    private static boolean looksChinese(byte[] sample, int length) {
        int inRuns = 0;
        int isolated = 0;
        int i = 0;
        while (i < length) {
            if ((sample[i] & 0x80) == 0) {
                i++;
                continue;
            }
            int run = 0;
            while (i + 1 < length && (sample[i] & 0xFF) >= 0x81 && (sample[i] & 0xFF) <= 0xFE
                    && (sample[i + 1] & 0xFF) >= 0x40) {
                run++;
                i += 2;
            }
            if (run == 0) {
                i++;
                isolated++;
            } else if (run == 1) {
                isolated++;
            } else {
                inRuns += run;
            }
        }
        return inRuns > 0 && inRuns >= 2 * isolated;
    }

    /** The decoded text of the sample, cut after its last line break. */
    static String text(byte[] sample, int length, Encoding encoding) {
        CharsetDecoder decoder = encoding.charset().newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            String text = decoder.decode(ByteBuffer.wrap(sample, encoding.bomLength(), length - encoding.bomLength()))
                    .toString();
            int lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
            return lastBreak > 0 && length >= SAMPLE_SIZE ? text.substring(0, lastBreak) : text;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The separator that cuts the sample's records into the same number of fields as its header most often,
     * preferring wider headers; a comma when nothing splits (a one-column file).
     */
    static char delimiter(String text) {
        char best = ',';
        long bestScore = -1;
        for (char candidate : DELIMITERS) {
            long score = score(text, candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private static long score(String text, char delimiter) {
        int header = -1;
        long consistent = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(true)
                .allowExtraFields(true).allowMissingFields(true).allowExtraCharsAfterClosingQuote(true)
                .ofCsvRecord(text)) {
            int rows = 0;
            for (CsvRecord record : reader) {
                if (header < 0) {
                    header = record.getFieldCount();
                } else if (record.getFieldCount() == header) {
                    consistent++;
                }
                if (++rows > 200) {
                    break;
                }
            }
        } catch (Exception e) {
            return 0;
        }
        if (header <= 1) {
            return 0;
        }
        return (consistent + 1) * 1000 + header;
    }

    /** The file's text in its encoding, past its byte order mark; bytes that do not decode fail the read. */
    static java.io.Reader reader(java.io.InputStream bytes, Encoding encoding) throws java.io.IOException {
        if (encoding.bomLength() > 0) {
            bytes.skipNBytes(encoding.bomLength());
        }
        java.nio.charset.CharsetDecoder decoder = encoding.charset().newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        return new java.io.InputStreamReader(bytes, decoder);
    }
}
