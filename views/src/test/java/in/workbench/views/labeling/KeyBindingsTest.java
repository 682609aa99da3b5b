package in.workbench.views.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyBindingsTest {

    @Test
    void aKeyTakenFromAnotherActionGivesThatActionTheOldKeySoNoKeyMeansTwoThings() {
        KeyBindings keys = new KeyBindings();
        String stored = keys.rebind(LabelingAction.DELIVERABLE, "U");
        assertEquals("U", keys.keys().get(LabelingAction.DELIVERABLE));
        assertEquals("D", keys.keys().get(LabelingAction.UNDELIVERABLE));
        assertEquals(keys.keys().size(), keys.keys().values().stream().distinct().count());
        KeyBindings again = new KeyBindings();
        again.load(Optional.of(stored));
        assertEquals(keys.keys(), again.keys(), "the stored setting brings the same keys back");
    }

    @Test
    void aStoredBindingOfAnActionThisVersionLacksIsIgnoredAndTheRestApplies() {
        KeyBindings keys = new KeyBindings();
        keys.load(Optional.of("SHRED=X;UNSURE=Q;broken"));
        assertEquals("Q", keys.keys().get(LabelingAction.UNSURE));
        assertEquals(Optional.of(LabelingAction.UNSURE), keys.actionFor("Q", false));
        assertEquals(Optional.empty(), keys.actionFor("X", false));
    }

    @Test
    void shiftWithALetterStillDecidesButShiftTabIsItsOwnAction() {
        KeyBindings keys = new KeyBindings();
        assertEquals(Optional.of(LabelingAction.DELIVERABLE), keys.actionFor("D", true));
        assertEquals(Optional.of(LabelingAction.PREVIOUS_SPAN), keys.actionFor("TAB", true));
        assertEquals(Optional.of(LabelingAction.NEXT_SPAN), keys.actionFor("TAB", false));
        assertEquals(Optional.empty(), keys.actionFor("SPACE", true), "only letters answer with Shift as well");
        assertTrue(keys.reset().contains("DELIVERABLE=D"));
    }

    @Test
    void keysAreShownInTheAnalystsWords() {
        assertEquals("⌫ Backspace", KeyBindings.keyText("BACK_SPACE"));
        assertEquals("Shift+Tab", KeyBindings.keyText("Shift+TAB"));
        assertEquals("Page down", KeyBindings.keyText("PAGE_DOWN"));
        assertEquals("F5", KeyBindings.keyText("F5"));
    }
}
