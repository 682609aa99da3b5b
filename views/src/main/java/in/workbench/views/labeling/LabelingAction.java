package in.workbench.views.labeling;

/** What a key on the Labeling screen can do, in the analyst's words. */
public enum LabelingAction {
    DELIVERABLE("deliverable"), UNDELIVERABLE("undeliverable"), UNSURE("unsure"), SKIP("skip"), UNDO("undo"),
    NEXT_SPAN("next span"), PREVIOUS_SPAN("previous span"), LABEL_UP("span label ↑"), LABEL_DOWN("span label ↓"),
    GROW_SPAN("grow span"), SHRINK_SPAN("shrink span"), RETRAIN("retrain now"), REFRESH("refresh");

    private final String words;

    LabelingAction(String words) {
        this.words = words;
    }

    /** The action in the analyst's words. */
    public String words() {
        return words;
    }

    /** The label this action decides, or null when it decides none. */
    public String label() {
        return switch (this) {
            case DELIVERABLE, UNDELIVERABLE, UNSURE -> words;
            default -> null;
        };
    }
}
