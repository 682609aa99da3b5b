package in.workbench.analytics.address;

import in.workbench.analytics.address.AddressInsights.AddressRecord;
import in.workbench.analytics.address.AddressInsights.Share;
import in.workbench.analytics.address.AddressInsights.Shipment;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.workspace.Sql;
import in.workbench.analytics.workspace.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The addresses' door to the workspace: one address as imported and its shipments, addresses by id, the scored addresses'
 * counts and flagged shares ({@code address_scores}), and the rewriting of a table that holds one result row per address
 * (scores, segments) from every address in one transaction. {@link AddressInsights}, {@link AddressScoring} and the
 * segmenter speak in records; the SQL is here.
 *
 * <p>Thread-safe: each call takes its own connection from the workspace.
 */
public final class AddressStore {

    private static final String ADDRESS_COLUMNS = "address_id, address_text, city, state, pincode";
    private static final int IDS_PER_QUERY = 500;

    private final Workspace ws;

    /** The addresses of {@code ws}. */
    public AddressStore(Workspace ws) {
        this.ws = ws;
    }

    /** The result rows of one batch of addresses: the column values of each row, in the order the columns were named. */
    @FunctionalInterface
    public interface BatchResults {
        List<Object[]> rows(List<NewAddresses.Row> batch);
    }

