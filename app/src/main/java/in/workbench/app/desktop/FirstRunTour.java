package in.workbench.app.desktop;

import in.workbench.views.shell.GuidedTour.Step;
import java.util.List;

/** The stops of the first-run tour, one per main screen; screens this build lacks are skipped. */
final class FirstRunTour {

    private FirstRunTour() {
    }

    static final List<Step> STEPS = List.of(
            new Step("Overview", "Your workspace at a glance",
                    "Damage by package type, what sells where, and the records flagged as risky. Click any bar, state or "
                            + "tile to open its records. This copy of the bundled sample is yours to change; the original stays untouched."),
            new Step("Workspace", "Your workspace at a glance",
                    "Row counts, references still waiting for another file, and the first charts. File ▸ Import… loads your own "
                            + "catalog, address and shipment exports; bad rows are kept with their line and reason."),
            new Step("Data browser", "Every table, straight from the database",
                    "Pick a table, filter under any column header (=x exact, >=5, 1..10), search, sort, and Export view… writes "
                            + "exactly the rows shown, with provenance."),
            new Step("Addresses", "Addresses that will not get delivered",
                    "Each address has a deliverability score with its reasons in plain words. Filter by score band, state or reason; "
                            + "select one to see its parts and the postal directory's offices for its pincode."),
            new Step("Labeling", "Teach the models with the keyboard",
                    "The model picks the addresses it is least sure of. One key decides and moves on; Backspace undoes. Every label "
                            + "is saved the moment you make it."),
            new Step("Catalog", "Missing and contradicting attributes",
                    "Colours read from titles and images, proposed backfills and conflicts to review with accept / reject by keyboard, "
                            + "exported as a corrections CSV."),
            new Step("Packaging", "Less damage for less money",
                    "A damage model that never predicts more damage for a sturdier package, and per product the package that "
                            + "minimises shipping plus damage cost at the damage budget you set."),
            new Step("Regional", "What sells where",
                    "Lift of every subcategory per state on a map of India, delivery speed by state, and a ranking preview for a "
                            + "query in a chosen state."));
}
