package in.workbench.analytics.imports;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Streams the records of a delimited text file one at a time, with the physical line each record
 * starts on and its raw text, so that a bad record can be reported and kept exactly as it was.
 *
 * <p>Fields are split by OpenCSV's RFC 4180 parser: quoted fields may hold delimiters, doubled
 * quotes and line breaks. A UTF-8 byte-order mark is skipped. A quote that is never closed does
 * not swallow the rest of the file: a record may span at most {@link #MAX_RECORD_LINES} lines and
 * {@link #MAX_RECORD_CHARS} characters; past that its first line is reported as a broken record
 * and reading resumes on the line after it.
 *
 * <p>Not thread-safe: one reader per file and thread.
 */
public final class CsvRecordReader implements Closeable {

    /** The most physical lines one record may span before its quote is taken to be unclosed. */
    public static final int MAX_RECORD_LINES = 100;
    /** The most characters one record may hold before its quote is taken to be unclosed. */
    public static final int MAX_RECORD_CHARS = 200_000;

    /**
     * One record of the file.
     *
     * @param line the physical line (1-based, header is line 1) the record starts on
     * @param raw the record's text as it stood in the file (line breaks inside quotes kept)
     * @param fields the parsed fields, or null when the record could not be parsed
     * @param problem why the record could not be parsed, or null
     */
    public record Record(long line, String raw, String[] fields, String problem) {
    }

    private final BufferedReader reader;
    private final RFC4180Parser parser;
    private final char delimiter;
    private final Deque<String> replay = new ArrayDeque<>();
    private final Deque<Long> replayLineNumbers = new ArrayDeque<>();
    private long nextLineNumber = 1;
    private boolean first = true;

    /** Opens a file for reading with the given delimiter. */
    public CsvRecordReader(Path file, char delimiter) throws IOException {
        this(Files.newInputStream(file), delimiter);
    }

    /** Reads a stream (UTF-8, optional BOM) with the given delimiter. */
    public CsvRecordReader(InputStream in, char delimiter) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        this.delimiter = delimiter;
        this.parser = new RFC4180ParserBuilder().withSeparator(delimiter).build();
    }

    /** The delimiter this reader splits on. */
    public char delimiter() {
        return delimiter;
    }

    /**
     * Detects the delimiter from a header line: the most frequent of comma, semicolon and tab
     * outside quotes; comma on a tie or when none occurs.
     */
    public static char detectDelimiter(String headerLine) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    comma++;
                } else if (c == ';') {
                    semicolon++;
                } else if (c == '\t') {
                    tab++;
                }
            }
        }
        if (tab > comma && tab >= semicolon) {
            return '\t';
        }
        if (semicolon > comma) {
            return ';';
        }
        return ',';
    }

    /** Reads the first line of a file (BOM removed), for delimiter detection; null if empty. */
    public static String firstLine(Path file) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            return line == null ? null : stripBom(line);
        }
    }

    private static String stripBom(String line) {
        return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
    }

    /** The next record, or null at the end of the file. Blank lines are skipped. */
    public Record next() throws IOException {
        while (true) {
            String firstLine = nextPhysicalLine();
            if (firstLine == null) {
                return null;
            }
            long startLine = lastLineNumber;
            if (firstLine.isBlank()) {
                continue;
            }
            if (!opensQuote(firstLine)) {
                return parse(startLine, firstLine);
            }
            // A quoted field continues on the next lines: gather them, within bounds.
            List<String> gathered = new ArrayList<>();
            List<Long> gatheredNumbers = new ArrayList<>();
            StringBuilder record = new StringBuilder(firstLine);
            boolean open = true;
            while (open) {
                if (gathered.size() + 1 >= MAX_RECORD_LINES || record.length() > MAX_RECORD_CHARS) {
                    break;
                }
                String more = nextPhysicalLine();
                if (more == null) {
                    break;
                }
                gathered.add(more);
                gatheredNumbers.add(lastLineNumber);
                record.append('\n').append(more);
                open = opensQuote(record);
            }
            if (!open) {
                return parse(startLine, record.toString());
            }
            // Unclosed quote: report the first line, then read on from the line after it.
            for (int i = gathered.size() - 1; i >= 0; i--) {
                replay.addFirst(gathered.get(i));
                replayLineNumbers.addFirst(gatheredNumbers.get(i));
            }
            return new Record(startLine, firstLine, null, "a quote opened on this line is never closed (checked the next "
                    + gathered.size() + " lines); the record was cut off here and reading went on with the next line");
        }
    }

    private long lastLineNumber;

    private String nextPhysicalLine() throws IOException {
        if (!replay.isEmpty()) {
            lastLineNumber = replayLineNumbers.removeFirst();
            return replay.removeFirst();
        }
        String line = reader.readLine();
        if (line == null) {
            return null;
        }
        if (first) {
            first = false;
            line = stripBom(line);
        }
        lastLineNumber = nextLineNumber++;
        return line;
    }

    /** True when the text ends inside a quoted field (quotes count only where a field starts). */
    private boolean opensQuote(CharSequence text) {
        boolean inQuotes = false;
        boolean fieldStart = true;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        inQuotes = false;
                    }
                }
            } else if (c == '"' && fieldStart) {
                inQuotes = true;
                fieldStart = false;
            } else if (c == delimiter || c == '\n') {
                fieldStart = true;
            } else {
                fieldStart = false;
            }
        }
        return inQuotes;
    }

    private Record parse(long line, String raw) {
        try {
            String[] fields = parser.parseLine(raw);
            if (fields == null) {
                return new Record(line, raw, null, "the record could not be split into fields");
            }
            return new Record(line, raw, fields, null);
        } catch (IOException e) {
            return new Record(line, raw, null, "the record could not be split into fields: " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
