package in.workbench.analytics.address;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.task.ProgressMonitor;
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
import java.util.List;
import java.util.Locale;

/**
 * Scores every address of a workspace with its deliverability model, in batches, into the
 * {@code address_scores} table (one transaction) and optionally a CSV
 * {@code address_id,score,flagged,reasons}. Thread-safe.
 */
public final class AddressScoring {

    private static final int BATCH = 5_000;

    private final Workspace workspace;
    private final AddressParser parser;

    public AddressScoring(Workspace workspace, AddressParser parser) {
        this.workspace = workspace;
        this.parser = parser;
    }

    /** What scoring did. */
    public record Summary(long addresses, long flagged, double threshold) {
    }

    /** The state an address is in: its pincode's, else the one it names; null when neither is known. */
    static String stateOf(AddressParts p) {
        if (p.pincodeState() != null) {
            return p.pincodeState().displayName();
        }
        return p.statedState() == null ? null : p.statedState().displayName();
    }

    /** The city (district) an address is in: its pincode's district, else the city it names. */
    static String cityOf(AddressParts p) {
        if (p.pincodeDistrict() != null) {
            return p.pincodeDistrict();
        }
        return p.statedCity() == null ? null : titleCase(p.statedCity());
    }

    private static String titleCase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean start = true;
        for (char ch : s.toCharArray()) {
            b.append(start ? Character.toUpperCase(ch) : ch);
            start = Character.isWhitespace(ch);
        }
        return b.toString();
    }

    /** The workspace's addresses with these ids, in the order given (ids not in the workspace are left out). */
    public List<NewAddresses.Row> addresses(java.util.Set<String> ids) {
        java.util.Map<String, NewAddresses.Row> found = new java.util.HashMap<>();
        List<String> all = new ArrayList<>(ids);
        try (Connection c = workspace.connection()) {
            for (int from = 0; from < all.size(); from += 500) {
                List<String> part = all.subList(from, Math.min(all.size(), from + 500));
                try (PreparedStatement ps = c.prepareStatement("SELECT address_id, address_text, city, state, pincode FROM addresses "
                        + "WHERE address_id IN (" + String.join(",", java.util.Collections.nCopies(part.size(), "?")) + ")")) {
                    Sql.bind(ps, part);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getString(1), new NewAddresses.Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw Sql.failure("Could not read the addresses", e);
        }
        return all.stream().filter(found::containsKey).map(found::get).toList();
    }

    /** Scores all addresses; writes the CSV when {@code csv} is not null. */
    public Summary scoreAll(DeliverabilityModel model, Path csv, ProgressMonitor monitor) {
        long total = workspace.rowCounts().get("addresses");
        if (total == 0) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "This workspace has no addresses. Import addresses.csv first.");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = workspace.connection();
                Writer w = csv == null ? Writer.nullWriter() : Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                ICSVWriter out = new CSVWriter(w, ',', '"', '"', "\n")) {
            return Sql.computeInTransaction(c, tx -> {
                long done = 0;
                long flagged = 0;
                try (Statement s = tx.createStatement();
                        PreparedStatement ins = tx.prepareStatement("INSERT INTO address_scores (address_id, score, flagged, reasons, scored_at, "
                                + "state_name, city_name, pincode_found) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    s.executeUpdate("DELETE FROM address_scores");
                    out.writeNext(new String[] {"address_id", "score", "flagged", "reasons"}, false);
                    try (Connection readConnection = workspace.connection();
                            Statement read = readConnection.createStatement();
                            ResultSet rs = read.executeQuery("SELECT address_id, address_text, city, state, pincode FROM addresses ORDER BY address_id")) {
                        List<String> ids = new ArrayList<>(BATCH);
                        List<DeliverabilityModel.Input> inputs = new ArrayList<>(BATCH);
                        boolean more = true;
                        while (more) {
                            more = rs.next();
                            if (more) {
                                ids.add(rs.getString(1));
                                inputs.add(new DeliverabilityModel.Input(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                            }
                            if (ids.size() == BATCH || (!more && !ids.isEmpty())) {
                                monitor.checkCancelled();
                                List<AddressScore> scores = model.scoreAll(parser, inputs);
                                for (int i = 0; i < scores.size(); i++) {
                                    AddressScore sc = scores.get(i);
                                    String reasons = String.join("; ", sc.reasons());
                                    ins.setString(1, ids.get(i));
                                    ins.setDouble(2, sc.score());
                                    ins.setBoolean(3, sc.flagged());
                                    ins.setString(4, reasons);
                                    ins.setObject(5, now);
                                    ins.setString(6, stateOf(sc.parts()));
                                    ins.setString(7, cityOf(sc.parts()));
                                    ins.setString(8, sc.parts().pincode());
                                    ins.addBatch();
                                    out.writeNext(new String[] {ids.get(i), String.format(Locale.ROOT, "%.4f", sc.score()),
                                        String.valueOf(sc.flagged()), reasons}, false);
                                    flagged += sc.flagged() ? 1 : 0;
                                }
                                ins.executeBatch();
                                done += ids.size();
                                monitor.update(done, total, String.format("%,d of %,d addresses scored", done, total));
                                ids.clear();
                                inputs.clear();
                            }
                        }
                    }
                }
                return new Summary(done, flagged, model.threshold());
            });
        } catch (SQLException e) {
            throw Sql.failure("Scoring failed and was undone", e);
        } catch (IOException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not write " + csv + ": " + e.getMessage(), e);
        }
    }
}
