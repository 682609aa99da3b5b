package in.workbench.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module arrows (analytics ← views ← app; analytics ← sample-data) and a JavaFX-free analytics. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        // the views test jar (shared FX test helpers) is on this module's test class path in a packaged build
        ImportOption noTestJars = location -> !location.contains("-tests.jar");
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).withImportOption(noTestJars)
                .importPackages("in.workbench");
    }

    @Test
    void analyticsNeverUsesJavaFx() {
        noClasses().that().resideInAPackage("in.workbench.analytics..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.jfree.chart.fx..")
                .because("the command line must run on a machine without a display, and models must be testable without a toolkit")
                .check(classes);
    }

    @Test
    void analyticsDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("in.workbench.analytics..").should().dependOnClassesThat()
                .resideInAnyPackage("in.workbench.views..", "in.workbench.app..", "in.workbench.sample..")
                .because("analytics is the bottom layer that the window and the command line share").check(classes);
    }

    @Test
    void viewsDoNotDependOnTheApp() {
        noClasses().that().resideInAPackage("in.workbench.views..").should().dependOnClassesThat()
                .resideInAnyPackage("in.workbench.app..", "in.workbench.sample..")
                .because("screens get their dependencies from the app's wiring, never the other way").check(classes);
    }

    @Test
    void sampleDataStaysHeadless() {
        noClasses().that().resideInAPackage("in.workbench.sample..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "in.workbench.views..", "in.workbench.app..")
                .because("the generator runs from the command line and in analytics tests").check(classes);
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").should().dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("view models are unit-tested without the toolkit (STYLE.md rule 5)").check(classes);
    }

    @Test
    void screensNeverSpeakSql() {
        noClasses().that().resideInAPackage("in.workbench.views..").should().dependOnClassesThat().resideInAPackage("java.sql..")
                .because("SQL lives behind each feature's store or repository in analytics, so screens speak in domain records "
                        + "(STYLE.md rules 11 and 18)").check(classes);
    }

    @Test
    void onlyAnalyticsSpeaksSqlApartFromTheBenchmarks() {
        noClasses().that().resideOutsideOfPackage("in.workbench.analytics..").and().haveNameNotMatching(".*\\.[^.]*Bench[^.]*")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .because("the window and the command line call the same analytics services; only the benchmarks time queries "
                        + "directly").check(classes);
    }

    /**
     * The analytics classes that may hold SQL besides the workspace infrastructure
     * ({@code analytics.workspace}: {@code Sql}, {@code Workspace}, {@code TrainedModelStore}, …) and the
     * classes named {@code *Store} or {@code *Repository}: each is its feature's storage for one
     * kind of record, named for what it reads or writes (docs/architecture.md, "Where SQL lives").
     * A new storage class is named {@code *Store}; this list only shrinks.
     */
    static final Set<String> STORAGE_CLASSES = Set.of(
            "in.workbench.analytics.imports.CsvImporter", "in.workbench.analytics.imports.ImportHook",
            "in.workbench.analytics.imports.RejectedRows", "in.workbench.analytics.imports.UnresolvedReferences",
            "in.workbench.analytics.regional.RegionalAggregates");

    /** A class that may speak SQL: judged by its outermost class, so a store's nested rows and callbacks count as the store. */
    static final DescribedPredicate<JavaClass> STORAGE_DOOR = new DescribedPredicate<>(
            "the workspace infrastructure, a *Store or *Repository, or a listed storage class") {
        @Override
        public boolean test(JavaClass c) {
            JavaClass outer = c;
            while (outer.getEnclosingClass().isPresent()) {
                outer = outer.getEnclosingClass().get();
            }
            String name = outer.getSimpleName();
            return outer.getPackageName().startsWith("in.workbench.analytics.workspace") || name.endsWith("Store")
                    || name.endsWith("Repository") || STORAGE_CLASSES.contains(outer.getName());
        }
    };

    @Test
    void onlyAFeaturesStorageSpeaksSql() {
        noClasses().that().resideInAPackage("in.workbench.analytics..").and(DescribedPredicate.not(STORAGE_DOOR))
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .because("SQL lives in one door per feature (STYLE.md rules 11 and 18): trainers, models and reports speak in "
                        + "records and call their feature's store, so H2/PostgreSQL differences and transactions stay in one place")
                .check(classes);
    }
}
