package in.workbench.analytics.lab;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.workspace.DataTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SQL names the lab creates from what analysts type or what a CSV header says: checked
 * against a strict pattern so that they are safe identifiers, and always quoted when used.
 * Stateless and thread-safe.
 */
public final class LabNames {

    /** Lower-case letter first, then letters, digits or underscores; at most 48 characters. */
    private static final Pattern SAFE = Pattern.compile("[a-z][a-z0-9_]{0,47}");
    /** Prefixes the workbench keeps for its own tables. */
    private static final List<String> RESERVED_PREFIXES = List.of("flyway", "lab_", "information_schema");

    private LabNames() {
    }

    /**
     * Checks a name an analyst chose for a table or model and returns it in lower case.
     *
     * @param what "table" or "model", for the message
     * @throws WorkbenchException INPUT_UNUSABLE with a sentence saying what a name may hold
     */
    public static String checkName(String name, String what) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (!SAFE.matcher(n).matches()) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "'" + name + "' cannot be a " + what
                    + " name: use a letter first, then letters, digits or underscores (at most 48 characters), like late_orders.");
        }
        return n;
    }

    /**
     * Checks a name for a new generic table: safe, and not one of the workbench's own tables.
     */
    public static String checkNewTableName(String name) {
        String n = checkName(name, "table");
        if (DataTable.bySqlName(n).isPresent() || RESERVED_PREFIXES.stream().anyMatch(n::startsWith)) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "'" + n + "' is the name of one of the workbench's own tables; "
                    + "choose another name for the imported table.");
        }
        return n;
    }

    /** The quoted SQL identifier of a checked name (upper case, as H2 stores unquoted names). */
    public static String quote(String checkedName) {
        return '"' + checkedName.toUpperCase(Locale.ROOT).replace("\"", "\"\"") + '"';
    }

    /**
     * Column names for a CSV's headers: lower case, runs of anything but letters and digits
     * turned into one underscore, a leading digit prefixed with {@code c_}, blank headers named
     * {@code column_N}, and repeats numbered ({@code amount}, {@code amount_2}).
     *
     * @param reserved names already taken (the row id), which headers must not take
     */
    public static List<String> columnNames(List<String> headers, Set<String> reserved) {
        Set<String> taken = new HashSet<>(reserved);
        List<String> out = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            String base = headers.get(i) == null ? "" : headers.get(i).trim().toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
            if (base.isEmpty()) {
                base = "column_" + (i + 1);
            }
            if (!Character.isLetter(base.charAt(0))) {
                base = "c_" + base;
            }
            if (base.length() > 44) {
                base = base.substring(0, 44);
            }
            String name = base;
            for (int k = 2; taken.contains(name); k++) {
                name = base + "_" + k;
            }
            taken.add(name);
            out.add(name);
        }
        return out;
    }
}
