package in.workbench.analytics.lab;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import java.util.Locale;

/** What a lab model predicts: a class (classification) or a number (regression). */
public enum LabTask {
    CLASSIFICATION,
    REGRESSION;

    /** The lower-case name the command line and screen use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code classification} or {@code regression}. */
    public static LabTask named(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "classification", "class" -> CLASSIFICATION;
            case "regression", "number" -> REGRESSION;
            default -> throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Unknown task '" + name + "': use classification or regression.");
        };
    }
}
