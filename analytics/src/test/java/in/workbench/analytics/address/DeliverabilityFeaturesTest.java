package in.workbench.analytics.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class DeliverabilityFeaturesTest {

    @Test
    void everyStructuralFeatureHasPlainWordsAndWordsAreQuoted() {
        for (String f : DeliverabilityFeatures.STRUCTURE) {
            assertNotEquals(f, DeliverabilityFeatures.describe(f), "the importance chart would show the raw name " + f);
        }
        assertEquals("landmark only", DeliverabilityFeatures.describe("landmark_only"));
        assertEquals("word “nagar”", DeliverabilityFeatures.describe("w=nagar"));
        assertEquals("something_new", DeliverabilityFeatures.describe("something_new"));
    }
}
