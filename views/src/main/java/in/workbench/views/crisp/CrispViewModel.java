package in.workbench.views.crisp;

import in.workbench.analytics.crisp.CrispEvaluation;
import in.workbench.analytics.crisp.CrispModel;
import in.workbench.analytics.crisp.CrispPosterior;
import in.workbench.analytics.crisp.CrispStore;
import in.workbench.analytics.workspace.HealthData;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.task.TaskRunner;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Infection risk screen's state: a page of the latest risk ranking (by risk, or by the value
 * of testing the person next) filtered by site; the chosen person's encounters and state
 * probabilities; the epidemic curve of a site; the learned p1 of typical contacts with its
 * Monte Carlo uncertainty. Reads only (opening or refreshing never writes); each read runs in the
 * background and only the latest answer is applied. Used on the JavaFX thread.
 */
public final class CrispViewModel {

    /** Rows of the ranking page. */
    public static final int PAGE = 200;
    /** The choice in the site filter meaning every site. */
    public static final String ALL_SITES = "All sites";

    /**
     * One typical contact's learned p1.
     *
     * @param low 5th percentile over the Monte Carlo batches; {@code high} the 95th
     */
    public record Transmission(String contact, double p1, double low, double high) {
    }

    private final TaskRunner runner;
    private final Consumer<Throwable> onError;
    private Workspace workspace;
    private long rankingGeneration;
    private long personGeneration;
    private long curveGeneration;

    private final ObservableList<String> sites = FXCollections.observableArrayList(ALL_SITES);
    private final StringProperty site = new SimpleStringProperty(ALL_SITES);
    private final BooleanProperty testNext = new SimpleBooleanProperty(false);
    private final ObservableList<CrispStore.RiskRow> ranking = FXCollections.observableArrayList();
    private final StringProperty person = new SimpleStringProperty("");
    private final ObservableList<CrispStore.Encounter> encounters = FXCollections.observableArrayList();
    private final ObservableList<CrispStore.PersonDay> personDays = FXCollections.observableArrayList();
    private final ObservableList<CrispPosterior.CurvePoint> curve = FXCollections.observableArrayList();
    private final StringProperty curveSite = new SimpleStringProperty(ALL_SITES);
    private final ObservableList<Transmission> transmission = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> firstDay = new SimpleObjectProperty<>();

    /** What the screen says on a team workspace whose CRISP tables the analyst may not read. */
    static final String NOT_GRANTED = "The CRISP people, contacts, tests and results on this team workspace are health data, shown only to "
            + "owners and members of the PostgreSQL role " + HealthData.SERVER_ROLE + ". Ask an owner to grant it.";

    public CrispViewModel(TaskRunner runner, Consumer<Throwable> onError) {
        this.runner = runner;
        this.onError = onError;
        site.addListener((obs, o, n) -> loadRanking());
        testNext.addListener((obs, o, n) -> loadRanking());
        person.addListener((obs, o, n) -> loadPerson());
        curveSite.addListener((obs, o, n) -> loadCurve());
    }

    private record Overview(List<String> sites, CrispModel model, LocalDate firstDay) {
    }

    /** Shows another workspace (or none). */
    public void setWorkspace(Workspace ws) {
        // An analyst without the health-data grant sees why the screen is empty, not an error: nothing is read.
        boolean allowed = ws != null && ws.mayReadHealthData();
        this.workspace = allowed ? ws : null;
        ranking.clear();
        encounters.clear();
        personDays.clear();
        curve.clear();
        transmission.clear();
        summary.set(ws == null || allowed ? "" : NOT_GRANTED);
        if (!allowed) {
            return;
        }
        runner.submit("Reading infection risks", m -> {
            CrispStore store = new CrispStore(ws);
            CrispModel model = java.nio.file.Files.exists(ws.modelsDir().resolve(CrispModel.FILE)) ? CrispModel.load(ws) : null;
            return new Overview(store.sites(), model, store.curveFirstDay());
        }, o -> {
            if (ws != workspace) {
                return;
            }
            List<String> s = new ArrayList<>();
            s.add(ALL_SITES);
            s.addAll(o.sites());
            sites.setAll(s);
            firstDay.set(o.firstDay());
            if (o.model() == null) {
                summary.set("No infection risk model yet: import people, contacts and tests, then run `workbench train -w DIR crisp`.");
            } else {
                CrispModel m = o.model();
                summary.set(String.format(Locale.ROOT, "Risks as of %s from %,d people, %,d encounters and %,d tests (R-hat %.2f). "
                        + "Health data: pseudonymous ids only.", m.asOf(), m.people(), m.contacts(), m.tests(), m.rhatMax()));
                transmission.setAll(transmission(m));
            }
            loadRanking();
            loadCurve();
        }, onError);
    }

