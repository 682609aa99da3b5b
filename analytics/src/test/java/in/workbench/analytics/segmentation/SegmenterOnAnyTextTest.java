package in.workbench.analytics.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.AddressParser.Token;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.task.ProgressMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The segmenter on any text: every token in exactly one segment, the compiled scorer agreeing with
 * Tribuo, the rules on pincodes and places, and the cue-word conventions of the issue's examples.
 * The model is trained on composed addresses only (no workspace), small enough for a quick test.
 */
class SegmenterOnAnyTextTest {

    static PostalDirectory directory;
    static AddressParser parser;
    static SegmentationModel model;

    @BeforeAll
    static void train() {
        directory = PostalDirectory.load();
        parser = new AddressParser(directory);
        model = new SegmentationTrainer(parser).train(List.of(), new SegmentationTrainer.Settings(3, 3, 0, 1_500), ProgressMonitor.NONE)
                .model();
    }

    static void assertEveryTokenOnce(Segmentation s) {
        List<Token> tokens = Segmentation.tokensOf(s.text());
        assertEquals(tokens, s.tokens());
        int next = 0;
        for (Segment seg : s.segments()) {
            assertEquals(next, seg.firstToken(), "segments follow each other without gap or overlap: " + s.text());
            assertTrue(seg.lastToken() >= seg.firstToken());
            next = seg.lastToken() + 1;
        }
        assertEquals(tokens.size(), next, "every token is in a segment");
    }

    @Test
    void everyTokenOfRandomTextIsInExactlyOneSegment() {
        String[] pieces = {"Flat", "302", "near", "के", "सामने", "मंदिर", "சென்னை", "தெரு", "😀", "🏠🏠", "!!!", "...", ",,,", "--", "/",
            "#", "560001", "5600", "PIN", "c/o", "Sector-12", "Pune-411001", "Qr.", "12/A", "ke", "paas", "\n", "  ", "(", ")", "|",
            "Distt.", "Bombay", "KH", "NO-5/24/1", "2ND", "FLOOR", "₹", "½", "٣", "x"};
        SplittableRandom r = new SplittableRandom(17);
        for (int k = 0; k < 400; k++) {
            StringBuilder t = new StringBuilder();
            int n = r.nextInt(30);
            for (int i = 0; i < n; i++) {
                t.append(pieces[r.nextInt(pieces.length)]).append(r.nextInt(4) == 0 ? "" : r.nextInt(3) == 0 ? ", " : " ");
            }
            assertEveryTokenOnce(model.segment(parser, t.toString(), null));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "560001", "मंदिर के सामने गली नं. 4 मकान नं. 12", "12/4-5 ,,, ## 44 -- 9/9", "   ", "😀😀😀"})
    void badInputIsSegmentedWithoutError(String text) {
        assertEveryTokenOnce(model.segment(parser, text, null));
    }

    @Test
    void aVeryLongAddressIsSegmentedToTheLastToken() {
        String text = "Flat 12, Shanti Apartments, near SBI ATM, ".repeat(125);
        assertEquals(5_250, text.length());
        Segmentation s = model.segment(parser, text, null);
        assertEveryTokenOnce(s);
        assertTrue(s.tokens().size() > SegmentationModel.MAX_MODEL_TOKENS);
    }

    @Test
    void theCompiledScorerGivesTribuosLabelsAndConfidences() {
        List<AddressComposer.Composed> addresses = new AddressComposer(directory, 99).compose(300);
        for (AddressComposer.Composed c : addresses) {
            String text = c.segmentation().text();
            Segmentation tribuo = model.segmentThroughTribuo(parser, text, c.pincodeColumn());
            Segmentation compiled = model.segmentCompiledWithoutRules(parser, text, c.pincodeColumn());
            assertEquals(List.of(tribuo.labels()), List.of(compiled.labels()), text);
            for (Segment s : tribuo.segments()) {
                assertEquals(s.confidence(), compiled.segments().get(tribuo.segments().indexOf(s)).confidence(), 1e-6, text);
            }
        }
    }

