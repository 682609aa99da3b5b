package in.workbench.sample.independent;

import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.segmentation.SegmentationTrainer;
import in.workbench.sample.AddressModelQuality;
import org.junit.jupiter.api.Test;

class ScratchBaselineTest {
    @Test
    void baseline() throws Exception {
        PostalDirectory d = PostalDirectory.load();
        var q = new AddressModelQuality(d);
        var writer = new IndependentAddressWriter(d, 99);
        var w = writer.write(6000);
        var ship = writer.shipments(w);
        System.out.println(q.deliverability("writer", AddressModelQuality.writerShipments(w, ship), 0.7, 60, 42));
        var all = AddressModelQuality.writerGold(w.subList(0, 3000));
        long t = System.currentTimeMillis();
        var fs = q.segmenter("writer", all.subList(1000, 3000), all.subList(0, 1000), new SegmentationTrainer.Settings(42, 3, 3000, 2500));
        System.out.println(fs + " " + (System.currentTimeMillis() - t) + " ms");
    }
}
