package in.workbench.analytics.segmentation;

import in.workbench.analytics.segmentation.SegmentationTrainer.CurvePoint;
import in.workbench.analytics.segmentation.SegmentationTrainer.Example;
import in.workbench.analytics.workspace.Sql;
import in.workbench.analytics.workspace.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The segmenter's door to the workspace: the addresses it trains on (with the analysts' newest
 * segmentation where there is one) and the learning curve each training adds a point to
 * ({@code segmentation_learning_curve}). The trainer speaks only in records; the SQL is here.
 *
 * <p>Thread-safe: each call takes its own connection from the workspace.
 */
public final class SegmentationStore {

    private final Workspace ws;

    /** The segmentation data of {@code ws}. */
    public SegmentationStore(Workspace ws) {
        this.ws = ws;
    }

    /** Every address of the workspace with the analysts' newest segmentation where there is one, in address order. */
    public List<Example> examples() {
        String sql = "SELECT a.address_id, a.address_text, a.pincode, l.segments FROM addresses a LEFT JOIN (SELECT address_id, segments "
                + "FROM (SELECT address_id, segments, ROW_NUMBER() OVER (PARTITION BY address_id ORDER BY labeled_at DESC, label_id DESC) "
                + "AS rn FROM address_labels WHERE NOT undone AND segments IS NOT NULL AND segments <> '') newest WHERE rn = 1) l "
                + "ON l.address_id = a.address_id ORDER BY a.address_id";
        List<Example> out = new ArrayList<>();
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String text = rs.getString(2);
                String segments = rs.getString(4);
                out.add(new Example(rs.getString(1), text, rs.getString(3), segments == null ? null : Segmentation.parse(text, segments)));
            }
        } catch (SQLException e) {
            throw Sql.failure("Could not read the addresses to train on", e);
        }
        return out;
    }

    /** How many addresses carry an analyst's label that was not undone. */
    public long analystLabelledAddresses() {
        return Sql.count(ws, "SELECT COUNT(DISTINCT address_id) FROM address_labels WHERE NOT undone", List.of(),
                "Could not count the analysts' labels");
    }

    /** Adds one training's point to the learning curve. */
    public void addCurvePoint(CurvePoint p, long trainMillis) {
        Sql.inTransaction(ws, "Could not record the learning curve", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO segmentation_learning_curve (trained_at, analyst_labels, "
                    + "analyst_segmentations, held_out, span_f1, weak_agreement_f1, train_millis) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, p.trainedAt());
                ps.setLong(2, p.analystLabels());
                ps.setLong(3, p.analystSegmentations());
                ps.setLong(4, p.heldOut());
                ps.setObject(5, p.spanF1());
                ps.setDouble(6, p.weakAgreementF1());
                ps.setLong(7, trainMillis);
                ps.executeUpdate();
            }
        });
    }

    /** The learning curve recorded by every training on this workspace, oldest first. */
    public List<CurvePoint> learningCurve() {
        List<CurvePoint> out = new ArrayList<>();
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT trained_at, analyst_labels, analyst_segmentations, held_out, span_f1, weak_agreement_f1 "
                        + "FROM segmentation_learning_curve ORDER BY run_id")) {
            while (rs.next()) {
                Object f1 = rs.getObject(5);
                out.add(new CurvePoint(rs.getObject(1, OffsetDateTime.class), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        f1 == null ? null : ((Number) f1).doubleValue(), rs.getDouble(6)));
            }
        } catch (SQLException e) {
            throw Sql.failure("Could not read the learning curve", e);
        }
        return out;
    }
}
