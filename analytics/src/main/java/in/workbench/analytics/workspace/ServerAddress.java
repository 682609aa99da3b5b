package in.workbench.analytics.workspace;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a team workspace lives: a PostgreSQL server, database and schema, and the analyst who
 * connects, written {@code postgresql://USER@HOST:PORT/DB?currentSchema=S&sslmode=M} (a
 * {@code jdbc:} prefix is accepted). This is the one place that reads that form.
 *
 * <p>An address never holds a password: the password comes from the PostgreSQL password file
 * ({@code ~/.pgpass} or {@code PGPASSFILE}) or is asked for when the workspace opens, so it is
 * never written to settings, logs or shell history. Immutable; thread-safe.
 *
 * @param user the PostgreSQL role the analyst logs in as
 * @param host the server's host name or address
 * @param port the server's port (5432 when not written)
 * @param database the database
 * @param schema the schema holding the workspace's tables ({@code public} when not written)
 * @param sslMode the {@code sslmode} (disable, allow, prefer, require, verify-ca, verify-full), if written
 */
public record ServerAddress(String user, String host, int port, String database, String schema, Optional<String> sslMode) {

    /** PostgreSQL's own port, used when the address names none. */
    public static final int DEFAULT_PORT = 5432;

    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    private static final Pattern FORM = Pattern.compile(
            "(?i)(?:jdbc:)?postgres(?:ql)?://(?:([^@/?#]*)@)?(\\[[^\\]]+\\]|[^:/?#]+)(?::(\\d{1,5}))?/([^/?#]+)(?:\\?([^#]*))?");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

    /** Whether {@code text} is written as a server address rather than a folder. */
    public static boolean looksLikeServer(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("postgresql://") || t.startsWith("postgres://") || t.startsWith("jdbc:postgresql://");
    }

    /**
     * Reads an address.
     *
     * @throws WorkbenchException ({@link Kind#INPUT_UNUSABLE}) with a sentence saying what is wrong,
     *     including when the address carries a password
     */
    public static ServerAddress parse(String text) {
        String t = text.strip();
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw bad("\"" + t + "\" is not a server workspace address. Write it as "
                    + "postgresql://USER@HOST:PORT/DB?currentSchema=SCHEMA&sslmode=MODE.");
        }
        String userInfo = m.group(1);
        if (userInfo != null && userInfo.contains(":")) {
            throw bad("A workspace address never holds a password. Remove it and put it in the PostgreSQL password file "
                    + "(~/.pgpass or PGPASSFILE), or type it when asked.");
        }
        String user = userInfo == null || userInfo.isEmpty() ? System.getProperty("user.name") : decode(userInfo);
        String host = m.group(2);
        int port = DEFAULT_PORT;
        if (m.group(3) != null) {
            port = Integer.parseInt(m.group(3));
            if (port < 1 || port > 65535) {
                throw bad("Port " + port + " in \"" + t + "\" is not a port number (1–65535).");
            }
        }
        String database = decode(m.group(4));
        String schema = "public";
        String sslMode = null;
        if (m.group(5) != null && !m.group(5).isEmpty()) {
            for (String pair : m.group(5).split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                switch (key) {
                    case "currentSchema" -> schema = value;
                    case "sslmode" -> sslMode = value.toLowerCase(Locale.ROOT);
                    case "password" -> throw bad("A workspace address never holds a password. Remove password= and put it "
                            + "in the PostgreSQL password file (~/.pgpass or PGPASSFILE), or type it when asked.");
                    default -> throw bad("\"" + key + "\" is not a workspace address option; use currentSchema and sslmode.");
                }
            }
        }
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw bad("Schema \"" + schema + "\" is not a plain name (letters, digits and _, starting with a letter).");
        }
        if (sslMode != null && !SSL_MODES.contains(sslMode)) {
            throw bad("sslmode \"" + sslMode + "\" is not one of disable, allow, prefer, require, verify-ca, verify-full.");
        }
        return new ServerAddress(user, host, port, database, schema, Optional.ofNullable(sslMode));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static WorkbenchException bad(String sentence) {
        return new WorkbenchException(Kind.INPUT_UNUSABLE, sentence);
    }

    /** The same server and database for another analyst. */
    public ServerAddress as(String otherUser) {
        return new ServerAddress(otherUser, host, port, database, schema, sslMode);
    }

    /** The same server and database, another schema. */
    public ServerAddress inSchema(String otherSchema) {
        return new ServerAddress(user, host, port, database, otherSchema, sslMode);
    }

    /** The PostgreSQL JDBC driver's URL for this address (no user, no password). */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The canonical written form, as the analyst types it (no password, ever). */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("postgresql://").append(user).append('@').append(host).append(':').append(port)
                .append('/').append(database);
        s.append("?currentSchema=").append(schema);
        sslMode.ifPresent(m -> s.append("&sslmode=").append(m));
        return s.toString();
    }

    /** A short name for window titles and recent lists: {@code DB/SCHEMA on HOST}. */
    public String displayName() {
        return database + "/" + schema + " on " + host;
    }
}