    @Test
    void aPincodeIsFiveToSevenDigitsAndAppearsOnce() {
        String text = "House 415, Sector 1100, Pune 411001";
        List<Token> tokens = Segmentation.tokensOf(text);
        SegmentLabel[] labels = new SegmentLabel[tokens.size()];
        java.util.Arrays.fill(labels, SegmentLabel.PINCODE);
        labels[0] = SegmentLabel.HOUSE;
        labels[2] = SegmentLabel.SUBLOCALITY;
        labels[4] = SegmentLabel.CITY;
        SegmentRules.apply(tokens, labels);
        assertEquals("HOUSE=House 415 | SUBLOCALITY=Sector 1100 | CITY=Pune | PINCODE=411001", Segmentation.of(text, labels).format());
        SegmentLabel[] twice = {SegmentLabel.PINCODE, SegmentLabel.CITY, SegmentLabel.PINCODE};
        SegmentRules.apply(Segmentation.tokensOf("560001 Bangalore 56001"), twice);
        assertEquals(List.of(SegmentLabel.PINCODE, SegmentLabel.CITY, SegmentLabel.OTHER), List.of(twice));
        SegmentLabel[] place = {SegmentLabel.CITY, SegmentLabel.STATE};
        SegmentRules.apply(Segmentation.tokensOf("Pune 12"), place);
        assertEquals(List.of(SegmentLabel.CITY, SegmentLabel.OTHER), List.of(place), "a place has no digits");
    }

    @Test
    void aDashBetweenALetterAndADigitSeparatesTwoWords() {
        List<String> words = new ArrayList<>();
        Segmentation.tokensOf("Pune-411001, Sec-12, C-WING, 4-56/A").forEach(t -> words.add(t.text()));
        assertEquals(List.of("Pune", "411001", "Sec", "12", "C-WING", "4-56/A"), words);
    }

    @Test
    void aCueWordGluedToItsPartByADotOrADashIsAWordOfItsOwn() {
        List<String> words = new ArrayList<>();
        Segmentation.tokensOf("Distt.Coimbatore, Vill-Rampur, P.O.Kalyan, H.No.12, Kh.No.5/24/1, M.G.Road, CO-OP, T.Nagar, 560-001")
                .forEach(t -> words.add(t.text()));
        assertEquals(List.of("Distt.", "Coimbatore", "Vill-", "Rampur", "P.O.", "Kalyan", "H.No.", "12", "Kh.No.", "5/24/1", "M.G.Road",
                "CO-OP", "T.Nagar", "560-001"), words);
    }

    @Test
    void statesWrittenWithDotsOrInDevanagariAreStates() {
        assertTrue(AddressFeatures.isState(AddressFeatures.normalise("T.N.")));
        assertTrue(AddressFeatures.isState(AddressFeatures.normalise("U. P.")));
        assertTrue(AddressFeatures.isState(AddressFeatures.normalise("उत्तर प्रदेश")));
        assertTrue(!AddressFeatures.isState(AddressFeatures.normalise("S.B.I.")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Flat 12, Shanti Apartments", "  MG Road -- Pune.", "A", "Distt.Coimbatore", "H.No. 4-56/A, Sec-12", "#12/3;;x"})
    void phrasesAreNormalisedAsThePostalDirectoryDoes(String phrase) {
        assertEquals(in.workbench.analytics.geo.PostalDirectory.normalise(phrase), AddressFeatures.normalise(phrase));
    }

    @Test
    void cueWordsBelongToThePartTheyIntroduceOrClose() {
        Segmentation s = model.segment(parser, "c/o Sandeep Patil, Qr. 297/A, Opp. SBI ATM, Village Pappampatti, Distt. Coimbatore, PIN 641001",
                null);
        assertEquals(List.of("Qr. 297/A"), s.texts(SegmentLabel.HOUSE), s.format());
        assertEquals(List.of("Opp. SBI ATM"), s.texts(SegmentLabel.LANDMARK), s.format());
        assertEquals(List.of("Distt. Coimbatore"), s.texts(SegmentLabel.DISTRICT), s.format());
        assertEquals(List.of("PIN 641001"), s.texts(SegmentLabel.PINCODE), s.format());
        assertEquals(List.of("c/o Sandeep Patil"), s.texts(SegmentLabel.OTHER), s.format());
        Segmentation hindi = model.segment(parser, "makaan no 12 gali 3 Shiv Mandir ke paas Ashok Nagar Delhi 110052", null);
        assertEquals(List.of("Shiv Mandir ke paas"), hindi.texts(SegmentLabel.LANDMARK), hindi.format());
    }
}
