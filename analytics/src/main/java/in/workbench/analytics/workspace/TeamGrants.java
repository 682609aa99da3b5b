package in.workbench.analytics.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The rights of the three workbench roles on a team workspace's schema, granted after every
 * schema change an owner makes: readers and labelers read every table; labelers also write the
 * tables of labels, review decisions and corrections; owners do everything. The CRISP tables
 * ({@link HealthData}) are left out of reading: only members of {@value HealthData#SERVER_ROLE}
 * (and owners) read them. The server enforces all of it, so a client that skipped its own checks
 * still could not read or change what its role may not.
 *
 * <p>Stateless; thread-safe.
 */
final class TeamGrants {

    /** The tables a labeler writes: labels, labeling decisions, review decisions, and their queue. */
    static final List<String> LABELER_TABLES = List.of("address_labels", "labeling_decisions", "labeling_decision_labels",
            "catalog_decisions", "label_outbox_receipts", "labeling_leases");

    private TeamGrants() {
    }

    static void grant(Connection c, String schema, boolean asOwnerGroup) throws SQLException {
        String q = '"' + schema.replace("\"", "\"\"") + '"';
        String owner = TeamRole.OWNER.serverRole();
        String labeler = TeamRole.LABELER.serverRole();
        String reader = TeamRole.READER.serverRole();
        try (Statement s = c.createStatement()) {
            if (asOwnerGroup) {
                s.execute("SET ROLE " + owner);
            }
            try {
                s.execute("GRANT ALL ON SCHEMA " + q + " TO " + owner);
                s.execute("GRANT ALL ON ALL TABLES IN SCHEMA " + q + " TO " + owner);
                s.execute("GRANT ALL ON ALL SEQUENCES IN SCHEMA " + q + " TO " + owner);
                List<String> healthTables = healthTables(c, schema);
                for (String group : List.of(labeler, reader)) {
                    if (ServerWorkspaceOpener.roleExists(c, group)) {
                        s.execute("GRANT USAGE ON SCHEMA " + q + " TO " + group);
                        s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + q + " TO " + group);
                        for (String table : healthTables) {
                            s.execute("REVOKE ALL ON " + q + "." + table + " FROM " + group);
                        }
                    }
                }
                if (ServerWorkspaceOpener.roleExists(c, HealthData.SERVER_ROLE)) {
                    s.execute("GRANT USAGE ON SCHEMA " + q + " TO " + HealthData.SERVER_ROLE);
                    for (String table : healthTables) {
                        s.execute("GRANT SELECT ON " + q + "." + table + " TO " + HealthData.SERVER_ROLE);
                    }
                }
                if (ServerWorkspaceOpener.roleExists(c, labeler)) {
                    s.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + q + " TO " + labeler);
                    for (String table : LABELER_TABLES) {
                        if (exists(c, schema, table)) {
                            s.execute("GRANT INSERT, UPDATE, DELETE ON " + q + "." + table + " TO " + labeler);
                        }
                    }
                }
            } finally {
                if (asOwnerGroup) {
                    s.execute("RESET ROLE");
                }
            }
        }
    }

    /** The CRISP tables and views of the schema. */
    private static List<String> healthTables(Connection c, String schema) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_name LIKE ? ORDER BY table_name")) {
            ps.setString(1, schema);
            ps.setString(2, HealthData.TABLE_PREFIX.replace("_", "\\_") + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add('"' + rs.getString(1).replace("\"", "\"\"") + '"');
                }
            }
        }
        return out;
    }

    private static boolean exists(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
