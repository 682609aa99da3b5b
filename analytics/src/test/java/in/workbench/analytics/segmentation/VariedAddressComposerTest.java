package in.workbench.analytics.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The second training-address writer: deterministic, every token labelled, names invented rather
 * than drawn from a list the model could remember, and the cue forms the first writer lacks
 * (glued, closing, bracketed) labelled by the conventions. Its weak labels agree with it on most
 * parts, so a workspace of such addresses trains the segmenter in the right direction.
 */
class VariedAddressComposerTest {

    static PostalDirectory directory;
    static List<AddressComposer.Composed> written;

    @BeforeAll
    static void write() {
        directory = PostalDirectory.load();
        written = new VariedAddressComposer(directory, 11).compose(2_000);
    }

    @Test
    void theSameSeedWritesTheSameAddresses() {
        List<AddressComposer.Composed> again = new VariedAddressComposer(directory, 11).compose(50);
        for (int i = 0; i < again.size(); i++) {
            assertEquals(written.get(i).segmentation().text(), again.get(i).segmentation().text());
            assertEquals(written.get(i).segmentation().format(), again.get(i).segmentation().format());
        }
    }

    @Test
    void everyTokenHasALabelAndMostAddressesHaveAPlaceAndAPincode() {
        int withPincode = 0;
        for (AddressComposer.Composed c : written) {
            Segmentation s = c.segmentation();
            assertEquals(Segmentation.tokensOf(s.text()).size(), s.labels().length, s.text());
            withPincode += s.texts(SegmentLabel.PINCODE).isEmpty() ? 0 : 1;
        }
        assertTrue(withPincode > written.size() * 0.8, "with a pincode: " + withPincode);
    }

    @Test
    void buildingNamesAreInventedSoFewRepeat() {
        Set<String> names = new HashSet<>();
        int buildings = 0;
        for (AddressComposer.Composed c : written) {
            for (String b : c.segmentation().texts(SegmentLabel.BUILDING)) {
                buildings++;
                names.add(b.toLowerCase(java.util.Locale.ROOT));
            }
        }
        assertTrue(buildings > 200, "buildings: " + buildings);
        assertTrue(names.size() > buildings * 0.9, names.size() + " distinct of " + buildings);
    }

    @Test
    void districtsCarryTheirCueWordBeforeAfterOrInBrackets() {
        int before = 0;
        int after = 0;
        int bracketed = 0;
        for (AddressComposer.Composed c : written) {
            Segmentation s = c.segmentation();
            for (Segment seg : s.segments()) {
                if (seg.label() != SegmentLabel.DISTRICT) {
                    continue;
                }
                List<AddressParser.Token> tokens = s.tokens().subList(seg.firstToken(), seg.lastToken() + 1);
                before += CueWords.of(tokens.get(0).key()) == CueWords.Kind.DISTRICT ? 1 : 0;
                after += CueWords.of(tokens.get(tokens.size() - 1).key()) == CueWords.Kind.DISTRICT ? 1 : 0;
                int start = tokens.get(0).start();
                bracketed += start > 0 && s.text().charAt(start - 1) == '(' ? 1 : 0;
            }
        }
        assertTrue(before > 50 && after > 50 && bracketed > 10, before + " before, " + after + " after, " + bracketed + " in brackets");
    }

    @Test
    void weakLabelsAgreeWithTheWriterOnMostParts() {
        SegmentationTrainer trainer = new SegmentationTrainer(new AddressParser(directory));
        List<SegmentationTrainer.Example> examples = written.subList(0, 500).stream()
                .map(c -> new SegmentationTrainer.Example("v", c.segmentation().text(), c.pincodeColumn(), c.segmentation())).toList();
        SpanF1 f1 = trainer.evaluateWeakLabels(examples);
        assertTrue(f1.f1() > 0.8, "weak labels' span F1 against the writer: " + f1.f1() + " " + f1.perLabelF1());
    }
}