    static List<Transmission> transmission(CrispModel m) {
        List<Transmission> out = new ArrayList<>();
        for (CrispEvaluation.TypicalContact c : CrispEvaluation.typicalContacts()) {
            double[] b = m.batches().stream().mapToDouble(c::p1).sorted().toArray();
            double p = c.p1(m.params());
            out.add(new Transmission(c.label(), p, b.length == 0 ? p : Math.min(p, b[0]), b.length == 0 ? p : Math.max(p, b[b.length - 1])));
        }
        return out;
    }

    private void loadRanking() {
        Workspace ws = workspace;
        if (ws == null) {
            return;
        }
        long generation = ++rankingGeneration;
        String filter = ALL_SITES.equals(site.get()) ? null : site.get();
        boolean byValue = testNext.get();
        runner.submit(TaskRunner.Lane.QUICK, "Reading the risk ranking", m -> new CrispStore(ws).riskPage(filter, byValue, 0, PAGE), rows -> {
            if (generation == rankingGeneration && ws == workspace) {
                ranking.setAll(rows);
            }
        }, onError);
    }

    private void loadPerson() {
        Workspace ws = workspace;
        String id = person.get() == null ? "" : person.get().trim();
        long generation = ++personGeneration;
        if (ws == null || id.isEmpty()) {
            encounters.clear();
            personDays.clear();
            return;
        }
        runner.submit("Reading " + id + "'s contacts", m -> {
            CrispStore store = new CrispStore(ws);
            return new Object[] {store.encounters(id, 200), store.personDays(id)};
        }, r -> {
            if (generation == personGeneration && ws == workspace) {
                @SuppressWarnings("unchecked")
                List<CrispStore.Encounter> e = (List<CrispStore.Encounter>) r[0];
                @SuppressWarnings("unchecked")
                List<CrispStore.PersonDay> d = (List<CrispStore.PersonDay>) r[1];
                encounters.setAll(e);
                personDays.setAll(d);
            }
        }, onError);
    }

    private void loadCurve() {
        Workspace ws = workspace;
        LocalDate first = firstDay.get();
        if (ws == null || first == null) {
            curve.clear();
            return;
        }
        long generation = ++curveGeneration;
        String s = ALL_SITES.equals(curveSite.get()) ? "" : curveSite.get();
        runner.submit("Reading the epidemic curve", m -> new CrispStore(ws).curve(s, first), rows -> {
            if (generation == curveGeneration && ws == workspace) {
                curve.setAll(rows);
            }
        }, onError);
    }

    /**
     * Writes the shown ranking as CSV with a provenance file beside it saying what it holds.
     *
     * @param done called on the JavaFX thread with the file written
     */
    public void export(Path file, Consumer<Path> done) {
        List<CrispStore.RiskRow> rows = List.copyOf(ranking);
        String what = testNext.get() ? "ordered by the value of testing the person next" : "ordered by risk";
        String filter = site.get();
        runner.submit("Exporting the risk ranking", m -> {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("person_id,site,shift,team,risk,p_s,p_e,p_i,p_r,test_value\n");
                for (CrispStore.RiskRow r : rows) {
                    w.write(String.format(Locale.ROOT, "%s,%s,%s,%s,%.5f,%.5f,%.5f,%.5f,%.5f,%.5f%n", r.personId(), nz(r.site()),
                            nz(r.shift()), nz(r.team()), r.risk(), r.pS(), r.pE(), r.pI(), r.pR(), r.testValue()));
                }
            }
            Files.writeString(file.resolveSibling(file.getFileName() + ".provenance.json"), String.format(Locale.ROOT,
                    "{\"contents\":\"Health data: the %d people with the highest estimated infection risk (pseudonymous ids, no names), "
                    + "%s, site filter: %s. risk = P(exposed or infectious) on the as-of day; test_value = expected missed infections a "
                    + "test of the person would avoid. Share only with people entitled to health data.\"}%n", rows.size(), what, filter));
            return file;
        }, done, onError);
    }

    private static String nz(String s) {
        return s == null ? "" : s.replace(",", " ");
    }

    public ObservableList<String> sites() {
        return sites;
    }

    public StringProperty site() {
        return site;
    }

    public BooleanProperty testNext() {
        return testNext;
    }

    public ObservableList<CrispStore.RiskRow> ranking() {
        return ranking;
    }

    public StringProperty person() {
        return person;
    }

    public ObservableList<CrispStore.Encounter> encounters() {
        return encounters;
    }

    public ObservableList<CrispStore.PersonDay> personDays() {
        return personDays;
    }

    public ObservableList<CrispPosterior.CurvePoint> curve() {
        return curve;
    }

    public StringProperty curveSite() {
        return curveSite;
    }

    public ObservableList<Transmission> transmission() {
        return transmission;
    }

    public StringProperty summary() {
        return summary;
    }
}
