package in.workbench.views.addresses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.address.AddressInsights;
import in.workbench.analytics.address.DeliverabilityTrainer;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.task.SameThreadTaskRunner;
import java.nio.file.Path;
import in.workbench.views.events.WorkspaceEvent;
import in.workbench.views.events.WorkspaceEvents;
import in.workbench.views.task.DeferredTaskRunner;
import in.workbench.views.task.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The address screens' view models on a small generated workspace, without the toolkit. */
class AddressScreensViewModelTest {

    @TempDir
    Path dir;
    final List<Throwable> errors = new ArrayList<>();
    final SameThreadTaskRunner runner = new SameThreadTaskRunner();

    AddressesSession session() {
        return new AddressesSession(runner, 3, 20);
    }

    @Test
    void aWorkspaceWithoutScoresShowsTheEmptyStateAndWithoutLabelsSaysWhatToImport() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("empty"))) {
            AddressesSession session = session();
            AddressesViewModel addresses = new AddressesViewModel(session, runner, errors::add);
            session.open(ws);
            assertTrue(addresses.noScoresProperty().get());
            assertTrue(addresses.messageProperty().get().contains("Train the model"), addresses.messageProperty().get());
            addresses.trainAndScore();
            assertTrue(addresses.messageProperty().get().contains("Import addresses.csv and shipments.csv"), addresses.messageProperty().get());
            assertFalse(addresses.trainingProperty().get());
            CheckAddressViewModel check = new CheckAddressViewModel(session, new SameThreadTaskRunner());
            check.textProperty().set("Flat 3, MG Road, Pune 411001");
            check.check();
            assertNull(check.resultProperty().get());
            assertTrue(check.messageProperty().get().contains("Train it on the Model screen"), check.messageProperty().get());
            assertTrue(errors.isEmpty(), errors.toString());
        }
    }

    @Test
    void trainsAndScoresFromTheEmptyStateThenFiltersSortsAndShowsAnAddress() throws Exception {
        try (Workspace ws = AddressWorld.untrained(dir.resolve("ws"))) {
            AddressesSession session = session();
            AddressesViewModel model = new AddressesViewModel(session, runner, errors::add);
            session.open(ws);
            assertTrue(model.noScoresProperty().get());
            model.trainAndScore();
            assertTrue(errors.isEmpty(), errors.toString());
            assertFalse(model.noScoresProperty().get());
            assertNotNull(session.modelProperty().get());
            assertEquals(800, model.totalProperty().get());
            assertEquals(AddressesViewModel.PAGE, model.rows().size());
            double first = (Double) model.rows().get(0).get(1);
            double last = (Double) model.rows().get(model.rows().size() - 1).get(1);
            assertTrue(first <= last, "worst scores first");

            String state = model.states().get(0);
            model.applyFilter(Map.of("state", state));
            assertTrue(model.totalProperty().get() > 0 && model.totalProperty().get() < 800);
            assertTrue(model.rows().stream().allMatch(r -> state.equals(r.get(6))), "only " + state);

            model.applyFilter(Map.of("flagged", "true"));
            assertTrue(model.rows().stream().allMatch(r -> Boolean.TRUE.equals(r.get(2))));
            long flagged = model.totalProperty().get();
            assertEquals(new AddressInsights(ws).flaggedAddresses(), flagged);

            model.applyFilter(Map.of());
            model.reasonProperty().set("no pincode");
            assertTrue(model.totalProperty().get() > 0);
            assertTrue(model.rows().stream().allMatch(r -> String.valueOf(r.get(3)).contains("no pincode")));

            model.reasonProperty().set(AddressesViewModel.REASONS.get(0));
            model.sortColumnProperty().set("score");
            model.ascendingProperty().set(false);
            model.select(model.rows().get(0));
            AddressesViewModel.Detail d = model.detailProperty().get();
            assertNotNull(d);
            assertEquals(model.rows().get(0).get(0), d.addressId());
            assertFalse(d.shipments().isEmpty(), "every generated address has shipments");
            if (d.parts().pincodeExists()) {
                assertFalse(d.offices().isEmpty(), "a known pincode lists its post offices");
            }
            assertTrue(errors.isEmpty(), errors.toString());
        }
    }

    @Test
    void theThresholdSliderUpdatesPrecisionRecallAndTheMatrixAndApplyingItReflags() throws Exception {
        AddressesSession session = session();
        try (Workspace ws = AddressWorld.trained(dir.resolve("ws"), session)) {
            ModelViewModel model = new ModelViewModel(session, runner, errors::add);
            AddressMapViewModel map = new AddressMapViewModel(session, runner, errors::add);
            session.open(ws);
            assertNotNull(model.evaluationProperty().get());
            assertFalse(model.features().isEmpty(), "feature importance of the saved model");
            assertEquals(2, model.candidates().size());
            model.thresholdProperty().set(0.3);
            DeliverabilityTrainer.Confusion low = model.confusionProperty().get();
            model.thresholdProperty().set(0.8);
            DeliverabilityTrainer.Confusion high = model.confusionProperty().get();
            assertEquals(0.8, high.threshold(), 1e-9);
            assertTrue(high.recall() >= low.recall());
            assertTrue(high.flaggedDeliverable() + high.flaggedUndeliverable() > low.flaggedDeliverable() + low.flaggedUndeliverable());
            long labelled = high.flaggedDeliverable() + high.flaggedUndeliverable() + high.passedDeliverable() + high.passedUndeliverable();
            assertEquals(model.evaluationProperty().get().size(), labelled);

            double before = map.shareByState().values().stream().mapToDouble(Double::doubleValue).sum();
            int revision = session.revisionProperty().get();
            model.applyThreshold();
            assertEquals(revision + 1, session.revisionProperty().get());
            assertEquals(0.8, model.appliedThresholdProperty().get(), 1e-9);
            assertEquals(0.8, session.modelProperty().get().threshold(), 1e-9);
            double after = map.shareByState().values().stream().mapToDouble(Double::doubleValue).sum();
            assertTrue(after > before, "a stricter threshold flags more in every state: " + before + " → " + after);
            assertTrue(model.messageProperty().get().contains("below 0.80"), model.messageProperty().get());
            assertFalse(map.byCityProperty().get().isEmpty());
            assertTrue(errors.isEmpty(), errors.toString());
        }
    }

    @Test
    void checkingScoresAsTypedAppliesOnlyTheLatestResultAndSurvivesHostileInput() throws Exception {
        AddressesSession session = session();
        try (Workspace ws = AddressWorld.trained(dir.resolve("ws"), session)) {
            DeferredTaskRunner deferred = new DeferredTaskRunner();
            CheckAddressViewModel check = new CheckAddressViewModel(session, deferred);
            session.open(ws);
            check.textProperty().set("near Bus Stand, Malleswaram, Bengaluru");
            check.check();
            check.textProperty().set("Flat 302, Sai Residency, 5th Cross, Malleswaram, Bengaluru 560003");
            check.check();
            List<DeferredTaskRunner.Pending> pending = deferred.pending();
            assertEquals(TaskRunner.Lane.QUICK, pending.get(0).lane(), "checking is a quick read");
            pending.get(1).finish();
            double complete = check.resultProperty().get().score();
            pending.get(0).finish();
            assertEquals(complete, check.resultProperty().get().score(), 0.0, "the older, slower result is dropped");

            CheckAddressViewModel direct = new CheckAddressViewModel(session, new SameThreadTaskRunner());
            direct.textProperty().set("near Bus Stand, Malleswaram, Bengaluru");
            direct.check();
            assertTrue(direct.resultProperty().get().score() < complete);
            assertFalse(direct.resultProperty().get().reasons().isEmpty());
            for (String hostile : new String[] {"     ", "😀🙏🏽📦", "मंदिर के पास, वाराणसी", "x".repeat(5_000)}) {
                direct.textProperty().set(hostile);
                direct.check();
                if (!hostile.isBlank()) {
                    assertNotNull(direct.resultProperty().get(), "scored: " + hostile.substring(0, Math.min(10, hostile.length())));
                }
                assertFalse(direct.messageProperty().get().contains("unexpected"), direct.messageProperty().get());
            }
        }
    }

    @Test
    void aModelTrainedOnAnotherScreenReachesTheAddressScreensThroughAnEvent() throws Exception {
        AddressesSession session = session();
        AddressesSession trainer = session();
        try (Workspace ws = AddressWorld.untrained(dir.resolve("ws"))) {
            session.open(ws);
            CheckAddressViewModel check = new CheckAddressViewModel(session, runner);
            assertNull(session.modelProperty().get(), "no model yet");
            int revision = session.revisionProperty().get();
            WorkspaceEvents events = new WorkspaceEvents(errors::add);
            events.subscribe(e -> session.reloadModel(), WorkspaceEvent.Kind.MODEL_TRAINED);

            trainer.trainAndScore(ws, in.workbench.analytics.task.ProgressMonitor.NONE);
            assertNull(session.modelProperty().get(), "nothing changes before the event");
            events.publish(new WorkspaceEvent(WorkspaceEvent.Kind.MODEL_TRAINED, ws, "deliverability"));

            assertNotNull(session.modelProperty().get(), "the screens' session loaded the new model");
            assertTrue(session.revisionProperty().get() > revision, "the score screens re-read their pages");
            check.textProperty().set("Flat 302, Sai Residency, 5th Cross, Malleswaram, Bengaluru 560003");
            check.check();
            assertNotNull(check.resultProperty().get());
            assertTrue(errors.isEmpty(), errors.toString());
        }
    }
}
