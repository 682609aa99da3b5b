package in.workbench.views.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.workspace.ServerAddress;
import org.junit.jupiter.api.Test;

class TeamWorkspaceViewModelTest {

    @Test
    void anEmptyAddressAsksForOneWithTheExample() {
        TeamWorkspaceViewModel model = new TeamWorkspaceViewModel();
        assertTrue(model.problemProperty().get().contains(TeamWorkspaceViewModel.EXAMPLE));
        assertTrue(model.parsed().isEmpty());
    }

    @Test
    void aValidAddressClearsTheProblemAndIsReadWithoutTheScheme() {
        TeamWorkspaceViewModel model = new TeamWorkspaceViewModel();
        model.addressProperty().set("priya@db.team.in:6543/shipping?currentSchema=west");
        assertEquals("", model.problemProperty().get());
        ServerAddress a = model.parsed().orElseThrow();
        assertEquals("west", a.schema());
        assertEquals(6543, a.port());
    }

    @Test
    void aPasswordInTheAddressIsExplainedAndNotAccepted() {
        TeamWorkspaceViewModel model = new TeamWorkspaceViewModel();
        model.addressProperty().set("postgresql://priya:secret@db/shipping");
        assertTrue(model.problemProperty().get().contains("password file"), model.problemProperty().get());
        assertFalse(model.problemProperty().get().contains("secret"));
        assertTrue(model.parsed().isEmpty());
    }

    @Test
    void theTypedPasswordIsOfferedOnlyUntilItIsForgotten() {
        TeamWorkspaceViewModel model = new TeamWorkspaceViewModel();
        model.addressProperty().set("postgresql://priya@db/shipping");
        model.passwordProperty().set("s3cret");
        var passwords = model.passwords();
        model.forgetPassword();
        assertEquals("s3cret", new String(passwords.ask(model.parsed().orElseThrow()).orElseThrow()));
        assertEquals("", model.passwordProperty().get());
        assertTrue(model.passwords().ask(model.parsed().orElseThrow()).isEmpty());
    }
}
