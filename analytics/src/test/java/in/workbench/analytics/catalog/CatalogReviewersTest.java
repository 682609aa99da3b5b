package in.workbench.analytics.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import in.workbench.analytics.workspace.PasswordSource;
import in.workbench.analytics.workspace.ServerAddress;
import in.workbench.analytics.workspace.TeamRole;
import in.workbench.analytics.workspace.TestDatabases;
import in.workbench.analytics.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two reviewers decide one catalog proposal differently (both had it on screen): the decision the
 * workspace received last counts for the corrections, and both stay in the proposal's history.
 */
class CatalogReviewersTest {

    @TempDir
    Path dir;

    private static CatalogProposal propose(CatalogStore store) {
        store.replaceProposals(Set.of(CatalogProposal.MISSING), List.of(new CatalogProposal(0, "P1", CatalogProposal.MISSING, "color",
                null, "red", 0.9, "title", "red in the title")));
        return store.openFlags(CatalogStore.FlagFilter.all(), 0, 10).get(0);
    }

    @ParameterizedTest
    @MethodSource("in.workbench.analytics.workspace.TestDatabases#kinds")
    void theLaterOfTwoDifferentDecisionsWinsAndBothStayInTheHistory(String kind) {
        try (Workspace ws = TestDatabases.open(kind, dir)) {
            CatalogStore store = new CatalogStore(ws);
            CatalogProposal flag = propose(store);
            store.decide(flag, "accept", "red", "asha");
            store.decide(flag, "reject", "", "ravi");
            assertEquals(List.of(), store.corrections(), "ravi's later reject undoes asha's accept");
            List<CatalogStore.Decision> history = store.history(flag.proposalId());
            assertEquals(List.of("asha accept", "ravi reject"), history.stream().map(d -> d.decidedBy() + " " + d.decision()).toList());

            store.decide(flag, "edit", "maroon", "asha");
            List<CatalogStore.Decision> corrections = store.corrections();
            assertEquals(1, corrections.size());
            assertEquals("maroon", corrections.get(0).newValue());
            assertEquals("asha", corrections.get(0).decidedBy());
            assertEquals(3, store.history(flag.proposalId()).size());
            assertEquals(0, store.countFlags(CatalogStore.FlagFilter.all()), "a decided proposal leaves the queue");
        }
    }

    @Test
    void twoLabelersOnOneTeamWorkspaceKeepBothDecisionsAndTheLaterCounts() {
        ServerAddress address = TestDatabases.freshServerSchema();
        CatalogProposal flag;
        try (Workspace owner = Workspace.openServer(address.as(TestDatabases.login(TeamRole.OWNER)), PasswordSource.NONE,
                dir.resolve("owner"))) {
            flag = propose(new CatalogStore(owner));
        }
        try (Workspace asha = Workspace.openServer(address.as(TestDatabases.login(TeamRole.LABELER)), PasswordSource.NONE,
                dir.resolve("asha"));
                Workspace ravi = Workspace.openServer(address.as(TestDatabases.login(TeamRole.LABELER)), PasswordSource.NONE,
                        dir.resolve("ravi"))) {
            new CatalogStore(asha).decide(flag, "edit", "crimson", "asha");
            new CatalogStore(ravi).decide(flag, "accept", "red", "ravi");
            for (Workspace ws : List.of(asha, ravi)) {
                CatalogStore store = new CatalogStore(ws);
                assertEquals(List.of("red"), store.corrections().stream().map(CatalogStore.Decision::newValue).toList());
                assertEquals(List.of("asha", "ravi"), store.history(flag.proposalId()).stream().map(CatalogStore.Decision::decidedBy).toList());
            }
        }
    }
}
