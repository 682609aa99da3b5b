package in.workbench.analytics.imports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * One canonical column of an import layout: its name, type, whether it is required, and the
 * rules a value must meet. Immutable.
 *
 * @param name canonical column name (also the SQL column name)
 * @param type value type
 * @param required whether a blank cell rejects the row
 * @param allowed for {@link ColumnType#ENUM}: the allowed values (lower case)
 * @param minimum smallest allowed number, or null
 * @param defaultValue value used when the cell is blank, or null
 * @param rule a further check of a non-blank value after the type and minimum checks, or null
 */
public record ColumnSpec(String name, ColumnType type, boolean required, List<String> allowed, BigDecimal minimum,
        Object defaultValue, Rule rule) {

    /** A column's own check of a parsed value, e.g. a range or a sentinel that means "blank". */
    @FunctionalInterface
    public interface Rule {
        /**
         * The value to store (null for blank) given the parsed, non-blank value.
         *
         * @throws ColumnType.InvalidValueException with a reason that completes "COLUMN 'cell' …"
         */
        Object check(Object value);
    }

    public ColumnSpec(String name, ColumnType type, boolean required, List<String> allowed, BigDecimal minimum, Object defaultValue) {
        this(name, type, required, allowed, minimum, defaultValue, null);
    }

    static ColumnSpec required(String name, ColumnType type) {
        return new ColumnSpec(name, type, true, List.of(), null, null);
    }

    static ColumnSpec optional(String name, ColumnType type) {
        return new ColumnSpec(name, type, false, List.of(), null, null);
    }

    ColumnSpec atLeast(long min) {
        return new ColumnSpec(name, type, required, allowed, BigDecimal.valueOf(min), defaultValue, rule);
    }

    ColumnSpec oneOf(String... values) {
        return new ColumnSpec(name, ColumnType.ENUM, required, List.of(values), minimum, defaultValue, rule);
    }

    ColumnSpec orElse(Object value) {
        return new ColumnSpec(name, type, required, allowed, minimum, value, rule);
    }

    ColumnSpec checkedBy(Rule check) {
        return new ColumnSpec(name, type, required, allowed, minimum, defaultValue, check);
    }

    /**
     * Reads one cell into its JDBC value (null for a blank optional cell).
     *
     * @throws ColumnType.InvalidValueException with a complete reason naming the column
     */
    public Object read(String cell) {
        if (cell == null || cell.isBlank()) {
            if (required) {
                throw new ColumnType.InvalidValueException(name + " is required but blank");
            }
            return defaultValue;
        }
        Object value;
        try {
            value = type.parse(cell);
        } catch (ColumnType.InvalidValueException e) {
            throw new ColumnType.InvalidValueException(name + " '" + shorten(cell) + "' " + e.getMessage());
        }
        if (type == ColumnType.ENUM) {
            String v = cell.trim().toLowerCase(Locale.ROOT);
            if (!allowed.contains(v)) {
                throw new ColumnType.InvalidValueException(
                        name + " '" + shorten(cell) + "' is not one of " + String.join(", ", allowed));
            }
            return v;
        }
        if (minimum != null) {
            BigDecimal n = value instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) value).longValue());
            if (n.compareTo(minimum) < 0) {
                throw new ColumnType.InvalidValueException(name + " " + cell.trim() + " is below the minimum " + minimum);
            }
        }
        if (rule != null) {
            try {
                return rule.check(value);
            } catch (ColumnType.InvalidValueException e) {
                throw new ColumnType.InvalidValueException(name + " '" + shorten(cell.trim()) + "' " + e.getMessage());
            }
        }
        return value;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
