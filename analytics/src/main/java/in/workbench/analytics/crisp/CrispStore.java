package in.workbench.analytics.crisp;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Sql;
import in.workbench.analytics.workspace.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one door of the CRISP feature to the workspace database: loading people, contacts and tests
 * of a window, deleting old health data under the retention setting, and keeping the latest risk
 * scores and epidemic curve. Thread-safe: each call takes its own connection.
 */
public final class CrispStore {

    /** More encounters than this per day on the days an id appears, on average, cannot be one person's. */
    public static final int MAX_ENCOUNTERS_PER_DAY = 300;
    /** A test this many days or more away from every contact day is reported (and still used). */
    public static final int FAR_TEST_DAYS = 30;

    private final Workspace workspace;

    public CrispStore(Workspace workspace) {
        workspace.requireHealthData("see or use the CRISP data");
        this.workspace = workspace;
    }

    /** The SQL counting an import run's rows that name a person not in crisp_people (one {@code run_id} parameter). */
    public static String unresolvedSql(DataTable table, String runRows) {
        return switch (table) {
            case CRISP_CONTACTS -> "SELECT COUNT(*) FROM " + runRows + " c WHERE "
                    + "NOT EXISTS (SELECT 1 FROM crisp_people p WHERE p.person_id = c.person_a) OR "
                    + "NOT EXISTS (SELECT 1 FROM crisp_people p WHERE p.person_id = c.person_b)";
            case CRISP_TESTS -> "SELECT COUNT(*) FROM " + runRows + " t WHERE "
                    + "NOT EXISTS (SELECT 1 FROM crisp_people p WHERE p.person_id = t.person_id)";
            default -> throw new IllegalArgumentException(table.name());
        };
    }

