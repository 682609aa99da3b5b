package in.workbench.analytics.workspace;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.engine.DbObject;
import org.h2.engine.IsolationLevel;
import org.h2.engine.MetaRecord;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.result.Row;

/**
 * Reads a workspace file's schema records as data, before H2 opens the file, and refuses a file
 * that would run code when opened (decision 0028).
 *
 * <p>H2 keeps every object of a database as the SQL statement that creates it and runs those
 * statements whenever it opens the file, read-only too. A trigger written as Java source is
 * compiled and instantiated right then, a linked table connects to whatever JDBC address it names,
 * and a view or default can call functions that read or write files. A workspace is a file that
 * analysts send each other (the installer associates it with the workbench), so every record is
 * checked here first, through H2's storage layer alone ({@link MVStore}, read-only): no statement
 * of the file is parsed or run. A workbench's own workspaces hold only tables, views, indexes,
 * constraints, sequences, their user and two settings; anything that can carry code is refused
 * with a sentence that names it, and the file is left as it was.
 *
 * <p>Records of uncommitted transactions are read too (a killed process leaves them; the open
 * after it rolls them back, but they are checked as if they stayed).
 *
 * <p>Stateless; thread-safe.
 */
final class WorkspaceFileCheck {

    /** The MVStore map of H2's schema table (the table with id 0). */
    private static final String SCHEMA_MAP = "table.0";

    /** What each kind of record must be, by H2's object type. */
    private static final Map<Integer, Pattern> STATEMENT_OF_TYPE = Map.ofEntries(
            Map.entry(DbObject.TABLE_OR_VIEW, Pattern.compile(
                    "CREATE (FORCE )?(CACHED |MEMORY )?((GLOBAL|LOCAL) TEMPORARY )?(TABLE|VIEW|MATERIALIZED VIEW) .*", Pattern.DOTALL)),
            Map.entry(DbObject.INDEX, Pattern.compile("CREATE (UNIQUE (NULLS [A-Z ]+?)?)?(HASH )?(SPATIAL )?(INDEX|PRIMARY KEY) .*",
                    Pattern.DOTALL)),
            Map.entry(DbObject.USER, Pattern.compile("CREATE USER .*", Pattern.DOTALL)),
            Map.entry(DbObject.SEQUENCE, Pattern.compile("CREATE SEQUENCE .*", Pattern.DOTALL)),
            Map.entry(DbObject.CONSTRAINT, Pattern.compile("ALTER TABLE .* ADD CONSTRAINT .*", Pattern.DOTALL)),
            Map.entry(DbObject.SETTING, Pattern.compile("SET [A-Z_]+( .*)?", Pattern.DOTALL)),
            Map.entry(DbObject.ROLE, Pattern.compile("CREATE ROLE .*", Pattern.DOTALL)),
            Map.entry(DbObject.RIGHT, Pattern.compile("GRANT .*", Pattern.DOTALL)),
            Map.entry(DbObject.SCHEMA, Pattern.compile("CREATE SCHEMA .*", Pattern.DOTALL)),
            Map.entry(DbObject.CONSTANT, Pattern.compile("CREATE CONSTANT .*", Pattern.DOTALL)),
            Map.entry(DbObject.DOMAIN, Pattern.compile("CREATE DOMAIN .*", Pattern.DOTALL)),
            Map.entry(DbObject.COMMENT, Pattern.compile("COMMENT ON .*", Pattern.DOTALL)),
            Map.entry(DbObject.SYNONYM, Pattern.compile("CREATE (OR REPLACE )?SYNONYM .*", Pattern.DOTALL)));

    /** Object types that are code by nature. */
    private static final Map<Integer, String> CODE_TYPES = Map.of(
            DbObject.TRIGGER, "a trigger",
            DbObject.FUNCTION_ALIAS, "a Java function (CREATE ALIAS)",
            DbObject.AGGREGATE, "a Java aggregate function");

    /**
     * H2's functions that reach outside the database (files, other databases); a view, default or
     * check that names one would call it whenever the workbench reads the table.
     */
    private static final Pattern OUTSIDE_FUNCTIONS = Pattern.compile("\\b(FILE_READ|FILE_WRITE|CSVREAD|CSVWRITE|LINK_SCHEMA)\\b");
    /** Settings that name a Java class H2 would load. */
    private static final Pattern CLASS_SETTINGS = Pattern.compile("SET (JAVA_OBJECT_SERIALIZER|DATABASE_EVENT_LISTENER|AUTHENTICATOR)\\b.*",
            Pattern.DOTALL);
    private static final Pattern LINKED_TABLE = Pattern.compile("\\bLINKED\\s+TABLE\\b");
    /** A table engine is a Java class ({@code ENGINE "com.example.Engine"}). */
    private static final Pattern TABLE_ENGINE = Pattern.compile("(?<![\"\\w])ENGINE\\s+\"");
    /** Unicode-escaped names ({@code U&"..."}) could spell any of the above. */
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\bU&");
    private static final Pattern NAME = Pattern.compile("\"(?:[^\"]|\"\")*\"(?:\\.\"(?:[^\"]|\"\")*\")*");

    private WorkspaceFileCheck() {
    }

