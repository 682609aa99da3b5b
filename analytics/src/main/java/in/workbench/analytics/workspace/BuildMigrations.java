package in.workbench.analytics.workspace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * This build's schema migrations (the {@code db/migration} files: version, file name and Flyway's
 * checksum of each) and the one query that tells whether a workspace's schema history holds exactly
 * them, so that opening a workspace already at this build's schema needs no Flyway at all.
 *
 * <p>Flyway's own check (scanning the class path, resolving and checksumming every migration, its
 * info and validate passes) took about half the CPU time of opening the sample at start-up
 * (decision 0026, fourth addendum). Here the history must match in every row: each migration of this
 * build applied once, successfully, from a file with the same name and checksum, and nothing else.
 * Anything else (a migration pending, one newer than this build, a failed one, a file edited after
 * it was applied, a history that cannot be read) answers "no", and the caller runs Flyway's full
 * check as before, which names what differs. So this can only save work, never accept a workspace
 * Flyway would refuse.
 *
 * <p>The checksum is Flyway's (CRC-32 over each line's UTF-8 bytes without its line break, a byte
 * order mark dropped); a test holds it equal to Flyway's for every migration. Thread-safe; the
 * files are read once per process.
 */
final class BuildMigrations {

    /** Where Flyway finds the migrations (its {@code classpath:db/migration}). */
    static final String LOCATION = "db/migration";

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

    /** One migration of this build. */
    record Migration(String version, String script, int checksum) {
    }

    private static final class Listed {
        static final Optional<Map<String, Migration>> MIGRATIONS = read(BuildMigrations.class.getClassLoader());
    }

    private BuildMigrations() {
    }

    /**
     * This build's migrations by version, or empty when they cannot be listed quickly and surely (a class path
     * Flyway would scan in a way not mirrored here, a file name Flyway would not take as a versioned migration).
     */
    static Optional<Map<String, Migration>> thisBuild() {
        return Listed.MIGRATIONS;
    }

    /**
     * Whether the schema history in {@code c} holds exactly this build's migrations, each applied once and
     * successfully from an unchanged file; false also when the history cannot be read or the migrations listed.
     */
    static boolean historyMatches(Connection c) {
        Optional<Map<String, Migration>> build = thisBuild();
        return build.isPresent() && historyMatches(c, build.get());
    }

    static boolean historyMatches(Connection c, Map<String, Migration> build) {
        Set<String> seen = new HashSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\", \"script\", \"checksum\", \"success\", \"type\" "
                        + "FROM \"flyway_schema_history\"")) {
            while (rs.next()) {
                String version = rs.getString(1);
                String script = rs.getString(2);
                int checksum = rs.getInt(3);
                boolean noChecksum = rs.wasNull();
                boolean success = rs.getBoolean(4);
                String type = rs.getString(5);
                if (version == null && "TABLE".equals(type) && success) {
                    // Flyway's own row for creating the history table ("<< Flyway Schema History table created >>").
                    continue;
                }
                Migration expected = version == null ? null : build.get(version);
                if (expected == null || noChecksum || checksum != expected.checksum() || !expected.script().equals(script)
                        || !success || !"SQL".equals(type) || !seen.add(version)) {
                    return false;
                }
            }
        } catch (SQLException e) {
            // No history table, or one of another shape: Flyway's full check says what it is.
            return false;
        }
        return seen.size() == build.size();
    }

    /** Lists and checksums the migrations {@code loader} sees under {@link #LOCATION}. */
    static Optional<Map<String, Migration>> read(ClassLoader loader) {
        try {
            List<String> names = new ArrayList<>();
            Enumeration<URL> roots = loader.getResources(LOCATION);
            for (URL root : Collections.list(roots)) {
                Optional<List<String>> listed = list(root);
                if (listed.isEmpty()) {
                    return Optional.empty();
                }
                names.addAll(listed.get());
            }
            Map<String, Migration> byVersion = new HashMap<>();
            for (String name : names) {
                Matcher m = VERSIONED.matcher(name);
                if (!m.matches()) {
                    return Optional.empty();
                }
                String version = m.group(1).replace('_', '.');
                try (InputStream in = loader.getResourceAsStream(LOCATION + "/" + name)) {
                    if (in == null || byVersion.put(version, new Migration(version, name, checksum(in))) != null) {
                        return Optional.empty();
                    }
                }
            }
            return byVersion.isEmpty() ? Optional.empty() : Optional.of(Map.copyOf(byVersion));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The file names directly under one class-path root's migration folder; empty for a kind of root not read here. */
    private static Optional<List<String>> list(URL root) throws IOException, URISyntaxException {
        List<String> names = new ArrayList<>();
        switch (root.getProtocol()) {
            case "file" -> {
                try (var files = Files.list(Path.of(root.toURI()))) {
                    for (Path p : files.toList()) {
                        if (!Files.isRegularFile(p)) {
                            return Optional.empty();
                        }
                        names.add(p.getFileName().toString());
                    }
                }
            }
            case "jar" -> {
                // The jar the class loader already has open: the connection's cached copy, not to be closed here.
                JarFile jar = ((JarURLConnection) root.openConnection()).getJarFile();
                String prefix = LOCATION + "/";
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String name = entries.nextElement().getName();
                    if (name.startsWith(prefix) && name.length() > prefix.length()) {
                        String rest = name.substring(prefix.length());
                        if (rest.indexOf('/') >= 0) {
                            return Optional.empty();
                        }
                        names.add(rest);
                    }
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(names);
    }

    /** Flyway's checksum of a migration file: CRC-32 over each line's UTF-8 bytes, without line breaks or a byte order mark. */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096);
        String line = reader.readLine();
        if (line != null) {
            if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            do {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            } while ((line = reader.readLine()) != null);
        }
        return (int) crc.getValue();
    }
}
