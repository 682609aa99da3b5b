package in.workbench.analytics.labeling;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.workspace.Sql;
import in.workbench.analytics.workspace.Workspace;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Saves analysts' decisions into {@code address_labels}: each decision (one key press, for one
 * address or a group of near-duplicates) is written in its own committed transaction the moment
 * it is made, with the analyst's name and the time, so a crash loses nothing; undoing marks the
 * decision's labels {@code undone} (nothing is deleted). Exports the current labels as
 * address_labels.csv. Reads, for the labeling queue and the merge, the addresses still to label and
 * each analyst's newest labels.
 *
 * <p>Thread-safe: every call uses its own connection.
 */
public final class LabelStore {

    /** The three labels of address_labels.csv. */
    public static final List<String> LABELS = List.of("deliverable", "undeliverable", "unsure");

    private final Workspace workspace;

    public LabelStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /** A saved decision. */
    public record Decision(long id, String label, List<String> addressIds, String analyst, OffsetDateTime at) {
    }

    /**
     * Saves one decision.
     *
     * @param addressIds the address shown first, then the near-duplicates the decision applies to
     * @param segments the corrected segments of the first address, or null when not corrected
     */
    public Decision decide(List<String> addressIds, String label, String segments, String analyst) {
        return decide(null, addressIds, label, segments, analyst).orElseThrow();
    }

    /**
     * Saves one decision exactly once: {@code receiptId} is the id the analyst's client gave it, so
     * that a decision sent again (after a lost connection) is recognised and not saved twice.
     *
     * @return the saved decision, or empty when a decision with this receipt was saved before
     */
    public java.util.Optional<Decision> decideOnce(String receiptId, List<String> addressIds, String label, String segments,
            String analyst) {
        return decide(java.util.Objects.requireNonNull(receiptId), addressIds, label, segments, analyst);
    }

    private java.util.Optional<Decision> decide(String receiptId, List<String> addressIds, String label, String segments,
            String analyst) {
        if (!LABELS.contains(label)) {
            throw new IllegalArgumentException("unknown label " + label);
        }
        if (addressIds.isEmpty()) {
            throw new IllegalArgumentException("no address");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = workspace.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement d = c.prepareStatement("INSERT INTO labeling_decisions (label, labeled_by, decided_at, addresses) "
                    + "VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement l = c.prepareStatement("INSERT INTO address_labels (address_id, label, segments, labeled_by, "
                            + "labeled_at, source) VALUES (?, ?, ?, ?, ?, 'screen')", Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement link = c.prepareStatement("INSERT INTO labeling_decision_labels (decision_id, label_id) VALUES (?, ?)")) {
                d.setString(1, label);
                d.setString(2, analyst);
                d.setObject(3, now);
                d.setInt(4, addressIds.size());
                d.executeUpdate();
                long decisionId = key(d);
                for (int i = 0; i < addressIds.size(); i++) {
                    l.setString(1, addressIds.get(i));
                    l.setString(2, label);
                    l.setString(3, i == 0 ? segments : null);
                    l.setString(4, analyst);
                    l.setObject(5, now);
                    l.executeUpdate();
                    link.setLong(1, decisionId);
                    link.setLong(2, key(l));
                    link.executeUpdate();
                }
                if (receiptId != null) {
                    Sql.update(c, "INSERT INTO label_outbox_receipts (receipt_id, analyst, decision_id, received_at) VALUES (?, ?, ?, ?)",
                            receiptId, analyst, decisionId, now);
                }
                c.commit();
                return java.util.Optional.of(new Decision(decisionId, label, List.copyOf(addressIds), analyst, now));
            } catch (SQLException e) {
                c.rollback();
                if (receiptId != null && "23505".equals(e.getSQLState())) {
                    return java.util.Optional.empty();
                }
                throw e;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "The label could not be saved: " + e.getMessage() + ". Nothing was changed; try again.", e);
        }
    }

    private static long key(PreparedStatement ps) throws SQLException {
        try (ResultSet k = ps.getGeneratedKeys()) {
            k.next();
            return k.getLong(1);
        }
    }

    /** Undoes a decision: its labels are marked undone (kept for the record). */
    public void undo(long decisionId) {
        try (Connection c = workspace.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement l = c.prepareStatement("UPDATE address_labels SET undone = TRUE WHERE label_id IN "
                    + "(SELECT label_id FROM labeling_decision_labels WHERE decision_id = ?)");
                    PreparedStatement d = c.prepareStatement("UPDATE labeling_decisions SET undone = TRUE WHERE decision_id = ?")) {
                l.setLong(1, decisionId);
                l.executeUpdate();
                d.setLong(1, decisionId);
                d.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "The undo could not be saved: " + e.getMessage() + ". Try again.", e);
        }
    }

