package in.workbench.analytics.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.task.ProgressMonitor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Colour extraction learned from the catalog: in context, with self-training, evaluated out of fold. */
class AttributeExtractorTest {

    static AttributeTrainer.Result colour;

    @BeforeAll
    static void train() {
        colour = new AttributeTrainer().train(SyntheticCatalog.products(600, 7), AttributeVocabulary.colours(), 42, 3, ProgressMonitor.NONE);
    }

    static Optional<AttributeExtractor.Extraction> read(String title, String subcategory) {
        return colour.extractor().extract(SyntheticCatalog.titled(title, subcategory));
    }

    @Test
    void readsTheColourOfATitleWithItsPosition() {
        AttributeExtractor.Extraction e = read("Asian Running Shoes (Red, Pack of 1)", "Running Shoes").orElseThrow();
        assertEquals("red", e.value());
        assertEquals("Red", e.phrase());
        assertEquals("Asian Running Shoes (".length(), e.start());
    }

    @Test
    void readsMultiWordColours() {
        assertEquals("sky blue", read("Kurta for Men & Women - Sky Blue | Cotton", "Kurtas").orElseThrow().value());
    }

    @Test
    void orangeCountyIsABrandNotAColour() {
        AttributeExtractor.Extraction e = read("Orange County Aurelia Backpack (Black, Pack of 1)", "Backpacks").orElseThrow();
        assertEquals("black", e.value());
        assertTrue(read("Orange County Backpack", "Backpacks").isEmpty(), "Orange County alone names no colour");
    }

    @Test
    void roseFragranceAndGoldPlatedAreNotColours() {
        assertTrue(read("Fogg Rose Eau de Parfum 100ml", "Perfumes").isEmpty());
        AttributeExtractor.Extraction watch = read("Smart Watch for Men & Women - Black | Aluminium Gold Plated Strap", "Smart Watches").orElseThrow();
        assertEquals("black", watch.value());
    }

    @Test
    void hindiColourWordsMapToTheirEnglishValue() {
        AttributeVocabulary v = AttributeVocabulary.colours();
        assertEquals("red", v.lookup("laal").value());
        assertEquals("blue", v.lookup("Neela").value());
        assertEquals("green", v.lookup("hara").value());
        assertEquals("yellow", v.lookup("peela").value());
        assertEquals("black", v.lookup("kaala").value());
        assertEquals("white", v.lookup("safed").value());
        assertEquals("red", v.lookup("लाल").value());
        assertEquals("red", read("Kurta for Men & Women - Laal | Cotton", "Kurtas").orElseThrow().value());
    }

    @Test
    void heldOutEvaluationIsReportedAndRepeatable() {
        AttributeTrainer.Evaluation e = colour.evaluation();
        assertTrue(e.precision() > 0.85, "precision " + e.precision());
        assertTrue(e.f1() > 0.7, "F1 " + e.f1());
        assertTrue(e.coverage() > 0.6 && e.coverage() <= 1, "coverage " + e.coverage());
        assertTrue(e.recallWhereTitleNamesValue() > 0.9, "recall where the title names the colour " + e.recallWhereTitleNamesValue());
        AttributeTrainer.Evaluation again = new AttributeTrainer().train(SyntheticCatalog.products(600, 7), AttributeVocabulary.colours(),
                42, 3, ProgressMonitor.NONE).evaluation();
        assertEquals(e.f1(), again.f1(), 1e-12, "same seed, same evaluation");
        assertTrue(e.precisionAt(0.9) >= e.precisionAt(0.5) - 0.02, "higher thresholds are not less precise");
    }

    @Test
    void selfTrainingLabelsConfidentBlankProductsAndBackfillsThem() {
        AttributeTrainer.Evaluation e = colour.evaluation();
        assertTrue(e.pseudoLabels() > 100, "self-training labels " + e.pseudoLabels());
        assertTrue(e.backfillCoverage() > 0.6, "blank products given a colour " + e.backfillCoverage());
        assertTrue(e.f1() >= e.supervisedF1() - 0.02, "self-training does not hurt: " + e.f1() + " vs " + e.supervisedF1());
    }

    @Test
    void aFilledProductIsReadByAModelThatNeverSawIt() {
        CatalogProduct contradicted = SyntheticCatalog.products(600, 7).stream()
                .filter(p -> !p.color().isEmpty() && p.title().contains("(") && !p.title().toLowerCase().contains(p.color()))
                .findFirst().orElseThrow();
        Optional<AttributeExtractor.Extraction> e = colour.extractor().extract(contradicted);
        assertTrue(e.isPresent(), contradicted.title());
        assertTrue(!e.get().value().equals(contradicted.color()), "the title's colour, not the contradicting attribute, is read");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "लाल रंग की साड़ी", "🔥🔥 Best Kurta 🔥 (Red) 👗", "\u0000\u0001 weird ||| --- ((("})
    void oddTitlesNeverFail(String title) {
        Optional<AttributeExtractor.Extraction> e = read(title, "Kurtas");
        e.ifPresent(x -> assertEquals(x.phrase(), title.substring(x.start(), x.end())));
    }

    @Test
    void veryLongTitlesAreReadQuickly() {
        String title = "Kurta for Men & Women - Red | Cotton " + "very long words ".repeat(130);
        assertTrue(title.length() > 2000);
        long t0 = System.nanoTime();
        assertEquals("red", read(title, "Kurtas").orElseThrow().value());
        assertTrue((System.nanoTime() - t0) / 1e6 < 500, "a 2,000-character title takes under half a second");
        assertTrue(read(null, "Kurtas").isEmpty());
    }

    @Test
    void tooFewFilledProductsIsAPrerequisiteMissing() {
        List<CatalogProduct> few = SyntheticCatalog.products(10, 1);
        WorkbenchException e = org.junit.jupiter.api.Assertions.assertThrows(WorkbenchException.class,
                () -> new AttributeTrainer().train(few, AttributeVocabulary.colours(), 42, 3, ProgressMonitor.NONE));
        assertEquals(WorkbenchException.Kind.PREREQUISITE_MISSING, e.kind());
    }

    @Test
    void devanagariWordsStayWholeTokens() {
        TitleTokens t = TitleTokens.of("नीला कुर्ता (Blue)");
        assertEquals("नीला", t.tokens().get(0).surface());
        assertEquals(3, t.size());
    }
}
