package in.workbench.analytics.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The migrations of a team workspace: every script of {@code db/migration} (the ones H2 runs),
 * except that a script with a PostgreSQL twin of the same name in {@code db/postgresql} runs as
 * that twin, plus the scripts only PostgreSQL needs (also in {@code db/postgresql}). Existing
 * migrations are never edited (Flyway's checksums); decision 0018 explains the twin folder.
 *
 * <p>Immutable once built; thread-safe.
 */
final class ServerMigrations implements ResourceProvider {

    static final String SHARED = "db/migration";
    static final String TWINS = "db/postgresql";

    private final Map<String, Script> scripts;

    private ServerMigrations(Map<String, Script> scripts) {
        this.scripts = scripts;
    }

    /** Reads the scripts from the class path of this class. */
    static ServerMigrations fromClassPath() {
        ClassLoader loader = ServerMigrations.class.getClassLoader();
        Map<String, Script> scripts = new TreeMap<>();
        for (String name : list(loader, SHARED)) {
            scripts.put(name, new Script(SHARED + "/" + name, name));
        }
        for (String name : list(loader, TWINS)) {
            scripts.put(name, new Script(TWINS + "/" + name, name));
        }
        return new ServerMigrations(scripts);
    }

    /** The script names (e.g. {@code V1__core_schema.sql}) mapped to the class-path resource that runs. */
    Map<String, String> plan() {
        Map<String, String> plan = new TreeMap<>();
        scripts.forEach((name, s) -> plan.put(name, s.resource));
        return plan;
    }

    @Override
    public LoadableResource getResource(String name) {
        return scripts.get(name);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> found = new ArrayList<>();
        for (Script s : scripts.values()) {
            if (!s.name.startsWith(prefix)) {
                continue;
            }
            for (String suffix : suffixes) {
                if (s.name.endsWith(suffix)) {
                    found.add(s);
                    break;
                }
            }
        }
        return found;
    }

    /** The {@code .sql} file names directly in a class-path folder, across every jar and folder holding it. */
    private static List<String> list(ClassLoader loader, String folder) {
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> roots = loader.getResources(folder);
            for (URL url : Collections.list(roots)) {
                URI uri = url.toURI();
                if ("jar".equals(uri.getScheme())) {
                    FileSystem fs;
                    boolean opened = false;
                    try {
                        fs = FileSystems.getFileSystem(uri);
                    } catch (FileSystemNotFoundException e) {
                        fs = FileSystems.newFileSystem(uri, Map.of());
                        opened = true;
                    }
                    try {
                        collect(fs.getPath(folder), names);
                    } finally {
                        if (opened) {
                            fs.close();
                        }
                    }
                } else {
                    collect(Path.of(uri), names);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the migrations in " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Could not list the migrations in " + folder, e);
        }
        return names;
    }

    private static void collect(Path dir, List<String> names) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).forEach(names::add);
        }
    }

    /** One script, read from the class path when Flyway asks for it. */
    private static final class Script extends LoadableResource {
        private final String resource;
        private final String name;

        Script(String resource, String name) {
            this.resource = resource;
            this.name = name;
        }

        @Override
        public Reader read() {
            try (InputStream in = ServerMigrations.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Migration " + resource + " is missing from the class path.");
                }
                return new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read migration " + resource, e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return resource;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return resource;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
