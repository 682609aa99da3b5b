package in.workbench.analytics.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.workspace.ServerAddress;
import in.workbench.analytics.workspace.TestDatabases;
import in.workbench.analytics.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection lost mid-labeling: the analyst's labels stay in the local outbox and reach the
 * server, each exactly once, when the connection returns. The connection really goes: the test
 * talks to the server through a small TCP relay that it cuts and restores.
 */
class LabelOutboxTest {

    @TempDir
    Path dir;

    @Test
    void labelsMadeWhileTheServerIsUnreachableAreKeptAndSentOnceWhenItReturns() throws Exception {
        try (Workspace direct = TestDatabases.open("postgresql", dir); Relay relay = new Relay(direct.server().orElseThrow())) {
            direct.putSetting("probe", "1");
            ServerAddress server = direct.server().orElseThrow();
            ServerAddress viaRelay = new ServerAddress(server.user(), "127.0.0.1", relay.port(), server.database(), server.schema(),
                    server.sslMode());
            String password = Files.readAllLines(Path.of(System.getenv("PGPASSFILE"))).stream()
                    .filter(l -> l.contains(":" + server.user() + ":")).findFirst().map(l -> l.substring(l.lastIndexOf(':') + 1))
                    .orElseThrow();
            try (Workspace analyst = Workspace.openServer(viaRelay, a -> Optional.of(password.toCharArray()), dir.resolve("asha"))) {
                LabelOutbox outbox = LabelOutbox.of(dir.resolve("asha/outbox.jsonl"), new LabelStore(analyst));
                assertTrue(outbox.decide(List.of("A1"), "deliverable", null, "Asha").sent());

                relay.cut();
                LabelOutbox.Outcome second = outbox.decide(List.of("A2", "A3"), "undeliverable", null, "Asha");
                LabelOutbox.Outcome third = outbox.decide(List.of("A4"), "unsure", null, "Asha");
                assertFalse(second.sent());
                assertEquals(2, third.waiting());
                assertEquals(1, count(direct, "SELECT COUNT(*) FROM labeling_decisions"), "nothing arrived while cut off");
                assertEquals(2, outbox.waiting().size());

                relay.restore();
                assertEquals(0, outbox.flush());
                assertEquals(0, outbox.flush(), "a second flush sends nothing again");
                assertEquals(3, count(direct, "SELECT COUNT(*) FROM labeling_decisions"));
                assertEquals(4, count(direct, "SELECT COUNT(*) FROM address_labels"));
                assertEquals(1, count(direct, "SELECT COUNT(*) FROM address_labels WHERE address_id = 'A4' AND label = 'unsure'"));
                assertFalse(Files.exists(dir.resolve("asha/outbox.jsonl")));
            }
        }
    }

    @Test
    void aDecisionStillWaitingCanBeWithdrawnAndTheOthersAreSentInOrder() {
        List<String> sent = new CopyOnWriteArrayList<>();
        boolean[] reachable = {false};
        LabelOutbox outbox = new LabelOutbox(dir.resolve("outbox.jsonl"), p -> {
            if (!reachable[0]) {
                throw new in.workbench.analytics.WorkbenchException(in.workbench.analytics.WorkbenchException.Kind.OTHER, "gone",
                        new java.sql.SQLException("connection refused", "08001"));
            }
            sent.add(p.receiptId());
            return Optional.empty();
        });
        for (String r : List.of("r1", "r2", "r3")) {
            assertFalse(outbox.send(new LabelOutbox.Pending(r, List.of("A" + r), "deliverable", null, "Asha")).sent());
        }
        assertTrue(outbox.withdraw("r2"));
        assertFalse(outbox.withdraw("r2"), "withdrawn once");
        reachable[0] = true;
        assertEquals(0, outbox.flush());
        assertEquals(List.of("r1", "r3"), sent);
        assertFalse(outbox.withdraw("r3"), "a sent decision cannot be withdrawn");
    }

    @Test
    void aDecisionThatReachedTheServerBeforeTheAnswerWasLostIsNotSavedTwice() throws Exception {
        try (Workspace ws = TestDatabases.open("postgresql", dir)) {
            LabelStore store = new LabelStore(ws);
            LabelOutbox.Pending p = new LabelOutbox.Pending("r-1", List.of("A9"), "deliverable", null, "Ravi");
            assertTrue(store.decideOnce(p.receiptId(), p.addressIds(), p.label(), p.segments(), p.analyst()).isPresent());
            assertTrue(store.decideOnce(p.receiptId(), p.addressIds(), p.label(), p.segments(), p.analyst()).isEmpty());
            assertEquals(1, count(ws, "SELECT COUNT(*) FROM address_labels WHERE address_id = 'A9'"));
        }
    }

    static long count(Workspace ws, String sql) throws Exception {
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A TCP relay to the server that can be cut (every connection dropped, new ones refused) and restored on the same port. */
    static final class Relay implements AutoCloseable {
        private final ServerAddress target;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final int port;
        private volatile ServerSocket listener;

        Relay(ServerAddress target) throws IOException {
            this.target = target;
            this.listener = listen(0);
            this.port = listener.getLocalPort();
        }

        int port() {
            return port;
        }

        private ServerSocket listen(int onPort) throws IOException {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
            Thread accept = new Thread(() -> {
                while (!s.isClosed()) {
                    try {
                        Socket client = s.accept();
                        Socket upstream = new Socket(target.host(), target.port());
                        open.add(client);
                        open.add(upstream);
                        pipe(client.getInputStream(), upstream.getOutputStream());
                        pipe(upstream.getInputStream(), client.getOutputStream());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "relay-accept");
            accept.setDaemon(true);
            accept.start();
            return s;
        }

        private static void pipe(InputStream in, OutputStream out) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[8192];
                try {
                    for (int n; (n = in.read(buf)) >= 0;) {
                        out.write(buf, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // the relay was cut
                } finally {
                    try {
                        out.close();
                    } catch (IOException e) {
                        // already closed
                    }
                }
            }, "relay-pipe");
            t.setDaemon(true);
            t.start();
        }

        void cut() throws IOException {
            listener.close();
            for (Socket s : open) {
                s.close();
            }
            open.clear();
        }

        void restore() throws IOException {
            listener = listen(port);
        }

        @Override
        public void close() throws IOException {
            cut();
        }
    }
}
