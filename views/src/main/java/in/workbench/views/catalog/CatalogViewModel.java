package in.workbench.views.catalog;

import in.workbench.analytics.catalog.AttributeTrainer;
import in.workbench.analytics.catalog.CatalogCheck;
import in.workbench.analytics.catalog.CatalogModels;
import in.workbench.analytics.catalog.CatalogStore;
import in.workbench.analytics.catalog.CatalogTraining;
import in.workbench.analytics.catalog.CategoryTrainer;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.shell.OpensFiltered;
import in.workbench.views.table.Paging;
import in.workbench.views.task.ScreenUpdates;
import in.workbench.views.task.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Catalog screen's state: one page of products (from the database, {@value #PAGE_SIZE} at a time)
 * filtered by category, flag kind and text, the selected product with its image file, the models'
 * held-out quality, and the actions that train the models and run the checks. Also feeds the catalog
 * charts (quality by category).
 *
 * <p>Used on the JavaFX thread; slow work goes through the {@link TaskRunner}.
 */
public final class CatalogViewModel implements OpensFiltered {

    public static final int PAGE_SIZE = 200;
    /** The kinds of flag a filter can ask for. */
    public static final List<String> KINDS = List.of("missing", "conflict", "image_mismatch", "wrong_category");

    private final TaskRunner runner;
    private final Consumer<Throwable> onError;
    private Workspace workspace;
    private final StringProperty category = new SimpleStringProperty("");
    private final StringProperty kind = new SimpleStringProperty("");
    private final StringProperty search = new SimpleStringProperty("");
    private final Paging paging = new Paging(PAGE_SIZE);
    private final ObservableList<CatalogStore.ProductRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final ObservableList<CatalogStore.CategoryQuality> quality = FXCollections.observableArrayList();
    private final ObjectProperty<CatalogStore.ProductRow> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> selectedImage = new SimpleObjectProperty<>();
    private final StringProperty metrics = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ScreenUpdates updates;

    public CatalogViewModel(TaskRunner runner, Consumer<Throwable> onError) {
        this.runner = runner;
        this.onError = onError;
        this.updates = new ScreenUpdates(runner, () -> workspace, onError);
        selected.addListener((obs, o, now) -> loadImage(now));
    }

    /** Shows another workspace. */
    public void setWorkspace(Workspace ws) {
        this.workspace = ws;
        paging.first();
        refresh();
    }

    /** Applies a filter such as {"category": "Footwear", "kind": "conflict"}; unknown keys are ignored. */
    @Override
    public void applyFilter(Map<String, String> filter) {
        category.set(filter.getOrDefault("category", ""));
        String k = filter.getOrDefault("kind", "");
        kind.set(KINDS.contains(k) ? k : "");
        search.set(filter.getOrDefault("search", filter.getOrDefault("product_id", "")));
        paging.first();
        refresh();
    }

    /** Reloads the page, the categories, the chart data and the models' quality. */
    public void refresh() {
        String c = category.get();
        String k = kind.get();
        String s = search.get();
        long off = paging.offset();
        updates.read("page", "Reading the catalog", (ws, m) -> {
            CatalogStore store = new CatalogStore(ws);
            return new Object[] {store.countProducts(c, k, s), store.productPage(c, k, s, off, PAGE_SIZE), store.categories(),
                store.qualityByCategory(), describeModels(ws)};
        }, r -> {
            paging.setTotal((Long) r[0]);
            @SuppressWarnings("unchecked")
            List<CatalogStore.ProductRow> page = (List<CatalogStore.ProductRow>) r[1];
            rows.setAll(page);
            @SuppressWarnings("unchecked")
            List<String> cats = (List<String>) r[2];
            categories.setAll(cats);
            @SuppressWarnings("unchecked")
            List<CatalogStore.CategoryQuality> q = (List<CatalogStore.CategoryQuality>) r[3];
            quality.setAll(q);
            metrics.set((String) r[4]);
            status.set(paging.total() == 0 ? "No products match." : paging.rangeText().get() + " products");
        });
    }

