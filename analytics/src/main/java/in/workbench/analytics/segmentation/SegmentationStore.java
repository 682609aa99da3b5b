package in.workbench.analytics.segmentation;

import in.workbench.analytics.address.AddressStore;
import in.workbench.analytics.segmentation.BuildingsReport.Building;
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
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The segmenter's door to the workspace: the addresses it trains on (with the analysts' newest
 * segmentation where there is one), the learning curve each training adds a point to
 * ({@code segmentation_learning_curve}), every address's segments ({@code address_segments}) and the
 * buildings report ({@code buildings}). The trainer, the segmenting and the report speak only in records;
 * the SQL is here.
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

    /** A segmented address whose segments name a building, with what the address itself says. */
    public record SegmentedAddress(String addressId, String customerId, String text, String segments, String city, String pincode) {
    }

    /**
     * Replaces every address's segments ({@code address_segments}) in one transaction; {@code segments} gives, for each
     * batch of addresses, the rows {@code address_id, segments, confidence, segmented_at}.
     *
     * @return how many addresses were segmented
     */
    public long replaceSegments(int batchSize, AddressStore.BatchResults segments) {
        return new AddressStore(ws).replaceResultsOfEveryAddress("address_segments",
                List.of("address_id", "segments", "confidence", "segmented_at"), batchSize, "Segmenting failed and was undone", segments);
    }

    /** Hands every segmented address whose segments name a building to {@code reader}, in address order. */
    public void addressesWithBuildings(Consumer<SegmentedAddress> reader) {
        Sql.eachRow(ws, "SELECT s.address_id, a.customer_id, a.address_text, s.segments, a.city, a.pincode FROM address_segments s "
                + "JOIN addresses a ON a.address_id = s.address_id WHERE s.segments LIKE '%BUILDING=%' ORDER BY s.address_id",
                "Could not read the address segments", rs -> reader.accept(new SegmentedAddress(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6))));
    }

    /** The buildings report as last written: the {@code limit} buildings with the most addresses, then by name and locality. */
    public List<Building> largestBuildings(int limit) {
        List<Building> out = new ArrayList<>();
        Sql.eachRow(ws, "SELECT building_key, building_name, variants, locality, city, pincode, addresses, customers FROM buildings "
                + "ORDER BY addresses DESC, LOWER(building_name), locality LIMIT ?", List.of(limit), "Could not read the buildings report",
                rs -> {
                    String v = rs.getString(3);
                    out.add(new Building(rs.getString(1), rs.getString(2), v == null || v.isEmpty() ? List.of() : List.of(v.split("; ")),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8)));
                });
        return out;
    }

    /** Replaces the buildings report in one transaction; a building whose key and locality came before is left out. */
    public void replaceBuildings(List<Building> buildings) {
        Sql.inTransaction(ws, "Could not write the buildings report", c -> {
            try (Statement s = c.createStatement(); PreparedStatement ps = c.prepareStatement("INSERT INTO buildings (building_key, "
                    + "building_name, variants, locality, city, pincode, addresses, customers) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.executeUpdate("DELETE FROM buildings");
                Set<String> seen = new HashSet<>();
                for (Building b : buildings) {
                    if (seen.add(b.key() + "\u0000" + b.locality())) {
                        Sql.bind(ps, Arrays.asList(b.key(), b.name(), String.join("; ", b.variants()), b.locality(), b.city(),
                                b.pincode(), b.addresses(), b.customers()));
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        });
    }
}