    /**
     * Loads the window from {@code from} (or the first day of any contact or test) to {@code asOf}
     * (or the last), with what the analyst should know about the data in {@link CrispData#notes()}.
     *
     * @throws WorkbenchException PREREQUISITE_MISSING when there are no contacts or tests to use
     */
    public CrispData load(LocalDate from, LocalDate asOf, ProgressMonitor monitor) {
        try (Connection c = workspace.connection()) {
            LocalDate first = from;
            LocalDate last = asOf;
            LocalDate firstContact = null;
            LocalDate lastContact = null;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT MIN(day), MAX(day) FROM crisp_contacts")) {
                rs.next();
                firstContact = rs.getObject(1, LocalDate.class);
                lastContact = rs.getObject(2, LocalDate.class);
            }
            LocalDate firstTest;
            LocalDate lastTest;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MIN(day), MAX(day) FROM crisp_tests")) {
                rs.next();
                firstTest = rs.getObject(1, LocalDate.class);
                lastTest = rs.getObject(2, LocalDate.class);
            }
            if (firstContact == null && firstTest == null) {
                throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "This workspace has no contacts or tests yet. Import them "
                        + "first with `workbench import -w DIR -t contacts contacts.csv` and `-t tests tests.csv`.");
            }
            if (first == null) {
                first = min(firstContact, firstTest);
            }
            if (last == null) {
                last = max(lastContact, lastTest);
            }
            if (last.isBefore(first)) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The as-of day " + last + " is before the first day " + first
                        + " of the window; choose an as-of day on or after it.");
            }
            long span = ChronoUnit.DAYS.between(first, last) + 1;
            if (span > 3660) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The window from " + first + " to " + last + " spans " + span
                        + " days; CRISP works on weeks to months. Choose --from and --as-of closer together.");
            }
            int days = (int) span;
            CrispData.Builder b = new CrispData.Builder();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT person_id, site FROM crisp_people ORDER BY person_id")) {
                while (rs.next()) {
                    b.person(rs.getString(1), rs.getString(2));
                }
            }
            int known = countPeople(b);
            monitor.update(0, -1, "Reading contacts");
            EncounterRows rows = new EncounterRows();
            Set<String> contactIds = new HashSet<>();
            long duplicates = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT contact_id, person_a, person_b, day, duration_min, distance_m, "
                    + "setting FROM crisp_contacts WHERE day >= ? AND day <= ? ORDER BY contact_row")) {
                ps.setObject(1, first);
                ps.setObject(2, last);
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    long n = 0;
                    while (rs.next()) {
                        String id = rs.getString(1);
                        if (id != null && !id.isBlank() && !contactIds.add(id.trim())) {
                            duplicates++;
                            continue;
                        }
                        rows.add(rs.getString(2), rs.getString(3), (int) ChronoUnit.DAYS.between(first, rs.getObject(4, LocalDate.class)),
                                rs.getDouble(5), rs.getDouble(6), "indoor".equals(rs.getString(7)));
                        if ((++n & 0xFFFF) == 0) {
                            monitor.checkCancelled();
                            monitor.update(n, -1, String.format("Reading contacts: %,d", n));
                        }
                    }
                }
            }
            contactIds.clear();
            if (duplicates > 0) {
                b.note(String.format("%,d encounters repeat a contact_id already seen (logged from both sides?); each was counted once.",
                        duplicates));
            }
            boolean[] shared = new boolean[rows.ids.size()];
            for (int i = 0; i < shared.length; i++) {
                if (rows.count[i] > (long) MAX_ENCOUNTERS_PER_DAY * rows.active[i].cardinality()) {
                    shared[i] = true;
                    b.note(String.format("'%s' is in %,d encounters, more than %d on each day it appears, which no one person has; it looks "
                            + "like a shared id (a door, a badge reader or a placeholder), so its encounters were left out.", rows.ids.get(i),
                            rows.count[i], MAX_ENCOUNTERS_PER_DAY));
                }
            }
            int[] number = new int[shared.length];
            java.util.Arrays.fill(number, -1);
            for (int k = 0; k < rows.size; k++) {
                int a = rows.a[k];
                int bb = rows.b[k];
                if (shared[a] || shared[bb]) {
                    continue;
                }
                if (number[a] < 0) {
                    number[a] = b.person(rows.ids.get(a), null);
                }
                if (number[bb] < 0) {
                    number[bb] = b.person(rows.ids.get(bb), null);
                }
                b.contact(number[a], number[bb], rows.day[k], rows.minutes[k], rows.metres[k], rows.indoor[k]);
            }
            int outside = 0;
            int far = 0;
            String farExample = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT person_id, day, result, reason FROM crisp_tests ORDER BY test_row")) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LocalDate day = rs.getObject(2, LocalDate.class);
                        if (day.isBefore(first) || day.isAfter(last)) {
                            outside++;
                            continue;
                        }
                        String person = rs.getString(1);
                        if (firstContact != null && (day.isBefore(firstContact.minusDays(FAR_TEST_DAYS))
                                || day.isAfter(lastContact.plusDays(FAR_TEST_DAYS)))) {
                            far++;
                            if (farExample == null) {
                                farExample = person + " on " + day;
                            }
                        }
                        b.test(b.person(person, null), (int) ChronoUnit.DAYS.between(first, day),
                                "positive".equals(rs.getString(3)), CrispData.Reason.of(rs.getString(4)));
                    }
                }
            }
            if (outside > 0) {
                b.note(String.format("%,d tests fall outside the window %s to %s and were not used.", outside, first, last));
            }
            if (far > 0) {
                b.note(String.format("%,d tests are %d days or more from every contact day (for example %s); they are still used, "
                        + "as evidence about that person alone.", far, FAR_TEST_DAYS, farExample));
            }
            int unresolved = countPeople(b) - known;
            if (unresolved > 0) {
                b.note(String.format("%,d people appear in contacts or tests but not in people.csv; they take part in the inference "
                        + "with no site.", unresolved));
            }
            return b.build(days, first);
        } catch (SQLException e) {
            throw Sql.failure("Could not read the contacts and tests", e);
        }
    }

    /**
     * The encounters of a window as read, before shared ids are left out: people numbered in the
     * order they first appear, one primitive array per column (no object per encounter), with each
     * id's encounter count and active days for the shared-id rule.
     */
    private static final class EncounterRows {
        final Map<String, Integer> index = new HashMap<>();
        final List<String> ids = new ArrayList<>();
        int[] count = new int[1024];
        java.util.BitSet[] active = new java.util.BitSet[1024];
        int size;
        int[] a = new int[1 << 16];
        int[] b = new int[1 << 16];
        int[] day = new int[1 << 16];
        double[] minutes = new double[1 << 16];
        double[] metres = new double[1 << 16];
        boolean[] indoor = new boolean[1 << 16];

        void add(String personA, String personB, int onDay, double durationMin, double distanceM, boolean inside) {
            if (size == a.length) {
                int n = a.length * 2;
                a = java.util.Arrays.copyOf(a, n);
                b = java.util.Arrays.copyOf(b, n);
                day = java.util.Arrays.copyOf(day, n);
                minutes = java.util.Arrays.copyOf(minutes, n);
                metres = java.util.Arrays.copyOf(metres, n);
                indoor = java.util.Arrays.copyOf(indoor, n);
            }
            a[size] = person(personA, onDay);
            b[size] = person(personB, onDay);
            day[size] = onDay;
            minutes[size] = durationMin;
            metres[size] = distanceM;
            indoor[size] = inside;
            size++;
        }

        private int person(String id, int onDay) {
            Integer i = index.get(id);
            if (i == null) {
                i = ids.size();
                index.put(id, i);
                ids.add(id);
                if (i == count.length) {
                    count = java.util.Arrays.copyOf(count, i * 2);
                    active = java.util.Arrays.copyOf(active, i * 2);
                }
                active[i] = new java.util.BitSet();
            }
            count[i]++;
            active[i].set(onDay);
            return i;
        }
    }

    private static int countPeople(CrispData.Builder b) {
        return b.size();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    /**
     * Deletes contacts and tests older than {@code days} days before {@code today} (the retention
     * setting); 0 keeps everything.
     *
     * @return how many contacts and tests were deleted
     */
    public long[] applyRetention(int days, LocalDate today) {
        if (days <= 0) {
            return new long[] {0, 0};
        }
        LocalDate cutoff = today.minusDays(days);
        long[] deleted = new long[2];
        Sql.inTransaction(workspace, "Could not delete old contacts and tests", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM crisp_contacts WHERE day < ?")) {
                ps.setObject(1, cutoff);
                deleted[0] = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM crisp_tests WHERE day < ?")) {
                ps.setObject(1, cutoff);
                deleted[1] = ps.executeUpdate();
            }
        });
        return deleted;
    }

    /** Replaces the stored risk scores and epidemic curve with those of a scoring run. */
    public void saveScores(CrispData data, CrispPosterior posterior, double[] testValue) {
        Sql.inTransaction(workspace, "Could not save the CRISP risk scores", c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM crisp_risk");
                s.executeUpdate("DELETE FROM crisp_curve");
                s.executeUpdate("DELETE FROM crisp_person_days");
            }
            int last = data.days() - 1;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO crisp_risk (person_id, as_of, risk, p_s, p_e, p_i, p_r, "
                    + "test_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < data.people(); i++) {
                    double[] p = posterior.stateProbabilities(i, last);
                    ps.setString(1, data.id(i));
                    ps.setObject(2, data.asOf());
                    ps.setDouble(3, p[1] + p[2]);
                    ps.setDouble(4, p[0]);
                    ps.setDouble(5, p[1]);
                    ps.setDouble(6, p[2]);
                    ps.setDouble(7, p[3]);
                    ps.setDouble(8, testValue[i]);
                    ps.addBatch();
                    if (i % 5000 == 4999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO crisp_person_days (person_id, day, p_e, p_i, p_r) VALUES (?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (int i = 0; i < data.people(); i++) {
                    double most = 0;
                    for (int d = 0; d <= last; d++) {
                        most = Math.max(most, 1 - posterior.stateProbabilities(i, d)[0]);
                    }
                    if (most < 0.005) {
                        continue;
                    }
                    for (int d = 0; d <= last; d++) {
                        double[] p = posterior.stateProbabilities(i, d);
                        ps.setString(1, data.id(i));
                        ps.setObject(2, data.firstDay().plusDays(d));
                        ps.setDouble(3, p[1]);
                        ps.setDouble(4, p[2]);
                        ps.setDouble(5, p[3]);
                        ps.addBatch();
                        if (++pending == 5000) {
                            ps.executeBatch();
                            pending = 0;
                        }
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO crisp_curve (site, day, exposed_mean, exposed_low, "
                    + "exposed_high, infectious_mean, infectious_low, infectious_high, positive_tests) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (CrispPosterior.CurvePoint p : posterior.curve()) {
                    ps.setString(1, p.site());
                    ps.setObject(2, data.firstDay().plusDays(p.day()));
                    ps.setDouble(3, p.exposedMean());
                    ps.setDouble(4, p.exposedLow());
                    ps.setDouble(5, p.exposedHigh());
                    ps.setDouble(6, p.infectiousMean());
                    ps.setDouble(7, p.infectiousLow());
                    ps.setDouble(8, p.infectiousHigh());
                    ps.setInt(9, p.positiveTests());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /**
     * One row of the risk ranking.
     *
     * @param testValue expected missed infections a test of this person would avoid
     */
    public record RiskRow(String personId, String site, String shift, String team, double risk, double pS, double pE, double pI,
            double pR, double testValue, LocalDate lastTest, String lastResult) {
    }

    /**
     * A page of the latest risk scores, highest risk first (or highest test value first).
     *
     * @param siteFilter a site to keep, or null for all
     */
    public List<RiskRow> riskPage(String siteFilter, boolean byTestValue, int offset, int limit) {
        String sql = "SELECT r.person_id, p.site, p.shift, p.team, r.risk, r.p_s, r.p_e, r.p_i, r.p_r, r.test_value, "
                + "(SELECT MAX(t.day) FROM crisp_tests t WHERE t.person_id = r.person_id), "
                + "(SELECT MAX(t.result) FROM crisp_tests t WHERE t.person_id = r.person_id AND t.day = "
                + "(SELECT MAX(t2.day) FROM crisp_tests t2 WHERE t2.person_id = r.person_id)) "
                + "FROM crisp_risk r LEFT JOIN crisp_people p ON p.person_id = r.person_id "
                + (siteFilter == null ? "" : "WHERE p.site = ? ")
                + "ORDER BY " + (byTestValue ? "r.test_value" : "r.risk") + " DESC, r.person_id LIMIT ? OFFSET ?";
        List<RiskRow> out = new ArrayList<>();
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (siteFilter != null) {
                ps.setString(i++, siteFilter);
            }
            ps.setInt(i++, limit);
            ps.setInt(i, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RiskRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5),
                            rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10),
                            rs.getObject(11, LocalDate.class), rs.getString(12)));
                }
            }
        } catch (SQLException e) {
            throw Sql.failure("Could not read the CRISP risk scores", e);
        }
        return out;
    }

    /** The sites that have people, in name order. */
    public List<String> sites() {
        List<String> out = new ArrayList<>();
        try (Connection c = workspace.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT site FROM crisp_people WHERE site IS NOT NULL ORDER BY site")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw Sql.failure("Could not read the sites", e);
        }
        return out;
    }

    /** The stored epidemic curve of one site ('' = everyone), by day. */
    public List<CrispPosterior.CurvePoint> curve(String site, LocalDate firstDay) {
        List<CrispPosterior.CurvePoint> out = new ArrayList<>();
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement("SELECT day, exposed_mean, "
                + "exposed_low, exposed_high, infectious_mean, infectious_low, infectious_high, positive_tests FROM crisp_curve "
                + "WHERE site = ? ORDER BY day")) {
            ps.setString(1, site);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate d = rs.getObject(1, LocalDate.class);
                    out.add(new CrispPosterior.CurvePoint(site, (int) ChronoUnit.DAYS.between(firstDay, d), rs.getDouble(2),
                            rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getInt(8)));
                }
            }
        } catch (SQLException e) {
            throw Sql.failure("Could not read the epidemic curve", e);
        }
        return out;
    }

    /**
     * One day of a person's stored state probabilities.
     *
     * @param pE P(exposed), {@code pI} P(infectious), {@code pR} P(removed)
     */
    public record PersonDay(LocalDate day, double pE, double pI, double pR) {
    }

    /** A person's stored state probabilities by day (empty: susceptible throughout, or not scored). */
    public List<PersonDay> personDays(String personId) {
        List<PersonDay> out = new ArrayList<>();
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT day, p_e, p_i, p_r FROM crisp_person_days WHERE person_id = ? ORDER BY day")) {
            ps.setString(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PersonDay(rs.getObject(1, LocalDate.class), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)));
                }
            }
        } catch (SQLException e) {
            throw Sql.failure("Could not read the person's state probabilities", e);
        }
        return out;
    }

    /**
     * One encounter of a person, with the other person's probability of being infectious that day.
     *
     * @param otherInfectious P(the other person infectious on that day) from the latest scoring run
     */
    public record Encounter(String other, LocalDate day, double minutes, double distanceM, boolean indoor, double otherInfectious) {
    }

    /** A person's encounters in the latest {@code limit} rows, newest first. */
    public List<Encounter> encounters(String personId, int limit) {
        List<Encounter> out = new ArrayList<>();
        String sql = "SELECT CASE WHEN c.person_a = ? THEN c.person_b ELSE c.person_a END AS other, c.day, c.duration_min, c.distance_m, "
                + "c.setting, COALESCE((SELECT d.p_i FROM crisp_person_days d WHERE d.person_id = CASE WHEN c.person_a = ? THEN c.person_b "
                + "ELSE c.person_a END AND d.day = c.day), 0) FROM crisp_contacts c WHERE c.person_a = ? OR c.person_b = ? "
                + "ORDER BY c.day DESC, other LIMIT ?";
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= 4; i++) {
                ps.setString(i, personId);
            }
            ps.setInt(5, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Encounter(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getDouble(3), rs.getDouble(4),
                            "indoor".equals(rs.getString(5)), rs.getDouble(6)));
                }
            }
        } catch (SQLException e) {
            throw Sql.failure("Could not read the person's contacts", e);
        }
        return out;
    }

    /** The first day of the stored curve, or null when nothing was scored yet. */
    public LocalDate curveFirstDay() {
        try (Connection c = workspace.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MIN(day) FROM crisp_curve")) {
            rs.next();
            return rs.getObject(1, LocalDate.class);
        } catch (SQLException e) {
            throw Sql.failure("Could not read the epidemic curve", e);
        }
    }
}
