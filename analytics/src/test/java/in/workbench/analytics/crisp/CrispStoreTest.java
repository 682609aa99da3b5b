package in.workbench.analytics.crisp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrispStoreTest {

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

    private ImportSummary load(DataTable table, String text) throws Exception {
        Path p = dir.resolve(table.sqlName() + ".csv");
        Files.writeString(p, text);
        return new CsvImporter(ws).importFile(p, table, ImportOptions.defaults(), ProgressMonitor.NONE);
    }

    private List<String> reasons(long runId) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = ws.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT reason FROM rejected_rows WHERE run_id = " + runId + " ORDER BY line_no")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void rejectsImpossibleContactsAndUnknownTestResultsWithASentenceEach() throws Exception {
        load(DataTable.CRISP_PEOPLE, "person_id,site,site_type,shift,team\nA,BLR-FC1,warehouse,early,T1\nB,BLR-FC1,warehouse,early,T1\n");
        ImportSummary contacts = load(DataTable.CRISP_CONTACTS, "person_a,person_b,day,duration_min,distance_m,setting\n"
                + "A,B,2026-03-01,30,1.5,indoor\n"
                + "A,A,2026-03-01,30,1.5,indoor\n"
                + "A,B,2026-03-02,-5,1.5,indoor\n"
                + "A,B,2026-03-02,2000,1.5,indoor\n"
                + "A,X,2026-03-03,10,3,Outdoor\n");
        assertEquals(2, contacts.imported());
        assertEquals(3, contacts.rejected());
        assertEquals(1, contacts.unresolved(), "X is not in people.csv but is kept");
        List<String> why = reasons(contacts.runId());
        assertTrue(why.get(0).contains("line 3") && why.get(0).contains("two different people"), why.get(0));
        assertTrue(why.get(1).contains("more than 0 minutes"), why.get(1));
        assertTrue(why.get(2).contains("longer than a day"), why.get(2));
        ImportSummary tests = load(DataTable.CRISP_TESTS, "person_id,day,result,reason\nA,2026-03-02,POSITIVE,symptoms\nB,2026-03-02,maybe,\n");
        assertEquals(1, tests.imported());
        assertTrue(reasons(tests.runId()).get(0).contains("result 'maybe' is not one of positive, negative"));
    }

    @Test
    void loadsTheWindowWithUnresolvedPeopleAndSaysWhatItNoticed() throws Exception {
        load(DataTable.CRISP_PEOPLE, "person_id,site\nA,S1\nB,S1\n");
        StringBuilder c = new StringBuilder("contact_id,person_a,person_b,day,duration_min,distance_m,setting\n");
        c.append("k1,A,B,2026-03-01,30,1,indoor\n");
        c.append("k1,B,A,2026-03-01,30,1,indoor\n");
        for (int i = 0; i < 4 * CrispStore.MAX_ENCOUNTERS_PER_DAY + 10; i++) {
            c.append(",DOOR,P").append(i).append(",2026-03-0").append(1 + i % 4).append(",1,1,indoor\n");
        }
        load(DataTable.CRISP_CONTACTS, c.toString());
        load(DataTable.CRISP_TESTS, "person_id,day,result\nA,2026-03-04,positive\nB,2026-06-01,negative\n");

        CrispData data = new CrispStore(ws).load(null, LocalDate.of(2026, 6, 1), ProgressMonitor.NONE);
        assertEquals(LocalDate.of(2026, 3, 1), data.firstDay());
        assertEquals(93, data.days());
        assertEquals(1, data.contacts(), "the repeated contact_id counts once and the shared id's encounters are left out");
        String notes = String.join(" ", data.notes());
        assertTrue(notes.contains("repeat a contact_id"), notes);
        assertTrue(notes.contains("'DOOR' is in 1,210 encounters"), notes);
        assertTrue(notes.contains("days or more from every contact day") && notes.contains("still used"), notes);
        assertEquals(2, data.tests(), "the far test is still used");
    }

    @Test
    void retentionDeletesOldContactsAndTests() throws Exception {
        load(DataTable.CRISP_CONTACTS, "person_a,person_b,day,duration_min,distance_m,setting\nA,B,2026-01-01,30,1,indoor\n"
                + "A,B,2026-03-01,30,1,indoor\n");
        load(DataTable.CRISP_TESTS, "person_id,day,result\nA,2026-01-02,positive\nA,2026-03-02,negative\n");
        long[] deleted = new CrispStore(ws).applyRetention(30, LocalDate.of(2026, 3, 10));
        assertEquals(1, deleted[0]);
        assertEquals(1, deleted[1]);
        assertEquals(1, ws.rowCounts().get("crisp_contacts"));
    }

    @Test
    void trainsSavesAsJsonAndScoresWithTheSavedParameters() throws Exception {
        StringBuilder c = new StringBuilder("person_a,person_b,day,duration_min,distance_m,setting\n");
        for (int d = 1; d <= 9; d++) {
            for (int i = 0; i < 20; i++) {
                c.append("P").append(i).append(",P").append((i + d) % 20).append(",2026-03-0").append(d).append(",60,1,indoor\n");
            }
        }
        load(DataTable.CRISP_CONTACTS, c.toString());
        load(DataTable.CRISP_TESTS, "person_id,day,result,reason\nP3,2026-03-05,positive,symptoms\nP4,2026-03-06,negative,screening\n");
        CrispService service = new CrispService(ws);
        CrispService.Training t = service.train(3, 10, 3, null, null, ProgressMonitor.NONE);
        CrispModel loaded = CrispModel.load(ws);
        assertEquals(t.model().params(), loaded.params());
        assertTrue(Files.readString(ws.modelsDir().resolve(CrispModel.FILE)).contains("\"duration_h\""));
        CrispService.Scores s = service.score(3, 10, null, null, ProgressMonitor.NONE);
        int p3 = s.data().indexOf("P3");
        assertTrue(s.posterior().stateProbabilities(p3, 4)[2] > 0.9, "a positive test makes the person infectious that day");
        Path csv = dir.resolve("risk.csv");
        CrispService.writeRiskCsv(s, csv);
        assertEquals("person_id,risk,p_s,p_e,p_i,p_r", Files.readAllLines(csv).get(0));
        assertEquals(21, Files.readAllLines(csv).size());
        assertTrue(Files.readString(dir.resolve("risk.csv.provenance.json")).contains("Health data"));
        assertEquals(20, new CrispStore(ws).riskPage(null, true, 0, 100).size());
    }

    @Test
    void scoringWithoutATrainedModelSaysWhatToRunFirst() throws Exception {
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> new CrispService(ws).score(1, 5, null, null, ProgressMonitor.NONE));
        assertEquals(WorkbenchException.Kind.PREREQUISITE_MISSING, e.kind());
        assertTrue(e.getMessage().contains("workbench train -w DIR crisp"));
    }
}
