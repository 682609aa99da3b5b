package in.workbench.analytics.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.task.ProgressMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

class PackagingModelTest {

    static DamageWorld world;
    static PackagingTrainer.Result result;

    @BeforeAll
    static void train() {
        world = new DamageWorld(1_200, 25, 11);
        result = new PackagingTrainer().train(world.data(), PackagingTrainer.Options.defaults(7).withIterations(300, 5), ProgressMonitor.NONE);
    }

    @Test
    void predictedDamageNeverRisesUpTheLadderForRandomProducts() {
        Random r = new Random(3);
        String[] words = {"saree", "glass", "fragile", "charger", "perfume", "unknownword", "tumbler", "x"};
        String[] categories = {"Clothing", "Home", "Electronics", "Never Seen", "Beauty"};
        PackageLadder ladder = result.model().ladder();
        for (int i = 0; i < 5_000; i++) {
            StringBuilder title = new StringBuilder();
            for (int w = 0; w < 1 + r.nextInt(6); w++) {
                title.append(words[r.nextInt(words.length)]).append(' ');
            }
            ProductRow p = new ProductRow("R" + i, title.toString(), categories[r.nextInt(categories.length)],
                    r.nextBoolean() ? null : DamageWorld.SUBS[r.nextInt(DamageWorld.SUBS.length)][1], Math.exp(r.nextDouble() * 14),
                    r.nextInt(10) == 0 ? null : 1 + r.nextInt(200_000), r.nextBoolean() ? null : r.nextDouble() * 500, r.nextDouble() * 300,
                    r.nextDouble() * 100, r.nextBoolean() ? null : r.nextBoolean(), r.nextBoolean());
            double[] d = result.model().damage(p);
            assertTrue(!PackagingTrainer.violates(ladder, d), () -> "rises up the ladder for " + p + ": " + java.util.Arrays.toString(d));
        }
    }

    @Test
    void predictedDamageNeverRisesForArbitraryFeatureVectors() {
        OrdinalDamageModel model = result.model().ordinal();
        int d = model.getFeatureIDMap().size();
        Random r = new Random(5);
        for (int i = 0; i < 5_000; i++) {
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int j = 0; j < 1 + r.nextInt(20); j++) {
                String name = model.getFeatureIDMap().get(r.nextInt(d)).getName();
                if (!names.contains(name) && !name.startsWith(OrdinalDamageTrainer.PACKAGE_PREFIX)) {
                    names.add(name);
                    values.add(r.nextGaussian() * 50);
                }
            }
            ArrayExample<Label> e = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names.toArray(String[]::new),
                    values.stream().mapToDouble(Double::doubleValue).toArray());
            double[] p = model.damageByRung(e);
            for (int k = 1; k < p.length; k++) {
                assertTrue(p[k] <= p[k - 1], "rung " + k + " of " + names + " " + values);
            }
        }
        double[] theta = model.thresholds();
        for (int k = 1; k < theta.length; k++) {
            assertTrue(theta[k] > theta[k - 1], "thresholds grow with every step");
        }
    }

    @Test
    void recoversThePlantedEffect() {
        PackagingModel m = result.model();
        double err = 0;
        int n = 0;
        double[] trueP = new double[world.products.size() * 6];
        double[] predP = new double[trueP.length];
        double fragileGain = 0;
        double sturdyGain = 0;
        int fragileCount = 0;
        int sturdyCount = 0;
        for (int i = 0; i < world.products.size(); i++) {
            double[] d = m.damage(world.products.get(i));
            for (int k = 0; k < 6; k++) {
                trueP[n] = Math.log(world.trueDamage(i, k));
                predP[n] = Math.log(d[k]);
                err += Math.abs(d[k] - world.trueDamage(i, k));
                n++;
            }
            double gain = Math.log(d[0] / d[5]);
            if (Boolean.TRUE.equals(world.products.get(i).fragile())) {
                fragileGain += gain;
                fragileCount++;
            } else {
                sturdyGain += gain;
                sturdyCount++;
            }
        }
        double corr = correlation(trueP, predP);
        assertTrue(corr > 0.9, "log p correlates with the truth: " + corr);
        assertTrue(err / n < 0.02, "mean absolute error of p: " + err / n);
        assertTrue(fragileGain / fragileCount > sturdyGain / sturdyCount,
                "fragile goods gain more from a sturdy box, as planted: " + fragileGain / fragileCount + " vs " + sturdyGain / sturdyCount);
        PackagingTrainer.Comparison c = result.comparison();
        assertEquals(0, c.ordinal().violatingProducts());
        assertTrue(c.ordinal().auc() > 0.6, "held-out AUC " + c.ordinal().auc());
        assertTrue(c.ordinal().logLoss() < c.baseline().logLoss(), "the constrained model fits held-out products better: "
                + c.ordinal().logLoss() + " vs " + c.baseline().logLoss());
        assertTrue(c.baseline().auc() > 0.6, "the logistic regression is a real competitor: " + c.baseline().auc());
        assertTrue(c.heldOutProducts() > 200 && c.heldOutShipments() > 1000);
    }

    @Test
    void theOrdinalModelIsATribuoModelWithProvenance() {
        OrdinalDamageModel model = result.model().ordinal();
        String provenance = model.getProvenance().toString();
        assertTrue(provenance.contains("OrdinalDamageTrainer"), provenance);
        assertTrue(provenance.contains("augment"), provenance);
        assertTrue(provenance.contains("seed"), provenance);
        ProductRow p = world.products.get(0);
        double viaTribuo = PackagingTrainer.damaged(model.predict(PackagingTrainer.exampleFor(result.model().features(), p, "carton_single")));
        assertEquals(result.model().damage(p)[3], viaTribuo, 1e-9);
        assertTrue(model.getExcuse(PackagingTrainer.exampleFor(result.model().features(), p, "polybag")).isPresent());
    }

    @Test
    void trainingIsDeterministicForASeed() {
        PackagingTrainer.Result again = new PackagingTrainer().train(world.data(), PackagingTrainer.Options.defaults(7).withIterations(300, 5),
                ProgressMonitor.NONE);
        for (int i = 0; i < 50; i++) {
            assertArrayEquals(result.model().damage(world.products.get(i)), again.model().damage(world.products.get(i)), 0);
        }
    }

    static double correlation(double[] a, double[] b) {
        double ma = java.util.Arrays.stream(a).average().orElse(0);
        double mb = java.util.Arrays.stream(b).average().orElse(0);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
