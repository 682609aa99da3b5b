package in.workbench.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReader;
import in.workbench.analytics.geo.IndianState;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.task.ProgressMonitor;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {

    static PostalDirectory directory;
    static Map<String, String[]> addressTruth = new HashMap<>();

    @BeforeAll
    static void load() throws Exception {
        directory = PostalDirectory.load();
        for (String[] r : truth("address_truth.csv")) {
            addressTruth.put(r[0], r);
        }
    }

    static List<String[]> read(InputStream gz) throws Exception {
        try (CSVReader r = new CSVReader(new InputStreamReader(new GZIPInputStream(gz), StandardCharsets.UTF_8))) {
            List<String[]> rows = r.readAll();
            return rows.subList(1, rows.size());
        }
    }

    static List<String[]> bundled(String name) throws Exception {
        return read(SampleGeneratorTest.class.getResourceAsStream(BundledSample.RESOURCE_DIR + name + ".gz"));
    }

    static List<String[]> truth(String name) throws Exception {
        return read(SampleGeneratorTest.class.getResourceAsStream("/in/workbench/sample/bundled-truth/" + name + ".gz"));
    }

    static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString(), sha256(f));
            }
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedDoesNot(@TempDir Path dir) throws Exception {
        SampleGenerator.Config small = new SampleGenerator.Config(200, 1_000, 5_000, 7);
        new SampleGenerator(small, directory).generate(dir.resolve("a"), ProgressMonitor.NONE);
        new SampleGenerator(small, directory).generate(dir.resolve("b"), ProgressMonitor.NONE);
        new SampleGenerator(new SampleGenerator.Config(200, 1_000, 5_000, 8), directory).generate(dir.resolve("c"), ProgressMonitor.NONE);
        Map<String, String> a = hashes(dir.resolve("a"));
        assertTrue(a.size() > 10);
        assertEquals(a, hashes(dir.resolve("b")));
        assertNotEquals(a.get("shipments.csv"), hashes(dir.resolve("c")).get("shipments.csv"));
    }

    @Test
    void theCommittedBundleIsExactlyWhatTheGeneratorMakes(@TempDir Path dir) throws Exception {
        new SampleGenerator(SampleGenerator.Config.bundled(), directory).generate(dir, ProgressMonitor.NONE);
        String manifest;
        try (InputStream in = BundledSample.class.getResourceAsStream(BundledSample.RESOURCE_DIR + "manifest.sha256")) {
            manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String line : manifest.split("\n")) {
            String[] parts = line.split("\\s+");
            assertEquals(parts[0], sha256(dir.resolve(parts[1])), parts[1] + " differs from the committed bundle: run sample-data/make-bundle.sh");
        }
    }

    @Test
    void copyToWritesTheCanonicalFilesAndImages(@TempDir Path dir) throws Exception {
        List<Path> files = BundledSample.copyTo(dir);
        assertEquals(List.of("package_types.csv", "catalog.csv", "addresses.csv", "shipments.csv"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals("shipment_id,order_date,product_id,address_id,package_type,quantity,ship_cost_inr,promised_days,delivered_days,attempts,status",
                Files.readAllLines(dir.resolve("shipments.csv")).get(0));
        for (String[] p : bundled("catalog.csv")) {
            if (!p[14].isEmpty()) {
                assertTrue(Files.exists(dir.resolve(p[14])), p[14]);
            }
        }
    }

    @Test
    void everyStateAndTerritoryHasAddresses() throws Exception {
        Set<String> states = new HashSet<>();
        for (String[] t : addressTruth.values()) {
            states.add(t[13]);
        }
        assertEquals(IndianState.values().length, states.size());
    }

    @Test
    void damageFallsWithEveryStepOfThePackageLadder() throws Exception {
        Map<String, Integer> rank = Map.of("polybag", 1, "padded_mailer", 2, "tfolder_box", 3, "carton_single", 4, "carton_double", 5,
                "carton_bubble", 6);
        Map<String, Double> logit = new HashMap<>();
        for (String[] p : truth("product_truth.csv")) {
            logit.put(p[0], Double.parseDouble(p[9]));
        }
        // Same products in every package: the truth file's probabilities fall strictly with rank.
        Map<String, double[]> byProduct = new HashMap<>();
        for (String[] d : truth("damage_truth.csv")) {
            byProduct.computeIfAbsent(d[0], k -> new double[7])[rank.get(d[1])] = Double.parseDouble(d[2]);
        }
        for (double[] p : byProduct.values()) {
            for (int k = 2; k <= 6; k++) {
                assertTrue(p[k] < p[k - 1]);
            }
        }
        // In the shipments, the damage rate of a product-risk band falls with rank too.
        long[][] counts = new long[7][2];
        for (String[] s : bundled("shipments.csv")) {
            if (s[10].equals("undeliverable")) {
                continue;
            }
            if (logit.get(s[2]) > -2.5) {
                int r = rank.get(s[4]);
                counts[r][0]++;
                counts[r][1] += s[10].equals("damaged") ? 1 : 0;
            }
        }
        double previous = 1;
        for (int r = 1; r <= 6; r++) {
            if (counts[r][0] < 200) {
                continue;
            }
            double rate = counts[r][1] / (double) counts[r][0];
            assertTrue(rate < previous, "rank " + r + " rate " + rate + " after " + previous);
            previous = rate;
        }
    }

    @Test
    void plantedRegionalPreferencesStandOut() throws Exception {
        Map<String, String> subOf = new HashMap<>();
        for (String[] p : truth("product_truth.csv")) {
            subOf.put(p[0], p[2]);
        }
        Map<String, long[]> byState = new HashMap<>();
        long[] national = new long[2];
        long[] karnataka = new long[2];
        for (String[] s : bundled("shipments.csv")) {
            String state = addressTruth.get(s[3])[13];
            boolean bandhani = subOf.get(s[2]).equals("Bandhani Sarees");
            national[0]++;
            national[1] += bandhani ? 1 : 0;
            long[] c = byState.computeIfAbsent(state, k -> new long[2]);
            c[0]++;
            c[1] += bandhani ? 1 : 0;
            if (state.equals("Karnataka")) {
                karnataka[0]++;
                karnataka[1] += subOf.get(s[2]).equals("Mysore Silk Sarees") ? 1 : 0;
            }
        }
        double nationalShare = national[1] / (double) national[0];
        long[] gujarat = byState.get("Gujarat");
        assertTrue(gujarat[1] / (double) gujarat[0] > 3 * nationalShare, "Gujarat's Bandhani share is well above the national share");
        assertTrue(karnataka[1] / (double) karnataka[0] > 0.08, "Mysore Silk is a big share of Karnataka's orders");
    }

    @Test
    void incompleteAddressesFailMoreOften() throws Exception {
        Map<String, long[]> byStatus = new HashMap<>();
        for (String[] s : bundled("shipments.csv")) {
            String[] t = addressTruth.get(s[3]);
            String key = t[6].equals("true") || t[9].equals("missing") ? "weak" : t[1].equals("complete") ? "complete" : "other";
            long[] c = byStatus.computeIfAbsent(key, k -> new long[2]);
            c[0]++;
            c[1] += s[10].equals("undeliverable") ? 1 : 0;
        }
        double weak = byStatus.get("weak")[1] / (double) byStatus.get("weak")[0];
        double complete = byStatus.get("complete")[1] / (double) byStatus.get("complete")[0];
        assertTrue(weak > 3 * complete, "weak " + weak + " vs complete " + complete);
        long total = byStatus.values().stream().mapToLong(c -> c[0]).sum();
        long failed = byStatus.values().stream().mapToLong(c -> c[1]).sum();
        double rate = failed / (double) total;
        assertTrue(rate > 0.04 && rate < 0.2, "overall undeliverable rate " + rate);
    }

    @Test
    void aboutThirtyPercentOfColourfulProductsHaveNoColourAttribute() throws Exception {
        int colourful = 0;
        int blank = 0;
        for (String[] p : truth("product_truth.csv")) {
            if (!p[3].isEmpty()) {
                colourful++;
                blank += p[5].equals("blank") ? 1 : 0;
            }
        }
        double share = blank / (double) colourful;
        assertTrue(share > 0.25 && share < 0.35, "blank share " + share);
    }

    @Test
    void goldSegmentsAreTheAddressTextInOrder() throws Exception {
        Map<String, String> text = new HashMap<>();
        for (String[] a : bundled("addresses.csv")) {
            text.put(a[0], a[2]);
        }
        List<String> labels = List.of("HOUSE", "BUILDING", "STREET", "LANDMARK", "LOCALITY", "SUBLOCALITY", "CITY", "DISTRICT", "STATE",
                "PINCODE", "OTHER");
        for (String[] g : truth("address_labels_gold.csv")) {
            String t = text.get(g[0]);
            int from = 0;
            for (String seg : g[2].split(" \\| ")) {
                int eq = seg.indexOf('=');
                assertTrue(labels.contains(seg.substring(0, eq)), seg);
                int at = t.indexOf(seg.substring(eq + 1), from);
                assertTrue(at >= from, g[0] + ": " + seg + " not found in order in " + t);
                from = at + seg.length() - eq - 1;
            }
        }
    }

    @Test
    void everyPincodeMarkedCorrectIsARealPincodeOfTheAddressState() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String[] t : addressTruth.values()) {
            if (!directory.pincodeExists(t[12])) {
                wrong.add(t[0]);
            }
        }
        assertTrue(wrong.isEmpty(), wrong.toString());
    }
}
