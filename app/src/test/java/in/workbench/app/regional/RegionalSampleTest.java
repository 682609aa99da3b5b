package in.workbench.app.regional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.regional.DeliverySpeed;
import in.workbench.analytics.regional.RankingPreview;
import in.workbench.analytics.regional.RegionalPreferences;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.ImportHooks;
import in.workbench.app.sample.SampleWorld;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** On the bundled sample, the planted regional preferences (TRUTH.md) top their states' lists. */
class RegionalSampleTest {

    @TempDir
    static Path dir;
    static Workspace ws;
    static RegionalPreferences prefs;

    @BeforeAll
    static void sample() throws Exception {
        ws = SampleWorld.MARKETPLACE.create(dir.resolve("sample"), new ImportHooks(), new in.workbench.app.SharedAddressParser(), ProgressMonitor.NONE);
        prefs = RegionalPreferences.load(ws);
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @ParameterizedTest(name = "{1} is among the top {2} of {0}")
    @CsvSource({
        "Gujarat, Bandhani Sarees, 1",
        "Karnataka, Mysore Silk Sarees, 1",
        "Tamil Nadu, Kanjeevaram Sarees, 1",
        "Uttar Pradesh, Banarasi Sarees, 1",
        "Maharashtra, Paithani Sarees, 1",
        "West Bengal, Cotton Sarees, 1",
        "Kerala, Raincoats, 2",
        "Kerala, Umbrellas, 2",
        "Himachal Pradesh, Woollen Shawls, 3",
        "Jammu and Kashmir, Woollen Shawls, 3",
        "Uttarakhand, Sweaters, 3",
    })
    void plantedPreferenceTopsItsState(String state, String subcategory, int top) {
        List<RegionalPreferences.Lift> list = prefs.topSubcategories(state, top);
        assertTrue(list.stream().anyMatch(l -> l.subcategory().equals(subcategory)),
                state + " top " + top + ": " + list.stream().map(l -> l.subcategory() + " " + String.format("%.2f", l.lift())).toList());
        RegionalPreferences.Lift lift = prefs.lift(state, subcategory);
        assertTrue(lift.overIndexes(), "interval above 1: " + lift);
    }

    @Test
    void smallStatesDoNotTopListsOnAHandfulOfOrders() {
        for (RegionalPreferences.Lift l : prefs.all()) {
            if (l.orders() <= 3) {
                assertTrue(l.lift() < 3, "a lift of " + l.lift() + " on " + l.orders() + " orders: " + l);
            }
        }
        RegionalPreferences.Lift bandhaniGujarat = prefs.lift("Gujarat", "Bandhani Sarees");
        assertEquals("Gujarat", prefs.overIndexingStates("Bandhani Sarees").get(0).state());
        assertTrue(bandhaniGujarat.lift() > 3, bandhaniGujarat.toString());
    }

    @Test
    void everyShipmentIsCountedAndTheUnknownBucketIsExplained() {
        long sources = prefs.ordersByStateSource().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(100_000, sources);
        assertTrue(prefs.ordersByStateSource().get("state column, spelling corrected") > 0, prefs.ordersByStateSource().toString());
        assertTrue(prefs.ordersByStateSource().get("pincode") > 0);
        assertTrue(prefs.unknownExplanation().contains("Unknown"), prefs.unknownExplanation());
    }

    @Test
    void aSareeSearchFromGujaratPutsBandhaniFirst() {
        List<RankingPreview.Ranked> ranked = new RankingPreview(ws).rank("saree", "Gujarat", new RankingPreview.Weights(1, 2, 0.5),
                prefs, DeliverySpeed.load(ws), 10);
        assertEquals("Bandhani Sarees", ranked.get(0).subcategory(), ranked.toString());
        assertTrue(ranked.stream().limit(5).allMatch(r -> r.subcategory().equals("Bandhani Sarees")), ranked.toString());
        assertTrue(ranked.get(0).rankChange() > 0, "Bandhani moves up against the national ranking");
        List<RankingPreview.Ranked> karnataka = new RankingPreview(ws).rank("saree", "Karnataka", new RankingPreview.Weights(1, 2, 0.5),
                prefs, DeliverySpeed.load(ws), 3);
        assertEquals("Mysore Silk Sarees", karnataka.get(0).subcategory(), karnataka.toString());
    }

    @Test
    void deliveryIsSlowerAndLaterInTheNorthEastThanNearAHub() {
        DeliverySpeed speed = DeliverySpeed.load(ws);
        var karnataka = speed.byState().stream().filter(s -> s.state().equals("Karnataka")).findFirst().orElseThrow();
        var assam = speed.byState().stream().filter(s -> s.state().equals("Assam")).findFirst().orElseThrow();
        assertTrue(assam.meanPromised() > karnataka.meanPromised() + 1, assam + " vs " + karnataka);
        assertTrue(assam.meanActual() > karnataka.meanActual() + 1);
        assertTrue(speed.national().lateShare() > 0.05 && speed.national().lateShare() < 0.6, speed.national().toString());
    }
}
