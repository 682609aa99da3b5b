package in.workbench.analytics.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.task.CancelledException;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring's and segmenting's pass over every address: its CSV, its progress, and all or nothing. */
class EveryAddressPassTest {

    private static final List<String> COLUMNS = List.of("address_id", "score", "flagged", "reasons", "scored_at");

    @TempDir
    Path dir;

    @Test
    void writesEveryAddressToTheTableAndTheCsvWithProgressPerBatch() throws Exception {
        try (Workspace ws = workspaceWithAddresses("A1", "A2", "A3", "A4", "A5")) {
            Path csv = dir.resolve("out.csv");
            Progress progress = new Progress(Long.MAX_VALUE);
            long done = pass(ws).run(csv, replaceBatchesOf(ws, 2), lengths(0.5), progress);
            assertEquals(5, done);
            assertEquals(List.of("address_id,length", "A1,8", "A2,8", "A3,8", "A4,8", "A5,8"),
                    Files.readAllLines(csv, StandardCharsets.UTF_8));
            assertEquals(List.of("2 of 5 addresses measured", "4 of 5 addresses measured", "5 of 5 addresses measured"), progress.messages);
            assertEquals(5, new AddressStore(ws).scoredAddresses());
        }
    }

    @Test
    void cancelledPassLeavesTheTableAsItWas() throws Exception {
        try (Workspace ws = workspaceWithAddresses("A1", "A2", "A3", "A4", "A5")) {
            pass(ws).run(null, replaceBatchesOf(ws, 2), lengths(0.5), ProgressMonitor.NONE);
            assertThrows(CancelledException.class, () -> pass(ws).run(null, replaceBatchesOf(ws, 2), lengths(0.9), new Progress(1)));
            List<Double> scores = new ArrayList<>();
            in.workbench.analytics.workspace.Sql.eachRow(ws, "SELECT score FROM address_scores", "read", rs -> scores.add(rs.getDouble(1)));
            assertEquals(List.of(0.5, 0.5, 0.5, 0.5, 0.5), scores);
        }
    }

    @Test
    void refusesAWorkspaceWithoutAddressesBeforeWritingTheCsv() throws Exception {
        try (Workspace ws = workspaceWithAddresses()) {
            Path csv = dir.resolve("out.csv");
            WorkbenchException e = assertThrows(WorkbenchException.class,
                    () -> pass(ws).run(csv, replaceBatchesOf(ws, 2), lengths(0.5), ProgressMonitor.NONE));
            assertEquals(WorkbenchException.Kind.PREREQUISITE_MISSING, e.kind());
            assertFalse(Files.exists(csv));
        }
    }

    private static EveryAddressPass pass(Workspace ws) {
        return new EveryAddressPass(ws, "measured", "address_id", "length");
    }

    private static EveryAddressPass.Replacement replaceBatchesOf(Workspace ws, int batchSize) {
        return results -> new AddressStore(ws).replaceResultsOfEveryAddress("address_scores", COLUMNS, batchSize, "Measuring failed",
                results);
    }

    /** Each address's text length to the CSV, and {@code score} into the table. */
    private static EveryAddressPass.Results lengths(double score) {
        OffsetDateTime now = OffsetDateTime.now();
        return (batch, csv) -> {
            List<Object[]> rows = new ArrayList<>();
            for (NewAddresses.Row a : batch) {
                csv.writeNext(new String[] {a.id(), String.valueOf(a.text().length())}, false);
                rows.add(new Object[] {a.id(), score, false, null, now});
            }
            return rows;
        };
    }

    private Workspace workspaceWithAddresses(String... ids) throws Exception {
        Workspace ws = Workspace.open(dir.resolve("ws"));
        try (Connection c = ws.connection();
                PreparedStatement a = c.prepareStatement("INSERT INTO addresses (address_id, address_text) VALUES (?, ?)")) {
            for (String id : ids) {
                a.setString(1, id);
                a.setString(2, "House " + id);
                a.addBatch();
            }
            a.executeBatch();
        }
        return ws;
    }

    /** Records the progress lines; cancels once {@code cancelAfter} updates were made. */
    private static final class Progress implements ProgressMonitor {
        final List<String> messages = new CopyOnWriteArrayList<>();
        private final long cancelAfter;

        Progress(long cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void update(long done, long total, String message) {
            messages.add(message);
        }

        @Override
        public boolean isCancelled() {
            return messages.size() >= cancelAfter;
        }
    }
}
