package in.workbench.analytics.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.imports.ImportSummary;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionImportTest {

    static final String HEADER = "session_id,customer_id,ts,device_model,os,ram_gb,network_type,carrier,tower_id,signal_dbm,"
            + "last_latency_ms,pincode,page_load_ms,slow\n";

    @TempDir
    Path dir;
    Workspace ws;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("ws"));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    ImportSummary load(String body) throws Exception {
        Path f = dir.resolve("sessions.csv");
        Files.writeString(f, HEADER + body);
        return new CsvImporter(ws, List.of(SessionStore.outcomesHook())).importFile(f, DataTable.SESSIONS, ImportOptions.defaults(),
                ProgressMonitor.NONE);
    }

    List<String> column(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void rejectsUnknownNetworkImpossibleSignalAndNegativeLatencyWithPlainReasons() throws Exception {
        ImportSummary s = load("""
                S1,C1,2026-01-05T20:13:45+05:30,Redmi 9A,android 11,2,4G,Jio,T1,-95,120,560001,3200,
                S2,C1,2026-01-05T21:13:45+05:30,Redmi 9A,android 11,2,6g,jio,T1,-95,120,560001,3200,
                S3,C1,2026-01-05T22:13:45+05:30,Redmi 9A,android 11,2,4g,jio,T1,-10,120,560001,3200,
                S4,C1,2026-01-05T23:13:45+05:30,Redmi 9A,android 11,2,4g,jio,T1,-95,-5,560001,3200,
                S5,C2,2026-01-05T23:13:45+05:30,iPhone 13,ios 17.5,100,wifi,,,,,,,
                """);
        assertEquals(1, s.imported());
        assertEquals(4, s.rejected());
        List<String> reasons = column("SELECT reason FROM rejected_rows ORDER BY line_no");
        assertEquals("line 3: network_type '6g' is not one of 2g, 3g, 4g, 5g, wifi", reasons.get(0));
        assertEquals("line 4: signal_dbm '-10' is an impossible signal strength: it must lie between -150 and -20 dBm", reasons.get(1));
        assertEquals("line 5: last_latency_ms -5 is below the minimum 0", reasons.get(2));
        assertEquals("line 6: ram_gb '100' is not a phone's memory: it must be above 0 and at most 64 GB", reasons.get(3));
        assertEquals(List.of("4g|jio"), column("SELECT network_type || '|' || carrier FROM sessions"));
    }

    @Test
    void derivesSlowFromLoadTimeAndCountsOutcomesThatDisagree() throws Exception {
        ImportSummary s = load("""
                A,C1,2026-01-05T20:13:45+05:30,,,,4g,,,2147483647,,,7000,
                B,C1,2026-01-05T20:14:45+05:30,,,,4g,,,,,,1200,
                C,C1,2026-01-05T20:15:45+05:30,,,,4g,,,,,,1200,true
                D,C1,2026-01-05T20:16:45+05:30,,,,4g,,,,,,,
                E,C1,2026-01-05T20:17:45+05:30,,,,4g,,,,,,,false
                """);
        assertEquals(5, s.imported());
        SessionStore store = new SessionStore(ws);
        assertEquals(1, store.inconsistentOutcomes(s.runId()));
        assertEquals(List.of("A|TRUE", "B|FALSE", "C|TRUE", "D|null", "E|FALSE"),
                column("SELECT session_id || '|' || COALESCE(CAST(slow AS VARCHAR), 'null') FROM sessions ORDER BY session_id"));
        assertNull(column("SELECT signal_dbm FROM sessions WHERE session_id = 'A'").get(0), "Android's unavailable reads as blank");

        store.setThresholdMs(1_000);
        assertEquals("TRUE", column("SELECT slow FROM sessions WHERE session_id = 'B'").get(0), "derived outcomes follow the threshold");
        assertEquals("FALSE", column("SELECT slow FROM sessions WHERE session_id = 'E'").get(0), "given outcomes are kept");
        assertEquals(0, store.inconsistentOutcomes(s.runId()), "C now agrees with the 1,000 ms threshold");

        Sessions read = store.readAll(ProgressMonitor.NONE);
        assertEquals(5, read.size());
        int a = java.util.stream.IntStream.range(0, 5).filter(i -> read.sessionId(i).equals("A")).findFirst().orElseThrow();
        assertTrue(read.labelled(a) && read.slow(a));
        assertEquals(20, read.localHour(a));
        assertEquals(0, read.localWeekday(a), "2026-01-05 is a Monday");
        assertFalse(read.labelled(java.util.stream.IntStream.range(0, 5).filter(i -> read.sessionId(i).equals("D")).findFirst().orElseThrow()));
    }
}