    /**
     * Refuses the workspace database file {@code mvDb} (in the folder {@code dir}) when a schema
     * record could run code or reach outside the workspace when H2 opens it.
     *
     * @throws WorkbenchException with kind {@link Kind#WORKSPACE_UNUSABLE} naming what was found,
     *     or saying the file could not be read (damaged, not a workspace, or in use elsewhere)
     */
    static void refuseCode(Path dir, Path mvDb) {
        List<String> found = new ArrayList<>();
        for (Record r : schemaRecords(dir, mvDb)) {
            problem(r.type(), r.sql()).ifPresent(found::add);
        }
        if (!found.isEmpty()) {
            throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "The workspace at " + dir + " holds "
                    + String.join("; ", new LinkedHashSet<>(found))
                    + ". The workbench never runs code from a workspace file, so it did not open it; nothing was changed."
                    + " Ask whoever sent it for the CSV exports instead, or open another workspace.");
        }
    }

    /** One schema record: H2's object type and the statement it runs at open. */
    record Record(int type, String sql) {
    }

    /** Every schema record of the file, committed or not, read without running any of them. */
    static List<Record> schemaRecords(Path dir, Path mvDb) {
        Set<Record> records = new LinkedHashSet<>();
        MVStore store;
        try {
            store = new MVStore.Builder().fileName(mvDb.toString()).readOnly().open();
        } catch (RuntimeException e) {
            throw unreadable(dir, e);
        }
        try (store) {
            if (!store.hasMap(SCHEMA_MAP)) {
                throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "The database at " + dir
                        + " is not a workbench workspace. Nothing was changed.");
            }
            TransactionStore transactions = new TransactionStore(store, new ValueDataType());
            transactions.init();
            for (IsolationLevel level : new IsolationLevel[] {IsolationLevel.READ_COMMITTED, IsolationLevel.READ_UNCOMMITTED}) {
                Transaction tx = transactions.begin((map, key, existing, restored) -> { }, 0, 0, level);
                TransactionMap<Long, Row> map = tx.openMap(SCHEMA_MAP);
                for (Iterator<Long> it = map.keyIterator(null); it.hasNext();) {
                    Row row = map.get(it.next());
                    if (row != null) {
                        MetaRecord meta = new MetaRecord(row);
                        records.add(new Record(meta.getObjectType(), meta.getSQL()));
                    }
                }
            }
        } catch (WorkbenchException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreadable(dir, e);
        }
        return List.copyOf(records);
    }

    /**
     * What is wrong with a schema record, in words for the analyst, or empty when it is a plain
     * definition of data.
     */
    static Optional<String> problem(int type, String sql) {
        String code = CODE_TYPES.get(type);
        if (code != null) {
            return Optional.of(code + " " + name(sql));
        }
        Pattern expected = STATEMENT_OF_TYPE.get(type);
        String text = withoutLiterals(sql).toUpperCase(Locale.ROOT);
        if (LINKED_TABLE.matcher(text).find()) {
            return Optional.of("a linked table " + name(sql) + " (a connection to another database)");
        }
        if (expected == null || !expected.matcher(text).matches() || text.indexOf(';') >= 0) {
            return Optional.of("a schema record that is not a definition of data (" + abbreviated(sql) + ")");
        }
        if (TABLE_ENGINE.matcher(text).find()) {
            return Optional.of("a table " + name(sql) + " stored by a Java class of its own (ENGINE)");
        }
        if (type == DbObject.SETTING && CLASS_SETTINGS.matcher(text).matches()) {
            return Optional.of("a setting that loads a Java class (" + abbreviated(sql) + ")");
        }
        if (UNICODE_ESCAPE.matcher(text).find()) {
            return Optional.of("a definition with Unicode-escaped names " + name(sql));
        }
        Matcher outside = OUTSIDE_FUNCTIONS.matcher(text);
        if (outside.find()) {
            return Optional.of("a definition " + name(sql) + " that calls " + outside.group(1) + " (reads or writes outside the workspace)");
        }
        return Optional.empty();
    }

    /** {@code sql} with the contents of its string literals ({@code '…'}, {@code $$…$$}) removed. */
    static String withoutLiterals(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char ch = sql.charAt(i);
            if (ch == '\'') {
                int j = i + 1;
                while (j < sql.length()) {
                    if (sql.charAt(j) == '\'') {
                        if (j + 1 < sql.length() && sql.charAt(j + 1) == '\'') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                out.append("''");
                i = j + 1;
            } else if (ch == '$' && sql.startsWith("$$", i)) {
                int end = sql.indexOf("$$", i + 2);
                out.append("''");
                i = end < 0 ? sql.length() : end + 2;
            } else {
                out.append(ch);
                i++;
            }
        }
        return out.toString();
    }

    private static String name(String sql) {
        Matcher m = NAME.matcher(sql);
        return m.find() ? m.group() : "(" + abbreviated(sql) + ")";
    }

    private static String abbreviated(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }

    private static WorkbenchException unreadable(Path dir, RuntimeException e) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("locked") || msg.contains("already in use")) {
            return new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "The workspace at " + dir
                    + " is open in another workbench window or process. Close it there first.", e);
        }
        return new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "The workspace database at " + dir
                + " cannot be read; the file may be damaged. Nothing was changed. Restore it from a backup or open another workspace.", e);
    }
}
