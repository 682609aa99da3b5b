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
        var all = AddressModelQuality.writerGold(new IndependentAddressWriter(d, 99).write(3000));
        long t = System.currentTimeMillis();
        var fs = q.segmenter("writer", all.subList(1000, 3000), all.subList(0, 1000), new SegmentationTrainer.Settings(42, 3, 3000, 2500));
        System.out.println(fs + " " + (System.currentTimeMillis() - t) + " ms");
    }
}
