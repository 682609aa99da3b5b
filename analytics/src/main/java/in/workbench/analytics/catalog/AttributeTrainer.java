package in.workbench.analytics.catalog;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.task.ProgressMonitor;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Learns an {@link AttributeExtractor} from the catalog itself. Products whose attribute is filled
 * label the candidate phrases of their titles (a phrase naming the filled value is a positive, every
 * other candidate a negative); a logistic regression over {@link SpanFeatures} learns which phrases
 * name the value in context. Self-training then adds the confident predictions on products whose
 * attribute is blank (probability ≥ {@value #PSEUDO_POSITIVE} as positives, titles whose every
 * candidate is ≤ {@value #PSEUDO_NEGATIVE} as negatives) and refits, {@value #SELF_TRAINING_ROUNDS} rounds.
 *
 * <p>Evaluation is by k-fold cross-validation over the filled products (folds fixed by product id and
 * seed): every filled product is predicted by a model that never saw it (self-training included); the
 * fold models are kept so that extraction reads filled products the same way. Precision is
 * the share of extracted values equal to the filled value; recall the share of filled products whose
 * value was extracted; coverage the share of products given a value at all.
 *
 * <p>Stateless; thread-safe.
 */
public final class AttributeTrainer {

    static final double PSEUDO_POSITIVE = 0.9;
    static final double PSEUDO_NEGATIVE = 0.1;
    static final int SELF_TRAINING_ROUNDS = 2;
    static final double THRESHOLD = 0.5;

    /** Precision, recall and coverage of the extractions whose confidence reaches {@code threshold}. */
    public record ThresholdPoint(double threshold, double precision, double recall, double coverage) implements java.io.Serializable {
    }

    /** What training measured, out of fold. */
    public record Evaluation(String attribute, int labelled, int unlabelled, int folds, long seed, double precision, double recall,
            double f1, double coverage, double supervisedF1, double supervisedCoverage, double recallWhereTitleNamesValue,
            int pseudoLabels, double backfillCoverage, List<ThresholdPoint> curve, long trainMillis) implements java.io.Serializable {

        /** The expected precision of extractions at or above {@code threshold}, from the out-of-fold curve. */
        public double precisionAt(double threshold) {
            ThresholdPoint best = curve.get(0);
            for (ThresholdPoint p : curve) {
                if (p.threshold() <= threshold + 1e-9) {
                    best = p;
                }
            }
            return best.precision();
        }
    }

    /** The trained extractor and its evaluation. */
    public record Result(AttributeExtractor extractor, Evaluation evaluation) {
    }

    private record Prepared(CatalogProduct product, TitleTokens tokens, List<SpanCandidate> candidates, String gold) {
    }

    /** Trains on {@code products} for the vocabulary's attribute. */
    public Result train(List<CatalogProduct> products, AttributeVocabulary vocabulary, long seed, int folds, ProgressMonitor monitor) {
        long t0 = System.nanoTime();
        String attribute = vocabulary.attribute();
        List<Prepared> labelled = new ArrayList<>();
        List<Prepared> unlabelled = new ArrayList<>();
        for (CatalogProduct p : products) {
            TitleTokens t = TitleTokens.of(p.title());
            List<SpanCandidate> c = vocabulary.candidates(t);
            String raw = p.attribute(attribute);
            AttributeVocabulary.Entry e = raw.isEmpty() ? null : vocabulary.lookup(raw);
            String gold = raw.isEmpty() ? null : e != null ? e.value() : AttributeVocabulary.normalise(raw);
            (gold == null ? unlabelled : labelled).add(new Prepared(p, t, c, gold));
        }
        long usable = labelled.stream().filter(p -> p.candidates().stream().anyMatch(c -> c.entry().value().equals(p.gold()))).count();
        if (usable < Math.max(20, folds * 4L)) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "Too few products have a " + label(attribute)
                    + " that their title names (" + usable + "); import a catalog with the " + attribute + " column filled first.");
        }
        int[] fold = new int[labelled.size()];
        for (int i = 0; i < labelled.size(); i++) {
            fold[i] = AttributeExtractor.fold(labelled.get(i).product().productId(), seed, folds);
        }
        List<Model<Label>> foldModels = new ArrayList<>();
        String[] supervised = new String[labelled.size()];
        double[] supervisedP = new double[labelled.size()];
        String[] predicted = new String[labelled.size()];
        double[] predictedP = new double[labelled.size()];
        int steps = folds + 1;
        for (int k = 0; k < folds; k++) {
            monitor.checkCancelled();
            monitor.update(k, steps, label(attribute) + ": fold " + (k + 1) + " of " + folds);
            List<Prepared> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < labelled.size(); i++) {
                if (fold[i] == k) {
                    test.add(i);
                } else {
                    train.add(labelled.get(i));
                }
            }
            Model<Label> m0 = fit(train, List.of(), seed);
            for (int i : test) {
                Object[] b = best(m0, labelled.get(i));
                supervised[i] = (String) b[0];
                supervisedP[i] = (double) b[1];
            }
            Model<Label> m = selfTrain(m0, train, unlabelled, seed, new int[1], monitor);
            foldModels.add(m);
            for (int i : test) {
                Object[] b = best(m, labelled.get(i));
                predicted[i] = (String) b[0];
                predictedP[i] = (double) b[1];
            }
        }
        monitor.update(folds, steps, label(attribute) + ": fitting on all " + labelled.size() + " filled products");
        int[] pseudo = new int[1];
        Model<Label> finalModel = selfTrain(fit(labelled, List.of(), seed), labelled, unlabelled, seed, pseudo, monitor);
        AttributeExtractor extractor = new AttributeExtractor(vocabulary, finalModel, foldModels, seed, THRESHOLD);
        long backfilled = unlabelled.stream().filter(p -> (double) best(finalModel, p)[1] >= THRESHOLD).count();
        String[] gold = labelled.stream().map(Prepared::gold).toArray(String[]::new);
        double[] sup = metrics(supervised, supervisedP, gold, THRESHOLD);
        double[] self = metrics(predicted, predictedP, gold, THRESHOLD);
        long named = 0;
        long namedHit = 0;
        for (int i = 0; i < labelled.size(); i++) {
            Prepared p = labelled.get(i);
            if (p.candidates().stream().anyMatch(c -> c.entry().value().equals(p.gold()))) {
                named++;
                if (predictedP[i] >= THRESHOLD && p.gold().equals(predicted[i])) {
                    namedHit++;
                }
            }
        }
        List<ThresholdPoint> curve = new ArrayList<>();
        for (int t = 50; t <= 99; t++) {
            double[] m = metrics(predicted, predictedP, gold, t / 100.0);
            curve.add(new ThresholdPoint(t / 100.0, m[0], m[1], m[3]));
        }
        Evaluation ev = new Evaluation(attribute, labelled.size(), unlabelled.size(), folds, seed, self[0], self[1], self[2], self[3],
                sup[2], sup[3], named == 0 ? 0 : namedHit / (double) named, pseudo[0],
                unlabelled.isEmpty() ? 0 : backfilled / (double) unlabelled.size(), List.copyOf(curve), (System.nanoTime() - t0) / 1_000_000);
        monitor.update(steps, steps, "done");
        return new Result(extractor, ev);
    }

    static String label(String attribute) {
        return attribute.equals("color") ? "colour" : attribute;
    }

    /** precision, recall, F1, coverage of predictions at or above a threshold. */
    static double[] metrics(String[] predicted, double[] p, String[] gold, double threshold) {
        long made = 0;
        long correct = 0;
        for (int i = 0; i < gold.length; i++) {
            if (predicted[i] != null && p[i] >= threshold) {
                made++;
                if (predicted[i].equals(gold[i])) {
                    correct++;
                }
            }
        }
        double precision = made == 0 ? 1 : correct / (double) made;
        double recall = gold.length == 0 ? 0 : correct / (double) gold.length;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new double[] {precision, recall, f1, gold.length == 0 ? 0 : made / (double) gold.length};
    }

    private static Object[] best(Model<Label> m, Prepared p) {
        if (p.candidates().isEmpty()) {
            return new Object[] {null, 0.0};
        }
        List<Example<Label>> ex = new ArrayList<>();
        for (SpanCandidate c : p.candidates()) {
            ex.add(AttributeExtractor.example(p.tokens(), c, p.product(), null));
        }
        double[] probs = AttributeExtractor.probabilities(m, ex);
        int bi = 0;
        for (int i = 1; i < probs.length; i++) {
            if (probs[i] > probs[bi]) {
                bi = i;
            }
        }
        return new Object[] {p.candidates().get(bi).entry().value(), probs[bi]};
    }

    private Model<Label> selfTrain(Model<Label> start, List<Prepared> train, List<Prepared> unlabelled, long seed, int[] pseudoCount,
            ProgressMonitor monitor) {
        Model<Label> m = start;
        for (int round = 0; round < SELF_TRAINING_ROUNDS; round++) {
            monitor.checkCancelled();
            List<Example<Label>> pseudo = new ArrayList<>();
            int added = 0;
            for (Prepared p : unlabelled) {
                if (p.candidates().isEmpty()) {
                    continue;
                }
                List<Example<Label>> ex = new ArrayList<>();
                for (SpanCandidate c : p.candidates()) {
                    ex.add(AttributeExtractor.example(p.tokens(), c, p.product(), null));
                }
                double[] probs = AttributeExtractor.probabilities(m, ex);
                int bi = 0;
                double max = 0;
                for (int i = 0; i < probs.length; i++) {
                    if (probs[i] > probs[bi]) {
                        bi = i;
                    }
                    max = Math.max(max, probs[i]);
                }
                if (max >= PSEUDO_POSITIVE) {
                    for (int i = 0; i < probs.length; i++) {
                        pseudo.add(AttributeExtractor.example(p.tokens(), p.candidates().get(i), p.product(), i == bi));
                    }
                    added++;
                } else if (max <= PSEUDO_NEGATIVE) {
                    for (int i = 0; i < probs.length; i++) {
                        pseudo.add(AttributeExtractor.example(p.tokens(), p.candidates().get(i), p.product(), false));
                    }
                    added++;
                }
            }
            pseudoCount[0] = added;
            if (pseudo.isEmpty()) {
                break;
            }
            m = fit(train, pseudo, seed);
        }
        return m;
    }

    private static Model<Label> fit(List<Prepared> train, List<Example<Label>> extra, long seed) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance(
                "catalog titles with their filled attribute values (+ confident self-training labels)", factory), factory);
        for (Prepared p : train) {
            for (SpanCandidate c : p.candidates()) {
                ds.add(AttributeExtractor.example(p.tokens(), c, p.product(), c.entry().value().equals(p.gold())));
            }
        }
        for (Example<Label> e : extra) {
            ds.add(e);
        }
        if (ds.getOutputInfo().size() < 2) {
            ds.add(syntheticOpposite(ds));
        }
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 10, 1_000_000, 1, seed).train(ds);
    }

    /** A single bias-only example of the missing class, so the classifier always knows both outcomes. */
    private static Example<Label> syntheticOpposite(MutableDataset<Label> ds) {
        boolean hasYes = ds.getOutputInfo().getDomain().contains(new Label(AttributeExtractor.YES));
        return new org.tribuo.impl.ArrayExample<>(new Label(hasYes ? AttributeExtractor.NO : AttributeExtractor.YES),
                new String[] {"bias"}, new double[] {1.0});
    }
}
