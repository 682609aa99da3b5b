package in.workbench.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module arrows (analytics ← views ← app; analytics ← sample-data) and a JavaFX-free analytics. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("in.workbench");
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
}
