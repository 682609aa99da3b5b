package in.workbench.analytics.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabTrainerTest {

    @TempDir
    Path dir;
    Workspace ws;
    LabTrainer trainer;

    @BeforeEach
    void open() throws Exception {
        ws = Workspace.open(dir.resolve("ws"));
        LabTables.importCustomers(ws, dir, 2_000);
        trainer = new LabTrainer(new LabStore(ws));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void defaultPlanLeavesOutTheIdTheBlankAndTheConstantColumnAndPoolsTheThousandLevelShop() {
        LabPlan plan = trainer.plan(new LabSpec("customers", "churned", null, null, null, null, 42), ProgressMonitor.NONE);
        assertEquals(LabTask.CLASSIFICATION, plan.task());
        assertEquals(List.of("signup", "spend", "visits", "city", "shop", "basket_inr"), plan.features());
        assertTrue(plan.notes().contains("note is blank in every row, so it is left out."), plan.notes().toString());
        assertTrue(plan.notes().contains("channel has the same value in every row, so it is left out."), plan.notes().toString());
        assertTrue(plan.notes().stream().anyMatch(n -> n.startsWith("shop has 1,000 different values; the 7 most frequent are features "
                + "of their own and the other 993 are pooled as '(other)'")), plan.notes().toString());
        LabPlan regression = trainer.plan(new LabSpec("customers", "basket_inr", null, null, null, null, 42), ProgressMonitor.NONE);
        assertEquals(LabTask.REGRESSION, regression.task());
    }

    @Test
    void logisticRegressionAndXgboostFindTheSignalInThreeFolds() {
        LabResult r = trainer.train(new LabSpec("customers", "churned", null, List.of("spend", "visits", "city", "shop"),
                List.of(Algorithm.LOGISTIC_REGRESSION, Algorithm.XGBOOST), LabSpec.Validation.kFold(3), 42), ProgressMonitor.NONE);
        assertEquals("auc", r.primaryMetric());
        assertEquals("true", r.positiveClass());
        for (CandidateResult c : r.candidates()) {
            assertTrue(c.metric("auc") > 0.8, c.algorithm() + " AUC " + c.metric("auc"));
            assertEquals(2_000, c.evaluatedRows());
            assertTrue(c.roc().size() > 10);
            assertFalse(c.calibration().isEmpty());
        }
        CandidateResult kept = r.keptResult();
        assertFalse(kept.importance().isEmpty());
        assertEquals("spend", kept.importance().get(0).column(), kept.importance().toString());
        assertTrue(kept.importance().stream().filter(i -> i.column().equals("shop")).allMatch(i -> i.share() < 0.1),
                kept.importance().toString());
        long total = 0;
        for (long[] row : kept.confusion()) {
            for (long v : row) {
                total += v;
            }
        }
        assertEquals(2_000, total);
    }

    @Test
    void regressionCandidatesReportRmseMaeAndR2ByTime() {
        LabResult r = trainer.train(new LabSpec("customers", "basket_inr", null, List.of("spend", "visits", "city"),
                List.of(Algorithm.LINEAR_REGRESSION, Algorithm.CART), LabSpec.Validation.byTime("signup"), 42), ProgressMonitor.NONE);
        assertEquals("rmse", r.primaryMetric());
        CandidateResult linear = r.candidates().get(0);
        assertTrue(linear.metric("r2") > 0.9, "R2 " + linear.metric("r2"));
        assertEquals(400, linear.evaluatedRows());
        assertEquals(Algorithm.LINEAR_REGRESSION, r.kept());
    }

    @Test
    void badInputGetsOnePlainSentence() {
        assertMessage("has the same value ('app') in every row, so there is nothing to predict",
                new LabSpec("customers", "channel", LabTask.CLASSIFICATION, null, null, null, 1));
        assertMessage("The workspace has no table or view called 'nope'", new LabSpec("nope", "x", null, null, null, null, 1));
        assertMessage("customers has no column 'colour' (the feature)",
                new LabSpec("customers", "churned", null, List.of("colour"), null, null, 1));
        assertMessage("The target column note is blank in every row", new LabSpec("customers", "note", null, null, null, null, 1));
        assertMessage("No column of customers is usable as a feature for churned (note: blank in every row)",
                new LabSpec("customers", "churned", null, List.of("note"), null, null, 1));
        assertMessage("Linear regression cannot learn a classification target",
                new LabSpec("customers", "churned", null, null, List.of(Algorithm.LINEAR_REGRESSION), null, 1));
        WorkbenchException unknown = assertThrows(WorkbenchException.class, () -> Algorithm.named("svm"));
        assertEquals("Unknown algorithm 'svm'. The lab has: logistic-regression, linear-regression, xgboost, cart, random-forest, "
                + "extra-trees, knn.", unknown.getMessage());
        assertMessage("different values; the lab predicts at most 50 classes",
                new LabSpec("customers", "shop", null, null, null, null, 1));
    }

    @Test
    void defaultCandidatesLeaveOutAlgorithmsAboveTheirMeasuredRowLimits() {
        assertEquals(List.of(Algorithm.LOGISTIC_REGRESSION, Algorithm.XGBOOST, Algorithm.CART, Algorithm.RANDOM_FOREST, Algorithm.KNN),
                Algorithm.defaults(LabTask.CLASSIFICATION, 50_000));
        assertEquals(List.of(Algorithm.LOGISTIC_REGRESSION, Algorithm.XGBOOST, Algorithm.CART, Algorithm.RANDOM_FOREST),
                Algorithm.defaults(LabTask.CLASSIFICATION, 100_000));
        assertEquals(List.of(Algorithm.LINEAR_REGRESSION, Algorithm.XGBOOST, Algorithm.CART),
                Algorithm.defaults(LabTask.REGRESSION, 200_000));
        assertEquals(List.of(Algorithm.LOGISTIC_REGRESSION, Algorithm.XGBOOST), Algorithm.defaults(LabTask.CLASSIFICATION, 1_000_000));
    }

    private void assertMessage(String expected, LabSpec spec) {
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> trainer.train(spec, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(WorkbenchException.Kind.INPUT_UNUSABLE, e.kind());
    }
}
