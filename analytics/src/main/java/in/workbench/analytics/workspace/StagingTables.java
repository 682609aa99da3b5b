package in.workbench.analytics.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The staging tables of bulk imports in an H2 workspace, and the one short step that makes a
 * staged import visible: every piece of H2-specific bulk SQL lives here (a PostgreSQL workspace
 * puts COPY and its own swap behind the same methods).
 *
 * <p>An import writes its rows into a staging table ({@code IMPORT_STAGE_n}, a copy of the target's
 * columns with its primary key and no secondary index) and its rejected rows into
 * {@code IMPORT_STAGE_n_REJECTS}, committing as it goes. Nothing of it is visible in the data
 * tables until it is published, either by an {@code INSERT … SELECT} / {@code MERGE … SELECT} in the
 * caller's transaction, or, for a large import into an empty table, by a swap: the staging table
 * gets the target's secondary indexes and constraints under temporary names, then the two tables
 * trade places by rename. H2 commits DDL one statement at a time, so a swap is journalled
 * ({@link #JOURNAL_KEY} in {@code workspace_settings}) before its first rename and the journal is
 * deleted in the caller's transaction that finishes the import; {@link #recover} undoes a swap whose
 * journal is still there, and drops every staging table left by an interrupted import. See
 * docs/decisions/0010-fast-import.md.
 *
 * <p>Stateless and thread-safe; each call works on the connection it is given.
 */
public final class StagingTables {

    /** Name prefix of every staging table; tables with it are swept when a workspace opens. */
    public static final String PREFIX = "IMPORT_STAGE_";
    /** The workspace setting holding the journal of a swap in progress. */
    static final String JOURNAL_KEY = "import.swap.journal";

    private static final AtomicLong COUNTER = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 1000);
    private static final ObjectMapper JSON = new ObjectMapper();

    private StagingTables() {
    }

    /**
     * A staging table and its rejects table.
     *
     * @param name the staging table (target's columns, primary key on the key column)
     * @param rejects the rejected rows table: {@code line_no, reason, raw_text}
     * @param target the data table it loads into
     * @param columns the columns the import writes, in the order of its inserts
     * @param keyColumn the key column, or null when rows are appended
     * @param swappable true when the staging table is a full copy of the target's definition, so it
     *     can take the target's place by {@link #swap}
     */
    public record Stage(String name, String rejects, String target, List<String> columns, String keyColumn, boolean swappable) {

        /**
         * The INSERT statement for a whole batch of staged rows on H2: one parameter per column, each
         * an array of the batch's values of that column, read as rows by H2's {@code TABLE(column type
         * = array, …)} (no function or alias is defined in the workspace). One JDBC call per column of a
         * batch instead of one per value (decision 0010, addendum of 4 December, night).
         *
         * @param sqlTypes the SQL type of each column's values, in the order of {@link #columns}
         */
        public String insertSql(List<String> sqlTypes) {
            if (sqlTypes.size() != columns.size()) {
                throw new IllegalArgumentException(sqlTypes.size() + " types for " + columns.size() + " columns");
            }
            List<String> source = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                source.add(columns.get(i) + " " + sqlTypes.get(i) + " = ?");
            }
            return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") SELECT * FROM TABLE(" + String.join(", ", source) + ")";
        }

        /** The INSERT statement for one rejected row: line, reason, raw text. */
        public String rejectSql() {
            return "INSERT INTO " + rejects + " (line_no, reason, raw_text) VALUES (?, ?, ?)";
        }

        String oldName() {
            return name + "_OLD";
        }
    }

    /** One secondary index or constraint of the target, under its own, temporary and parked names. */
    record Part(String name, String temp, String parked, String createSql, boolean index) {
    }

    /** What a swap changes, enough to undo it after a crash. */
    record Journal(String target, String stage, String old, List<Part> parts, List<View> views) {
    }

    /** A view of the schema and the SQL that defines it. */
    record View(String name, String definition) {
    }

    /**
     * Creates the staging tables for an import into {@code target} and commits them.
     *
     * @param columns the columns the import writes (the layout's columns and run_id)
     * @param keyColumn the key column, or null when rows are appended
     */
    public static Stage create(Connection c, String target, List<String> columns, String keyColumn) throws SQLException {
        String name = PREFIX + COUNTER.incrementAndGet();
        if (Dialect.of(c) == Dialect.POSTGRESQL) {
            // A team workspace stages into temporary tables of the import's own connection, inside the
            // import's one transaction: no other analyst sees them, and the server drops them with a
            // rolled-back or killed import, so nothing is left to sweep.
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMPORARY TABLE " + name + " AS SELECT " + String.join(", ", columns) + " FROM " + target
                        + " WITH NO DATA");
                s.execute("CREATE TEMPORARY TABLE " + name + "_REJECTS (line_no BIGINT NOT NULL, reason VARCHAR(4000) NOT NULL, "
                        + "raw_text TEXT)");
            }
            return new Stage(name, name + "_REJECTS", target, List.copyOf(columns), keyColumn, false);
        }
        Definition def = definition(c, target);
        boolean swappable = keyColumn != null && def.swappable;
        try (Statement s = c.createStatement()) {
            if (swappable) {
                s.execute(def.createTable.replace(quoted(target) + "(", quoted(name) + "("));
                s.execute("ALTER TABLE " + name + " ADD PRIMARY KEY (" + keyColumn + ")");
            } else {
                s.execute("CREATE TABLE " + name + " AS SELECT " + String.join(", ", columns) + " FROM " + target + " WITH NO DATA");
                if (keyColumn != null) {
                    s.execute("ALTER TABLE " + name + " ALTER COLUMN " + keyColumn + " SET NOT NULL");
                    s.execute("ALTER TABLE " + name + " ADD PRIMARY KEY (" + keyColumn + ")");
                }
            }
            s.execute("CREATE TABLE " + name + "_REJECTS (line_no BIGINT NOT NULL, reason VARCHAR(4000) NOT NULL, "
                    + "raw_text CHARACTER LARGE OBJECT)");
        }
        commitIfManual(c);
        return new Stage(name, name + "_REJECTS", target, List.copyOf(columns), keyColumn, swappable);
    }

    /** Drops a stage's tables (after it was published, or when its import failed); commits. */
    public static void drop(Connection c, Stage stage) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + stage.name() + " CASCADE");
            s.execute("DROP TABLE IF EXISTS " + stage.rejects() + " CASCADE");
            s.execute("DROP TABLE IF EXISTS " + stage.oldName() + " CASCADE");
        }
        commitIfManual(c);
    }

    /** True when {@code table} holds no row. */
    public static boolean isEmpty(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
            rs.next();
            return !rs.getBoolean(1);
        }
    }

    /**
     * Copies into a swappable stage every row of its target whose key the stage does not hold,
     * in key order, committing every {@code chunk} rows, so that the stage becomes the whole table
     * as it will be after the import and can take its place by {@link #swap} (decision 0010). The
     * target is only read; a crash leaves a stage for the sweep. Returns the rows copied.
     */
    public static long copyUntouched(Connection c, Stage stage, int chunk) throws SQLException {
        if (!stage.swappable()) {
            throw new IllegalArgumentException(stage.name() + " is not a full copy of " + stage.target());
        }
        String key = stage.keyColumn();
        String copy = "INSERT INTO " + stage.name() + " SELECT * FROM " + stage.target() + " t WHERE %s AND NOT EXISTS (SELECT 1 FROM "
                + stage.name() + " n WHERE n." + key + " = t." + key + ")";
        long copied = 0;
        String last = null;
        while (true) {
            String bound;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + key + " FROM " + stage.target()
                    + (last == null ? "" : " WHERE " + key + " > ?") + " ORDER BY " + key + " OFFSET ? ROWS FETCH NEXT 1 ROW ONLY")) {
                int i = 1;
                if (last != null) {
                    ps.setString(i++, last);
                }
                ps.setInt(i, chunk - 1);
                try (ResultSet rs = ps.executeQuery()) {
                    bound = rs.next() ? rs.getString(1) : null;
                }
            }
            String range = (last == null ? "1 = 1" : "t." + key + " > ?") + (bound == null ? "" : " AND t." + key + " <= ?");
            try (PreparedStatement ps = c.prepareStatement(String.format(copy, range))) {
                int i = 1;
                if (last != null) {
                    ps.setString(i++, last);
                }
                if (bound != null) {
                    ps.setString(i, bound);
                }
                copied += ps.executeLargeUpdate();
            }
            commitIfManual(c);
            if (bound == null) {
                return copied;
            }
            last = bound;
        }
    }

    /** True when the import writes every column of its target, so a staged row is the whole row. */
    public static boolean writesEveryColumn(Connection c, Stage stage) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' "
                + "AND TABLE_NAME = ?")) {
            ps.setString(1, stage.target().toUpperCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == stage.columns().size();
            }
        }
    }

    /**
     * H2's modification counter of each table (INFORMATION_SCHEMA.TABLES.LAST_MODIFICATION), in
     * the order given, -1 for a table that does not exist: any insert, update, delete, commit or
     * rollback touching a table changes its counter, so equal marks taken at two moments mean the
     * table did not change in between. H2 only.
     */
    public static List<Long> modificationMarks(Connection c, List<String> tables) throws SQLException {
        List<Long> marks = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT LAST_MODIFICATION FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?")) {
            for (String table : tables) {
                ps.setString(1, table.toUpperCase(Locale.ROOT));
                try (ResultSet rs = ps.executeQuery()) {
                    marks.add(rs.next() ? rs.getLong(1) : -1L);
                }
            }
        }
        return marks;
    }

    /** The rows of {@code table}. */
    public static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Makes the staged rows visible inside the caller's open transaction: inserted when the target
     * has none of their keys, else merged by key. Returns how many rows were written.
     */
    public static long publishByInsert(Connection c, Stage stage, boolean merge) throws SQLException {
        String columns = String.join(", ", stage.columns());
        if (merge && stage.keyColumn() != null && Dialect.of(c) == Dialect.POSTGRESQL) {
            List<String> rest = stage.columns().stream().filter(col -> !col.equals(stage.keyColumn())).toList();
            String action = rest.isEmpty() ? "DO NOTHING" : "DO UPDATE SET "
                    + String.join(", ", rest.stream().map(col -> col + " = EXCLUDED." + col).toList());
            try (Statement s = c.createStatement()) {
                return s.executeLargeUpdate("INSERT INTO " + stage.target() + " (" + columns + ") SELECT " + columns + " FROM "
                        + stage.name() + " ON CONFLICT (" + stage.keyColumn() + ") " + action);
            }
        }
        String verb = merge && stage.keyColumn() != null
                ? "MERGE INTO " + stage.target() + " (" + columns + ") KEY (" + stage.keyColumn() + ") "
                : "INSERT INTO " + stage.target() + " (" + columns + ") ";
        try (Statement s = c.createStatement()) {
            return s.executeLargeUpdate(verb + "SELECT " + columns + " FROM " + stage.name());
        }
    }

    /**
     * Builds the target's secondary indexes and constraints on a swappable stage under temporary
     * names, then swaps the two tables: journal, renames, views recreated. The caller then finishes
     * the import in one transaction that also calls {@link #forgetJournal}, and after its commit
     * calls {@link #drop}; if that transaction fails it calls {@link #undoSwap} instead.
     */
    public static void swap(Connection c, Stage stage) throws SQLException {
        if (!stage.swappable()) {
            throw new IllegalArgumentException(stage.name() + " is not a full copy of " + stage.target());
        }
        Definition def = definition(c, stage.target());
        List<Part> parts = new ArrayList<>();
        int k = 0;
        for (Definition.Statement st : def.parts) {
            k++;
            parts.add(new Part(st.name, stage.name() + "_T" + k, stage.name() + "_P" + k, st.sql, st.index));
        }
        try (Statement s = c.createStatement()) {
            for (Part p : parts) {
                s.execute(p.createSql().replace(quoted(stage.target()), quoted(stage.name()))
                        .replace("\"PUBLIC\".\"" + p.name() + "\"", "\"PUBLIC\".\"" + p.temp() + "\""));
                commitIfManual(c);
            }
        }
        List<View> views = views(c);
        Journal journal = new Journal(stage.target(), stage.name(), stage.oldName(), parts, views);
        writeJournal(c, journal);
        try (Statement s = c.createStatement()) {
            for (View v : views) {
                s.execute("DROP VIEW IF EXISTS " + quoted(v.name()) + " CASCADE");
            }
            for (Part p : parts) {
                rename(s, stage.target(), p, p.name(), p.parked());
            }
            s.execute("ALTER TABLE " + stage.target() + " RENAME TO " + stage.oldName());
            s.execute("ALTER TABLE " + stage.name() + " RENAME TO " + stage.target());
            for (Part p : parts) {
                rename(s, stage.target(), p, p.temp(), p.name());
            }
            createViews(s, views);
        }
        commitIfManual(c);
    }

    /** Deletes the swap journal inside the caller's transaction: its commit makes the swap final. */
    public static void forgetJournal(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM workspace_settings WHERE setting_key = ?")) {
            ps.setString(1, JOURNAL_KEY);
            ps.executeUpdate();
        }
    }

    /**
     * Undoes the swap of {@code stage} after its finishing transaction failed (and was rolled back),
     * then drops the stage's tables. Commits.
     */
    public static void undoSwap(Connection c, Stage stage) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            Journal journal = readJournal(c);
            if (journal != null && journal.stage().equals(stage.name())) {
                undo(c, s, journal);
                createViews(s, missing(c, journal.views()));
                forgetJournal(c);
            }
            drop(c, stage);
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /**
     * Puts the workspace back as it was before an unfinished import: undoes a swap whose journal
     * is still there, then drops every staging table. Runs when a workspace opens, and when an
     * import fails after its swap. Commits.
     */
    public static void recover(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            Journal journal = readJournal(c);
            if (journal != null) {
                undo(c, s, journal);
            }
            for (String table : stagingTables(c)) {
                s.execute("DROP TABLE IF EXISTS " + quoted(table) + " CASCADE");
            }
            if (journal != null) {
                createViews(s, missing(c, journal.views()));
                forgetJournal(c);
            }
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static void undo(Connection c, Statement s, Journal j) throws SQLException {
        if (tableExists(c, j.old())) {
            for (View v : j.views()) {
                s.execute("DROP VIEW IF EXISTS " + quoted(v.name()) + " CASCADE");
            }
            s.execute("DROP TABLE IF EXISTS " + j.target() + " CASCADE");
            s.execute("ALTER TABLE " + j.old() + " RENAME TO " + j.target());
        }
        for (Part p : j.parts()) {
            if (p.index() ? indexExists(c, p.parked()) : constraintExists(c, p.parked())) {
                rename(s, j.target(), p, p.parked(), p.name());
            }
        }
    }

    private static void rename(Statement s, String table, Part p, String from, String to) throws SQLException {
        if (p.index()) {
            s.execute("ALTER INDEX " + quoted(from) + " RENAME TO \"" + to + "\"");
        } else {
            s.execute("ALTER TABLE " + table + " RENAME CONSTRAINT \"" + from + "\" TO \"" + to + "\"");
        }
    }

    private static void createViews(Statement s, List<View> views) throws SQLException {
        // A view may be defined on another view: create in rounds until every one exists.
        List<View> pending = new ArrayList<>(views);
        SQLException last = null;
        while (!pending.isEmpty()) {
            List<View> failed = new ArrayList<>();
            for (View v : pending) {
                try {
                    s.execute("CREATE VIEW IF NOT EXISTS " + quoted(v.name()) + " AS " + v.definition());
                } catch (SQLException e) {
                    failed.add(v);
                    last = e;
                }
            }
            if (failed.size() == pending.size()) {
                throw last;
            }
            pending = failed;
        }
    }

    private static List<View> missing(Connection c, List<View> views) throws SQLException {
        List<View> missing = new ArrayList<>();
        for (View v : views) {
            if (!tableExists(c, v.name())) {
                missing.add(v);
            }
        }
        return missing;
    }

    private static List<View> views(Connection c) throws SQLException {
        List<View> views = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                views.add(new View(rs.getString(1), rs.getString(2)));
            }
        }
        return views;
    }

    private static List<String> stagingTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME LIKE ? ORDER BY TABLE_NAME")) {
            ps.setString(1, PREFIX + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    private static boolean tableExists(Connection c, String name) throws SQLException {
        return exists(c, "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?", name);
    }

    private static boolean indexExists(Connection c, String name) throws SQLException {
        return exists(c, "SELECT 1 FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_SCHEMA = 'PUBLIC' AND INDEX_NAME = ?", name);
    }

    private static boolean constraintExists(Connection c, String name) throws SQLException {
        return exists(c, "SELECT 1 FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = 'PUBLIC' "
                + "AND CONSTRAINT_NAME = ?", name);
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name.toUpperCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void writeJournal(Connection c, Journal journal) throws SQLException {
        String text;
        try {
            text = JSON.writeValueAsString(journal);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a journal of names and SQL text always serialises", e);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO workspace_settings (setting_key, setting_value, updated_at) KEY (setting_key) VALUES (?, ?, ?)")) {
            ps.setString(1, JOURNAL_KEY);
            ps.setString(2, text);
            ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
        }
        commitIfManual(c);
    }

    private static Journal readJournal(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM workspace_settings WHERE setting_key = ?")) {
            ps.setString(1, JOURNAL_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                try {
                    return JSON.readValue(rs.getString(1), Journal.class);
                } catch (JsonProcessingException e) {
                    throw new SQLException("The journal of an interrupted import cannot be read: " + e.getMessage(), e);
                }
            }
        }
    }

    private static void commitIfManual(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private static String quoted(String name) {
        return "\"PUBLIC\".\"" + name.toUpperCase(Locale.ROOT) + "\"";
    }

    /** A table's definition as H2 scripts it, split into what a swap must rebuild. */
    private static final class Definition {
        String createTable;
        final List<Statement> parts = new ArrayList<>();
        boolean swappable = true;

        record Statement(String name, String sql, boolean index) {
        }
    }

    /**
     * Reads {@code target}'s definition with H2's {@code SCRIPT}. A table is swappable when nothing
     * but its own indexes and constraints hangs on it: no identity column, no foreign key to or
     * from it, no trigger.
     */
    private static Definition definition(Connection c, String target) throws SQLException {
        Definition d = new Definition();
        String table = quoted(target);
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS TABLE " + target)) {
            while (rs.next()) {
                String sql = rs.getString(1).strip();
                if (sql.startsWith("--") || !sql.contains(table)) {
                    continue;
                }
                if (sql.startsWith("CREATE CACHED TABLE " + table) || sql.startsWith("CREATE MEMORY TABLE " + table)) {
                    d.createTable = sql;
                    d.swappable &= !sql.contains(" IDENTITY");
                } else if (sql.matches("(?s)CREATE (UNIQUE )?INDEX \"PUBLIC\"\\.\"[A-Z0-9_]+\" ON " + java.util.regex.Pattern.quote(table)
                        + "\\(.*")) {
                    d.parts.add(new Definition.Statement(between(sql, "INDEX \"PUBLIC\".\"", "\""), sql, true));
                } else if (sql.startsWith("ALTER TABLE " + table + " ADD CONSTRAINT ") && sql.contains(" PRIMARY KEY(")) {
                    continue;
                } else if (sql.startsWith("ALTER TABLE " + table + " ADD CONSTRAINT ")
                        && (sql.contains(" CHECK(") || sql.contains(" UNIQUE("))) {
                    d.parts.add(new Definition.Statement(between(sql, "ADD CONSTRAINT \"PUBLIC\".\"", "\""), sql, false));
                } else {
                    d.swappable = false;
                }
            }
        }
        if (d.createTable == null) {
            throw new SQLException("Table " + target + " does not exist");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc "
                + "JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc ON tc.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA "
                + "AND tc.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME WHERE tc.TABLE_NAME = ?")) {
            ps.setString(1, target.toUpperCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                d.swappable &= rs.getLong(1) == 0;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TRIGGERS WHERE EVENT_OBJECT_TABLE = ?")) {
            ps.setString(1, target.toUpperCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                d.swappable &= rs.getLong(1) == 0;
            }
        }
        return d;
    }

    private static String between(String s, String start, String end) {
        int from = s.indexOf(start) + start.length();
        return s.substring(from, s.indexOf(end, from));
    }

    /**
     * What an import stopped mid-way left for {@link #recover} to put back (a swap journal, staging
     * tables), in words, or "" for nothing. Only reads, so a read-only connection can ask.
     */
    public static String leftBehind(Connection c) throws SQLException {
        List<String> tables = stagingTables(c);
        String journal = readJournal(c) != null ? "a swap journal" : "";
        String staged = tables.isEmpty() ? "" : "staging table" + (tables.size() == 1 ? " " : "s ") + String.join(", ", tables);
        return journal.isEmpty() || staged.isEmpty() ? journal + staged : journal + ", " + staged;
    }

    /** The names of the staging tables currently in the workspace (for tests and diagnostics). */
    public static List<String> leftovers(Connection c) throws SQLException {
        return stagingTables(c);
    }
}