    /**
     * How many addresses the workspace holds.
     *
     * @throws WorkbenchException PREREQUISITE_MISSING when it holds none
     */
    public long requireAddresses() {
        long addresses = ws.rowCounts().get("addresses");
        if (addresses == 0) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "This workspace has no addresses. Import addresses.csv first.");
        }
        return addresses;
    }

    /** How many addresses have a score. */
    long scoredAddresses() {
        return Sql.count(ws, "SELECT COUNT(*) FROM address_scores", List.of(), "Could not count the scored addresses");
    }

    /** How many scored addresses are flagged now. */
    long flaggedAddresses() {
        return Sql.count(ws, "SELECT COUNT(*) FROM address_scores WHERE flagged", List.of(), "Could not count the scored addresses");
    }

    /** Scored and flagged addresses per state, largest flagged share first. */
    List<Share> sharesByState() {
        return shares("SELECT state_name, COUNT(*), SUM(CASE WHEN flagged THEN 1 ELSE 0 END) FROM address_scores "
                + "WHERE state_name IS NOT NULL GROUP BY state_name ORDER BY 3 * 1.0 / COUNT(*) DESC, 1", List.of());
    }

    /** Scored and flagged addresses of the {@code topN} cities with the most scored addresses, most addresses first. */
    List<Share> sharesOfLargestCities(int topN) {
        return shares("SELECT city_name, COUNT(*), SUM(CASE WHEN flagged THEN 1 ELSE 0 END) FROM address_scores "
                + "WHERE city_name IS NOT NULL GROUP BY city_name ORDER BY 2 DESC, 1 LIMIT ?", List.of(topN));
    }

    /**
     * Rows {@code offset} to {@code offset + limit} of the scored addresses that {@link AddressInsights#VIEW} lists, in its
     * order sorted by score, lowest first, then by id: the same rows and order as that view's query, read through the
     * index on (score, address_id) (V12), so a page reads its own rows instead of sorting every score.
     */
    List<List<Object>> lowestScores(long offset, int limit) {
        List<List<Object>> rows = new ArrayList<>(Math.max(0, limit));
        Sql.eachRow(ws, "SELECT s.address_id, s.score, s.flagged, s.reasons, a.address_text, s.city_name, s.state_name, "
                + "COALESCE(s.pincode_found, a.pincode) FROM (SELECT * FROM address_scores x WHERE EXISTS "
                + "(SELECT 1 FROM addresses y WHERE y.address_id = x.address_id) ORDER BY score ASC NULLS LAST, address_id LIMIT ? OFFSET ?) s "
                + "JOIN addresses a ON a.address_id = s.address_id ORDER BY s.score ASC NULLS LAST, s.address_id",
                List.of(limit, offset), "Could not read the scored addresses", rs -> {
                    List<Object> row = new ArrayList<>(LOWEST_SCORES_COLUMNS);
                    for (int i = 1; i <= LOWEST_SCORES_COLUMNS; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                });
        return rows;
    }

    private static final int LOWEST_SCORES_COLUMNS = 8;

    private List<Share> shares(String sql, List<?> args) {
        List<Share> out = new ArrayList<>();
        Sql.eachRow(ws, sql, args, "Could not summarise the flagged addresses",
                rs -> out.add(new Share(rs.getString(1), rs.getLong(2), rs.getLong(3))));
        return out;
    }

    /** One address as imported, if it exists. */
    Optional<AddressRecord> address(String addressId) {
        List<AddressRecord> found = new ArrayList<>(1);
        Sql.eachRow(ws, "SELECT address_id, customer_id, address_text, city, state, pincode FROM addresses WHERE address_id = ?",
                List.of(addressId), "Could not read address " + addressId, rs -> found.add(new AddressRecord(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6))));
        return found.stream().findFirst();
    }

    /** The shipments to an address, newest first (at most {@code limit}). */
    List<Shipment> shipments(String addressId, int limit) {
        List<Shipment> out = new ArrayList<>();
        Sql.eachRow(ws, "SELECT shipment_id, order_date, product_id, package_type, status, attempts, delivered_days FROM shipments "
                + "WHERE address_id = ? ORDER BY order_date DESC, shipment_id LIMIT ?", List.of(addressId, limit),
                "Could not read the shipments of address " + addressId, rs -> out.add(new Shipment(rs.getString(1),
                        rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4), rs.getString(5), (Integer) rs.getObject(6),
                        (Integer) rs.getObject(7))));
        return out;
    }

    /** The workspace's addresses with these ids, in the order given (ids not in the workspace are left out). */
    public List<NewAddresses.Row> addresses(List<String> ids) {
        Map<String, NewAddresses.Row> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            Sql.eachRow(ws, "SELECT " + ADDRESS_COLUMNS + " FROM addresses WHERE address_id IN ("
                    + String.join(",", Collections.nCopies(part.size(), "?")) + ")", part, "Could not read the addresses",
                    rs -> found.put(rs.getString(1), row(rs)));
        }
        return ids.stream().filter(found::containsKey).map(found::get).toList();
    }

    /**
     * Replaces every row of {@code table} (which holds one result row per address) in one transaction: reads every address
     * in address order, hands them to {@code results} {@code batchSize} at a time, and inserts the rows it gives into
     * {@code columns}. Nothing changes when {@code results} throws or the database fails.
     *
     * @param failure what failed, as the user reads it, e.g. {@code "Scoring failed and was undone"}
     * @return how many addresses were read
     */
    public long replaceResultsOfEveryAddress(String table, List<String> columns, int batchSize, String failure,
            BatchResults results) {
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        try (Connection c = ws.connection()) {
            return Sql.computeInTransaction(c, tx -> {
                long done = 0;
                try (Statement s = tx.createStatement(); PreparedStatement ins = tx.prepareStatement(insert)) {
                    s.executeUpdate("DELETE FROM " + table);
                    try (Connection readConnection = ws.connection(); Statement read = readConnection.createStatement();
                            ResultSet rs = read.executeQuery("SELECT " + ADDRESS_COLUMNS + " FROM addresses ORDER BY address_id")) {
                        List<NewAddresses.Row> batch = new ArrayList<>(batchSize);
                        boolean more = true;
                        while (more) {
                            more = rs.next();
                            if (more) {
                                batch.add(row(rs));
                            }
                            if (batch.size() == batchSize || (!more && !batch.isEmpty())) {
                                for (Object[] values : results.rows(List.copyOf(batch))) {
                                    Sql.bind(ins, Arrays.asList(values));
                                    ins.addBatch();
                                }
                                ins.executeBatch();
                                done += batch.size();
                                batch.clear();
                            }
                        }
                    }
                }
                return done;
            });
        } catch (SQLException e) {
            throw Sql.failure(failure, e);
        }
    }

    private static NewAddresses.Row row(ResultSet rs) throws SQLException {
        return new NewAddresses.Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }
}