    static String describeModels(Workspace ws) {
        StringBuilder b = new StringBuilder();
        if (CatalogModels.exists(ws, CatalogModels.ATTRIBUTES)) {
            Map<String, AttributeTrainer.Evaluation> evaluations = CatalogModels.attributeEvaluations(ws);
            AttributeTrainer.Evaluation c = evaluations.get("color");
            b.append(String.format(Locale.ROOT, "Colour from titles (held-out, %d-fold): precision %.2f, recall %.2f, F1 %.2f, coverage %.2f.",
                    c.folds(), c.precision(), c.recall(), c.f1(), c.coverage()));
            AttributeTrainer.Evaluation m = evaluations.get("material");
            if (m != null) {
                b.append(String.format(Locale.ROOT, " Material: F1 %.2f, coverage %.2f.", m.f1(), m.coverage()));
            }
        } else {
            b.append("No attribute models yet: press Train models.");
        }
        if (CatalogModels.exists(ws, CatalogModels.CATEGORY)) {
            CategoryTrainer.Evaluation e = CatalogModels.categoryEvaluation(ws);
            b.append(String.format(Locale.ROOT, " Category check: accuracy %.2f.", e.accuracy()));
        }
        return b.toString();
    }

    /** Trains the attribute models and the category check, then runs the checks. */
    public void trainModels() {
        Workspace ws = workspace;
        if (ws == null) {
            return;
        }
        runner.submit("Training catalog models", m -> {
            CatalogTraining.trainAttributes(ws, 42, 5, m);
            CatalogTraining.trainCategory(ws, 42, 5, m);
            return CatalogCheck.run(ws, m);
        }, this::checked, onError);
    }

    /** Runs the checks with the trained models. */
    public void runChecks() {
        Workspace ws = workspace;
        if (ws == null) {
            return;
        }
        runner.submit("Checking the catalog", m -> CatalogCheck.run(ws, m), this::checked, onError);
    }

    private void checked(CatalogCheck.Summary s) {
        refresh();
        status.set(String.format(Locale.ROOT, "Checked %,d products: %s; %,d images, %,d missing, %,d unreadable.", s.products(),
                s.flags().isEmpty() ? "no flags" : s.flags().toString().replaceAll("[{}]", ""), s.images(), s.imagesMissing(),
                s.imagesUnreadable()));
    }

    private void loadImage(CatalogStore.ProductRow row) {
        Workspace ws = workspace;
        if (row == null || ws == null || row.imagePath() == null || row.imagePath().isBlank()) {
            selectedImage.set(null);
            return;
        }
        runner.submit("Finding the image", m -> new CatalogStore(ws).imageFile(row.productId()), selectedImage::set, onError);
    }

    public void nextPage() {
        paging.next(this::refresh);
    }

    public void previousPage() {
        paging.previous(this::refresh);
    }

    /** The title split around the extracted colour phrase: before, phrase, after (phrase empty when none). */
    public static String[] titleParts(CatalogStore.ProductRow row) {
        String t = row.title() == null ? "" : row.title();
        Integer s = row.spanStart();
        Integer e = row.spanEnd();
        if (s == null || e == null || s < 0 || e > t.length() || s >= e) {
            return new String[] {t, "", ""};
        }
        return new String[] {t.substring(0, s), t.substring(s, e), t.substring(e)};
    }

    public StringProperty categoryProperty() {
        return category;
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public LongProperty totalProperty() {
        return paging.totalProperty();
    }

    public LongProperty offsetProperty() {
        return paging.offsetProperty();
    }

    public ObservableList<CatalogStore.ProductRow> rows() {
        return rows;
    }

    public ObservableList<String> categories() {
        return categories;
    }

    public ObservableList<CatalogStore.CategoryQuality> quality() {
        return quality;
    }

    public ObjectProperty<CatalogStore.ProductRow> selectedProperty() {
        return selected;
    }

    public ObjectProperty<Path> selectedImageProperty() {
        return selectedImage;
    }

    public StringProperty metricsProperty() {
        return metrics;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Where the table stands: the page's first row, the matching rows, the range shown. */
    public Paging paging() {
        return paging;
    }
}
