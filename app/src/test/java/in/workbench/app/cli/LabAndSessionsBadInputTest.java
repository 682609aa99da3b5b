package in.workbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bad input issue 20 names, on the command line: each is one plain sentence (exit 3 for a
 * model that cannot be trained, a rejected row's reason for an import), never a stack trace.
 */
class LabAndSessionsBadInputTest {

    @TempDir
    static Path dir;
    static String ws;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WorkbenchCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** 2,500 customers: a constant channel, a blank note, a 1,000-level shop, churn that follows spend. */
    @BeforeAll
    static void importCustomers() throws Exception {
        Random r = new Random(5);
        StringBuilder csv = new StringBuilder("customer_id,spend,shop,channel,note,churned\n");
        for (int i = 0; i < 2_500; i++) {
            double spend = r.nextGaussian();
            int shop = i < 1_000 ? i : (int) (1_000 * Math.pow(r.nextDouble(), 4));
            csv.append(String.format(Locale.ROOT, "C%04d,%.3f,S%03d,app,,%s%n", i, spend, shop, r.nextDouble() < 1 / (1 + Math.exp(-2 * spend))));
        }
        Path file = dir.resolve("customers.csv");
        Files.writeString(file, csv.toString());
        ws = dir.resolve("ws").toString();
        Run imported = run("import", "-q", "-w", ws, "-t", "table", "--name", "customers", "--id", "customer_id", file.toString());
        assertEquals(0, imported.code(), imported.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a target with one value|--target|channel|The target column channel has the same value ('app') in every row, so there is nothing to predict",
        "a feature with every value missing|--features|note|No column of customers is usable as a feature for churned (note: blank in every row)",
        "a 1,000-level target|--target|shop|shop has 1,000 different values; the lab predicts at most 50 classes"})
    void aModelThatCannotBeTrainedGetsOneSentenceAndExitThree(String what, String option, String column, String sentence) {
        Run r = option.equals("--target")
                ? run("train", "-q", "-w", ws, "lab", "--table", "customers", "--target", column)
                : run("train", "-q", "-w", ws, "lab", "--table", "customers", "--target", "churned", "--features", column);
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().startsWith("workbench: ") && r.err().contains(sentence), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one sentence: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @Test
    void aThousandLevelCategoryAsAFeatureIsPooledAndSaidSo() {
        Run r = run("train", "-q", "-w", ws, "lab", "--table", "customers", "--target", "churned", "--features", "spend,shop",
                "--algorithm", "logistic-regression", "--folds", "3", "--name", "churn");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("shop has 1,000 different values") && r.out().contains("pooled as '(other)'"), r.out());
    }

    @Test
    void sessionsWithAnUnknownNetworkAnImpossibleSignalOrANegativeLatencyAreRejectedWithTheirReasons() throws Exception {
        Path file = dir.resolve("sessions.csv");
        Files.writeString(file, """
                session_id,customer_id,ts,device_model,os,ram_gb,network_type,carrier,tower_id,signal_dbm,last_latency_ms,pincode,page_load_ms,slow
                S1,C1,2026-01-05T20:13:45+05:30,Redmi 9A,android 11,2,4G,Jio,T1,-95,120,560001,3200,
                S2,C1,2026-01-05T21:13:45+05:30,Redmi 9A,android 11,2,6g,jio,T1,-95,120,560001,3200,
                S3,C1,2026-01-05T22:13:45+05:30,Redmi 9A,android 11,2,4g,jio,T1,-10,120,560001,3200,
                S4,C1,2026-01-05T23:13:45+05:30,Redmi 9A,android 11,2,4g,jio,T1,-95,-5,560001,3200,
                """);
        Path rejects = dir.resolve("rejected-sessions.csv");
        Run r = run("import", "-q", "-w", ws, "-t", "sessions", "--rejects", rejects.toString(), file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Imported 1 sessions rows; 3 rejected."), r.out());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        String written = Files.readString(rejects);
        for (String reason : List.of("network_type '6g' is not one of 2g, 3g, 4g, 5g, wifi",
                "signal_dbm '-10' is an impossible signal strength: it must lie between -150 and -20 dBm",
                "last_latency_ms -5 is below the minimum 0")) {
            assertTrue(written.contains(reason), written);
        }
    }
}
