package in.workbench.analytics.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The value types of the canonical CSV layouts (docs/data-formats.md) and how a cell of each is
 * read. Parsing either returns the JDBC value or throws {@link InvalidValueException} with the
 * reason in the analyst's words. Stateless and thread-safe.
 */
public enum ColumnType {
    TEXT("text"),
    INTEGER("integer"),
    DECIMAL("decimal"),
    BOOLEAN("boolean"),
    DATE("date"),
    TIMESTAMP("timestamp"),
    ENUM("one of a fixed list");

    /** Timestamps without an offset are read as Indian Standard Time, where the exports come from. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Kolkata");

    private final String description;

    ColumnType(String description) {
        this.description = description;
    }

    /** A short description for previews and messages ("decimal", "date"). */
    public String description() {
        return description;
    }

    /**
     * The SQL type of the values {@link #parse} returns, as H2 names it: the type a batch of them is
     * handed to H2 as, before H2 converts each to its column's type as it would a single value.
     */
    public String sqlType() {
        return switch (this) {
            case TEXT, ENUM -> "CHARACTER VARYING";
            case INTEGER -> "INTEGER";
            case DECIMAL -> "DECFLOAT";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP(9) WITH TIME ZONE";
        };
    }

    /**
     * Reads a non-blank cell.
     *
     * @throws InvalidValueException when the text is not a value of this type
     */
    public Object parse(String text) {
        String t = text.trim();
        switch (this) {
            case TEXT:
            case ENUM:
                return text;
            case INTEGER:
                try {
                    return Integer.valueOf(t.startsWith("+") ? t.substring(1) : t);
                } catch (NumberFormatException e) {
                    throw new InvalidValueException("is not a whole number");
                }
            case DECIMAL:
                if (t.indexOf(',') >= 0) {
                    throw new InvalidValueException("is not a number (use '.' for decimals and no thousands separators)");
                }
                try {
                    return new BigDecimal(t);
                } catch (NumberFormatException e) {
                    throw new InvalidValueException("is not a number");
                }
            case BOOLEAN:
                switch (t.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "y", "1":
                        return Boolean.TRUE;
                    case "false", "no", "n", "0":
                        return Boolean.FALSE;
                    default:
                        throw new InvalidValueException("is not true/false, yes/no, y/n or 1/0");
                }
            case DATE:
                try {
                    return LocalDate.parse(t);
                } catch (DateTimeParseException e) {
                    throw new InvalidValueException("is not a date like 2026-03-14");
                }
            case TIMESTAMP:
                try {
                    return OffsetDateTime.parse(t);
                } catch (DateTimeParseException e) {
                    try {
                        return LocalDateTime.parse(t).atZone(DEFAULT_ZONE).toOffsetDateTime();
                    } catch (DateTimeParseException e2) {
                        try {
                            return LocalDate.parse(t).atStartOfDay(DEFAULT_ZONE).toOffsetDateTime();
                        } catch (DateTimeParseException e3) {
                            throw new InvalidValueException("is not a timestamp like 2026-03-14T10:30:00+05:30");
                        }
                    }
                }
            default:
                throw new IllegalStateException(name());
        }
    }

    /** Guesses the type of a column from sample cells, for the import preview. */
    public static ColumnType guess(Iterable<String> cells) {
        ColumnType[] order = {INTEGER, DECIMAL, DATE, TIMESTAMP, BOOLEAN};
        outer:
        for (ColumnType candidate : order) {
            boolean any = false;
            for (String c : cells) {
                if (c == null || c.isBlank()) {
                    continue;
                }
                any = true;
                try {
                    candidate.parse(c);
                } catch (InvalidValueException e) {
                    continue outer;
                }
            }
            if (any) {
                return candidate;
            }
        }
        return TEXT;
    }

    /** Thrown when a cell is not a value of its column's type; the message completes "'x' …". */
    public static final class InvalidValueException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidValueException(String reason) {
            super(reason, null, false, false);
        }
    }
}
