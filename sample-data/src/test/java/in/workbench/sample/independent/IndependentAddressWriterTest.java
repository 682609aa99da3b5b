package in.workbench.sample.independent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.segmentation.SegmentLabel;
import in.workbench.analytics.segmentation.Segmentation;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The second writer writes what the measurements need: gold for every token, all its styles, outcomes drawn from its own truth. */
class IndependentAddressWriterTest {

    static PostalDirectory directory;

    @BeforeAll
    static void load() {
        directory = PostalDirectory.load();
    }

    @Test
    void everyTokenHasAGoldLabelAndEveryStyleAndPartOccurs() {
        List<IndependentAddressWriter.Written> written = new IndependentAddressWriter(directory, 1).write(2_000);
        Set<SegmentLabel> seen = EnumSet.noneOf(SegmentLabel.class);
        for (IndependentAddressWriter.Written w : written) {
            Segmentation g = w.gold();
            assertEquals(Segmentation.tokensOf(w.text()).size(), g.labels().length, w.text());
            seen.addAll(List.of(g.labels()));
            assertTrue(w.pDeliver() > 0 && w.pDeliver() < 1);
        }
        assertEquals(EnumSet.allOf(SegmentLabel.class), seen);
        assertEquals(8, written.stream().map(IndependentAddressWriter.Written::style).collect(Collectors.toSet()).size());
    }

    @Test
    void isDeterministicForASeedAndShipmentsFollowTheTrueProbability() {
        IndependentAddressWriter a = new IndependentAddressWriter(directory, 9);
        List<IndependentAddressWriter.Written> written = a.write(3_000);
        assertEquals(written.get(17).text(), new IndependentAddressWriter(directory, 9).write(3_000).get(17).text());
        List<IndependentAddressWriter.Shipment> shipments = a.shipments(written);
        double expected = 0;
        java.util.Map<String, Double> p = written.stream().collect(Collectors.toMap(IndependentAddressWriter.Written::id,
                IndependentAddressWriter.Written::pDeliver));
        for (IndependentAddressWriter.Shipment s : shipments) {
            expected += p.get(s.addressId());
        }
        double delivered = shipments.stream().filter(IndependentAddressWriter.Shipment::reached).count();
        assertEquals(expected / shipments.size(), delivered / shipments.size(), 0.02);
    }
}