    /** The decision saved with a receipt id by {@link #decideOnce}, if the workspace has it. */
    public Optional<Long> decisionWithReceipt(String receiptId) {
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT decision_id FROM label_outbox_receipts WHERE receipt_id = ?")) {
            ps.setString(1, receiptId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not find the decision to undo: " + e.getMessage(), e);
        }
    }

    /** The newest decisions of an analyst that are not undone, newest first (Backspace walks back through them). */
    public List<Decision> recentDecisions(String analyst, int limit) {
        List<Decision> out = new ArrayList<>();
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement("SELECT d.decision_id, d.label, "
                + "d.labeled_by, d.decided_at FROM labeling_decisions d WHERE NOT d.undone AND d.labeled_by = ? ORDER BY d.decision_id "
                + "DESC LIMIT ?"); PreparedStatement ids = c.prepareStatement("SELECT l.address_id FROM labeling_decision_labels x JOIN "
                        + "address_labels l ON l.label_id = x.label_id WHERE x.decision_id = ? ORDER BY l.label_id")) {
            ps.setString(1, analyst);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.setLong(1, rs.getLong(1));
                    List<String> addressIds = new ArrayList<>();
                    try (ResultSet r = ids.executeQuery()) {
                        while (r.next()) {
                            addressIds.add(r.getString(1));
                        }
                    }
                    out.add(new Decision(rs.getLong(1), rs.getString(2), addressIds, rs.getString(3), rs.getObject(4, OffsetDateTime.class)));
                }
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the recent decisions: " + e.getMessage(), e);
        }
        return out;
    }

    /** The current label of an address (newest, not undone), if any. */
    public Optional<String> currentLabel(String addressId) {
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement("SELECT label FROM address_labels WHERE "
                + "address_id = ? AND NOT undone ORDER BY labeled_at DESC, label_id DESC LIMIT 1")) {
            ps.setString(1, addressId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the label: " + e.getMessage(), e);
        }
    }

    /** Labelling progress. */
    public record Progress(long labelledAddresses, long addresses, long labelsLastTenMinutes, long analystLabelsToday) {

        /** Labels per minute over the last ten minutes. */
        public double labelsPerMinute() {
            return labelsLastTenMinutes / 10.0;
        }
    }

    /** How far labeling has come: addresses labelled (not undone) of all, and the analyst's recent pace. */
    public Progress progress(String analyst) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = workspace.connection(); Statement s = c.createStatement();
                PreparedStatement recent = c.prepareStatement("SELECT COUNT(*) FROM labeling_decisions WHERE NOT undone AND labeled_by = ? "
                        + "AND decided_at >= ?")) {
            long labelled;
            long total;
            try (ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT address_id) FROM address_labels WHERE NOT undone")) {
                rs.next();
                labelled = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM addresses")) {
                rs.next();
                total = rs.getLong(1);
            }
            recent.setString(1, analyst);
            recent.setObject(2, now.minusMinutes(10));
            long tenMinutes;
            try (ResultSet rs = recent.executeQuery()) {
                rs.next();
                tenMinutes = rs.getLong(1);
            }
            recent.setObject(2, now.toLocalDate().atStartOfDay().atOffset(ZoneOffset.UTC));
            long today;
            try (ResultSet rs = recent.executeQuery()) {
                rs.next();
                today = rs.getLong(1);
            }
            return new Progress(labelled, total, tenMinutes, today);
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the labeling progress: " + e.getMessage(), e);
        }
    }

    /** Writes the current labels (each analyst's newest per address, not undone) as address_labels.csv; returns the rows written. */
    public long exportCsv(Path file) {
        long rows = 0;
        try (Connection c = workspace.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT address_id, label, segments, labeled_by, labeled_at FROM (SELECT l.*, ROW_NUMBER() OVER (PARTITION BY address_id, "
                        + "labeled_by ORDER BY labeled_at DESC, label_id DESC) AS rn FROM address_labels l WHERE NOT undone) newest WHERE rn = 1 "
                        + "ORDER BY address_id, labeled_by");
                Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                ICSVWriter out = new CSVWriter(w, ',', '"', '"', "\n")) {
            out.writeNext(new String[] {"address_id", "label", "segments", "labeled_by", "labeled_at"}, false);
            while (rs.next()) {
                out.writeNext(new String[] {rs.getString(1), rs.getString(2), rs.getString(3) == null ? "" : rs.getString(3), rs.getString(4),
                    rs.getObject(5, OffsetDateTime.class).toString()}, false);
                rows++;
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the labels to export: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Could not write " + file + ": " + e.getMessage() + ". Choose another file.", e);
        }
        return rows;
    }

    /** An analyst's newest label of an address (not undone). */
    public record AnalystLabel(String addressId, String analyst, String label) {
    }

    /** Each analyst's newest label of each address, by address and then analyst. */
    public List<AnalystLabel> newestLabelPerAnalyst() {
        List<AnalystLabel> out = new ArrayList<>();
        Sql.eachRow(workspace, "SELECT address_id, labeled_by, label FROM (SELECT address_id, labeled_by, label, ROW_NUMBER() OVER "
                + "(PARTITION BY address_id, labeled_by ORDER BY labeled_at DESC, label_id DESC) AS rn FROM address_labels WHERE NOT "
                + "undone) newest WHERE rn = 1 ORDER BY address_id, labeled_by", "Could not read the analysts' labels",
                rs -> out.add(new AnalystLabel(rs.getString(1), rs.getString(2), rs.getString(3))));
        return out;
    }

    /** The texts of the workspace's addresses among {@code ids}, by address id (ids the workspace does not hold are left out). */
    public Map<String, String> addressTexts(Set<String> ids) {
        Map<String, String> out = new HashMap<>();
        Sql.eachRow(workspace, "SELECT address_id, address_text FROM addresses", "Could not read the workspace's labels", rs -> {
            if (ids.contains(rs.getString(1))) {
                out.put(rs.getString(1), rs.getString(2));
            }
        });
        return out;
    }

    /** Hands every address without a label (none, or all undone) to {@code reader}, in address order. */
    public void eachUnlabelledAddress(Consumer<LabelingQueue.Address> reader) {
        Sql.eachRow(workspace, "SELECT a.address_id, a.customer_id, a.address_text, a.city, a.state, a.pincode FROM addresses a WHERE "
                + "NOT EXISTS (SELECT 1 FROM address_labels l WHERE l.address_id = a.address_id AND NOT l.undone) ORDER BY a.address_id",
                "Could not read the addresses to label", rs -> reader.accept(address(rs)));
    }

    /** The workspace's addresses with these ids, in the order given (ids it does not hold are left out). */
    public List<LabelingQueue.Address> addresses(List<String> addressIds) {
        List<LabelingQueue.Address> found = new ArrayList<>();
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT address_id, customer_id, address_text, city, state, pincode FROM addresses WHERE address_id = ?")) {
            for (String id : addressIds) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        found.add(address(rs));
                    }
                }
            }
        } catch (SQLException e) {
            throw Sql.failure("Could not read the addresses to label again", e);
        }
        return found;
    }

    private static LabelingQueue.Address address(ResultSet rs) throws SQLException {
        return new LabelingQueue.Address(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6));
    }

    /** Whether a failure means the server could not be reached (connection refused, dropped, or ended by the server). */
    static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
