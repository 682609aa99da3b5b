package in.workbench.analytics.address;

import in.workbench.analytics.address.DeliverabilityTrainer.LabelledAddress;
import in.workbench.analytics.workspace.Sql;
import in.workbench.analytics.workspace.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The deliverability model's door to the workspace: the labelled addresses it learns from
 * (shipment outcomes, overridden by the analysts' newest labels) and the out-of-fold scores a
 * training keeps so that screens can evaluate any threshold later ({@code deliverability_oof}), and the
 * flags of the scored addresses under the analyst's threshold.
 * The trainer and the evaluation speak only in records; the SQL is here.
 *
 * <p>Thread-safe: each call takes its own connection from the workspace.
 */
public final class DeliverabilityStore {

    private final Workspace ws;

    /** The deliverability data of {@code ws}. */
    public DeliverabilityStore(Workspace ws) {
        this.ws = ws;
    }

    /** An out-of-fold score of one labelled address, and whether it was (mostly) delivered. */
    public record OutOfFold(double score, boolean delivered) {
    }

    /** The addresses with shipment outcomes or an analyst's label ("unsure" left out), in address order. */
    public List<LabelledAddress> labelledAddresses() {
        String sql = "SELECT a.address_id, a.address_text, a.city, a.state, a.pincode, o.delivered, o.failed, l.label FROM addresses a "
                + "LEFT JOIN (SELECT address_id, SUM(CASE WHEN status = 'undeliverable' THEN 0 ELSE 1 END) AS delivered, "
                + "SUM(CASE WHEN status = 'undeliverable' THEN 1 ELSE 0 END) AS failed FROM shipments WHERE status IS NOT NULL "
                + "GROUP BY address_id) o ON o.address_id = a.address_id "
                + "LEFT JOIN (SELECT address_id, label FROM (SELECT address_id, label, ROW_NUMBER() OVER (PARTITION BY address_id "
                + "ORDER BY labeled_at DESC, label_id DESC) AS rn FROM address_labels WHERE NOT undone) newest WHERE rn = 1) l "
                + "ON l.address_id = a.address_id WHERE o.delivered IS NOT NULL OR l.label IS NOT NULL ORDER BY a.address_id";
        List<LabelledAddress> out = new ArrayList<>();
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String analyst = rs.getString(8);
                int delivered = rs.getInt(6);
                int failed = rs.getInt(7);
                if (analyst != null) {
                    if (!analyst.equals("unsure")) {
                        out.add(new LabelledAddress(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                analyst.equals("deliverable"), "analyst", delivered, failed));
                    }
                } else if (delivered + failed > 0) {
                    out.add(new LabelledAddress(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            delivered >= failed, "shipments", delivered, failed));
                }
            }
        } catch (SQLException e) {
            throw Sql.failure("Could not read the labelled addresses", e);
        }
        return out;
    }

    /** Replaces the kept out-of-fold scores: {@code scores[i]} and {@code delivered[i]} belong to {@code data.get(i)}. */
    public void saveOutOfFold(List<LabelledAddress> data, double[] scores, boolean[] delivered) {
        Sql.inTransaction(ws, "Could not record the cross-validated scores", c -> {
            try (Statement s = c.createStatement();
                    PreparedStatement ps = c.prepareStatement("INSERT INTO deliverability_oof (address_id, score, delivered, label_source) "
                            + "VALUES (?, ?, ?, ?)")) {
                s.executeUpdate("DELETE FROM deliverability_oof");
                for (int i = 0; i < data.size(); i++) {
                    ps.setString(1, data.get(i).id());
                    ps.setDouble(2, scores[i]);
                    ps.setBoolean(3, delivered[i]);
                    ps.setString(4, data.get(i).source());
                    ps.addBatch();
                    if (i % 5_000 == 4_999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
    }

    /** The kept out-of-fold scores in address order; empty when no model was trained. */
    public List<OutOfFold> outOfFold() {
        List<OutOfFold> out = new ArrayList<>();
        try (Connection c = ws.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT score, delivered FROM deliverability_oof ORDER BY address_id")) {
            while (rs.next()) {
                out.add(new OutOfFold(rs.getDouble(1), rs.getBoolean(2)));
            }
        } catch (SQLException e) {
            throw Sql.failure("Could not read the deliverability model's evaluation", e);
        }
        return out;
    }

    /**
     * Flags every scored address whose score is below {@code threshold} and unflags the others
     * (scores stay as they are).
     *
     * @return how many scored addresses are flagged now
     */
    public long reflag(double threshold) {
        try (Connection c = ws.connection();
                PreparedStatement up = c.prepareStatement("UPDATE address_scores SET flagged = (score < ?)")) {
            up.setDouble(1, threshold);
            up.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("Could not re-flag the addresses", e);
        }
        return Sql.count(ws, "SELECT COUNT(*) FROM address_scores WHERE flagged", List.of(), "Could not re-flag the addresses");
    }
}
