package in.workbench.analytics.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Trained models live in the workspace: a model saved through the models folder is stored with
 * who trained it, every analyst of a team workspace loads the same one, an old workspace's model
 * files are taken in once, and a stored file that does not match its checksum is not fetched.
 */
class ModelStoreTest {

    /** A model's parameters, as a model file's document. */
    record Weights(List<Double> weights, String note) {
    }

    private static final ModelFile<Weights, Weights> TOY = new ModelFile<>("toy", 1, "toy", "toy", Weights.class, Weights.class,
            w -> w, w -> w);

    @TempDir
    Path dir;

    private Workspace open(ServerAddress address, TeamRole as, String folder) {
        return Workspace.openServer(address.as(TestDatabases.login(as)), PasswordSource.NONE, dir.resolve(folder));
    }

    @ParameterizedTest
    @MethodSource("in.workbench.analytics.workspace.TestDatabases#kinds")
    void aSavedModelIsStoredWithWhoTrainedItAndLoadsBack(String kind) {
        try (Workspace ws = TestDatabases.open(kind, dir)) {
            Weights w = new Weights(List.of(0.25, -1.5), "first");
            TOY.save(ws.modelsDir(), w);
            assertEquals(w, TOY.load(ws.modelsDir()));
            ModelStore.StoredModel stored = ws.models().provenance("toy.model").orElseThrow();
            String expected = kind.equals("h2") ? System.getProperty("user.name") : TestDatabases.login(TeamRole.OWNER);
            assertEquals(expected, stored.trainedBy());
            assertTrue(stored.trainedByLine().startsWith("trained by " + expected + " on "), stored.trainedByLine());
            assertEquals(64, stored.sha256().length());
        }
    }

    @Test
    void aWorkspaceFolderTakesInItsOldModelFilesOnceWhenItOpens() throws Exception {
        Path folder = dir.resolve("old");
        Workspace.open(folder).close();
        Files.writeString(folder.resolve("models").resolve("legacy.json"), "{\"weights\":[1,2]}");
        try (Workspace ws = Workspace.open(folder)) {
            assertEquals(List.of("legacy.json"), ws.models().list().stream().map(ModelStore.StoredModel::fileName).toList());
            try (Connection c = ws.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE model_files SET trained_by = 'kept'");
            }
        }
        try (Workspace ws = Workspace.open(folder)) {
            assertEquals("kept", ws.models().list().get(0).trainedBy(), "an unchanged file is not stored again");
        }
    }

    @Test
    void everyAnalystOfATeamWorkspaceScoresWithTheOwnersModel() throws Exception {
        ServerAddress address = TestDatabases.freshServerSchema();
        try (Workspace owner = open(address, TeamRole.OWNER, "owner"); Workspace labeler = open(address, TeamRole.LABELER, "labeler")) {
            Weights first = new Weights(List.of(1.0, 2.0), "first");
            TOY.save(owner.modelsDir(), first);
            owner.modelsDir();
            assertEquals(first, TOY.load(labeler.modelsDir()), "the labeler's machine fetched the owner's model");
            assertEquals("wb_owner", labeler.models().provenance("toy.model").orElseThrow().trainedBy());

            Weights mine = new Weights(List.of(9.0), "a labeler's own");
            TOY.save(labeler.modelsDir(), mine);
            assertEquals(first, TOY.load(labeler.modelsDir()), "a labeler does not replace the team's model");
            assertEquals(first, TOY.load(owner.modelsDir()));

            Weights second = new Weights(List.of(3.0, 4.0), "retrained");
            TOY.save(owner.modelsDir(), second);
            owner.modelsDir();
            assertEquals(second, TOY.load(labeler.modelsDir()), "a retrained model reaches the others on their next read");

            Files.delete(owner.modelsDir().resolve("toy.model"));
            owner.modelsDir();
            assertFalse(TOY.exists(labeler.modelsDir()), "a model the owner deleted leaves the others' machines");
        }
    }

    @Test
    void aStoredFileThatDoesNotMatchItsChecksumIsNotFetched() throws Exception {
        ServerAddress address = TestDatabases.freshServerSchema();
        try (Workspace owner = open(address, TeamRole.OWNER, "owner")) {
            TOY.save(owner.modelsDir(), new Weights(List.of(1.0), "x"));
            owner.modelsDir();
            try (Connection c = owner.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE model_files SET content = CAST('tampered' AS BYTEA)");
            }
        }
        try (Workspace reader = open(address, TeamRole.READER, "reader")) {
            assertFalse(TOY.exists(reader.modelsDir()));
            Map<String, ModelStore.StoredModel> named = reader.models().byModelName();
            assertTrue(named.isEmpty(), "no trainer record names it: " + named);
        }
    }
}
