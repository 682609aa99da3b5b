package in.workbench.analytics.catalog;

import java.io.Serial;
import in.workbench.analytics.workspace.TribuoModelFormat;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * Reads one attribute (colour or material) from product titles: finds the vocabulary's phrases in
 * the title and lets a Tribuo classifier, trained on the catalog's own filled values, decide in
 * context which candidate (if any) names the product's value.
 *
 * <p>Immutable after training; thread-safe for extraction. Serialisable (saved with the workspace's
 * models).
 */
public final class AttributeExtractor implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    static final String YES = "value";
    static final String NO = "not_value";

    private final AttributeVocabulary vocabulary;
    private final Model<Label> model;
    private final List<Model<Label>> foldModels;
    private final long seed;
    private final double threshold;

    AttributeExtractor(AttributeVocabulary vocabulary, Model<Label> model, List<Model<Label>> foldModels, long seed, double threshold) {
        this.vocabulary = vocabulary;
        this.model = model;
        this.foldModels = List.copyOf(foldModels);
        this.seed = seed;
        this.threshold = threshold;
    }

    /** The extractor as saved: its vocabulary, and its models in Tribuo's protobuf form (docs/model-files.md). */
    record Document(String attribute, List<AttributeVocabulary.Entry> vocabulary, String model, List<String> foldModels, long seed,
            double threshold) {
    }

    Document document() {
        return new Document(vocabulary.attribute(), vocabulary.entries(), TribuoModelFormat.write(model),
                foldModels.stream().map(TribuoModelFormat::write).toList(), seed, threshold);
    }

    static AttributeExtractor of(Document d) {
        return new AttributeExtractor(AttributeVocabulary.of(d.attribute(), d.vocabulary()), TribuoModelFormat.read(d.model(), Label.class),
                d.foldModels().stream().map(m -> TribuoModelFormat.read(m, Label.class)).toList(), d.seed(), d.threshold());
    }

    /** The cross-validation fold of a product: fixed by its id and the seed, so it is the same at training and extraction. */
    static int fold(String productId, long seed, int folds) {
        long h = seed * 0x9E3779B97F4A7C15L ^ (productId == null ? 0 : productId.hashCode());
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return (int) Math.floorMod(h, (long) folds);
    }

    /**
     * The model that reads {@code p}: a product whose attribute is filled taught the full model, so it is
     * read by the model of its cross-validation fold, which never saw it (a contradiction in its own
     * title is then judged without its own label); a product with a blank attribute by the full model.
     */
    Model<Label> modelFor(CatalogProduct p) {
        if (foldModels.isEmpty() || p.attribute(attribute()).isEmpty()) {
            return model;
        }
        return foldModels.get(fold(p.productId(), seed, foldModels.size()));
    }

    /** A value read from a title: what it is, how sure the model is, and where the phrase stands. */
    public record Extraction(String attribute, String value, String family, double confidence, int start, int end, String phrase) {
    }

    /** A candidate phrase with the model's probability that it names the product's value. */
    public record ScoredCandidate(SpanCandidate candidate, double probability) {
    }

    public String attribute() {
        return vocabulary.attribute();
    }

    public AttributeVocabulary vocabulary() {
        return vocabulary;
    }

    /** A candidate is extracted when its probability reaches this. */
    public double threshold() {
        return threshold;
    }

    /** The underlying Tribuo model; its provenance records the data and the trainer with its seed. */
    public Model<Label> tribuoModel() {
        return model;
    }

    /** The most probable candidate of the title if it reaches the threshold. */
    public Optional<Extraction> extract(CatalogProduct p) {
        return best(p, scored(p));
    }

    Optional<Extraction> best(CatalogProduct p, List<ScoredCandidate> scored) {
        return scored.stream().max(Comparator.comparingDouble(ScoredCandidate::probability)).filter(s -> s.probability() >= threshold)
                .map(s -> new Extraction(attribute(), s.candidate().entry().value(), s.candidate().entry().family(), s.probability(),
                        s.candidate().start(), s.candidate().end(), p.title().substring(s.candidate().start(), s.candidate().end())));
    }

    /** The extraction of each product (empty where none), predicted in one batch per model. */
    public List<Optional<Extraction>> extractAll(List<CatalogProduct> products) {
        java.util.Map<Model<Label>, List<Integer>> byModel = new java.util.IdentityHashMap<>();
        List<List<SpanCandidate>> candidates = new ArrayList<>(products.size());
        List<TitleTokens> tokens = new ArrayList<>(products.size());
        for (int i = 0; i < products.size(); i++) {
            TitleTokens t = TitleTokens.of(products.get(i).title());
            tokens.add(t);
            List<SpanCandidate> c = vocabulary.candidates(t);
            candidates.add(c);
            if (!c.isEmpty()) {
                byModel.computeIfAbsent(modelFor(products.get(i)), m -> new ArrayList<>()).add(i);
            }
        }
        List<Optional<Extraction>> out = new ArrayList<>(java.util.Collections.nCopies(products.size(), Optional.<Extraction>empty()));
        for (java.util.Map.Entry<Model<Label>, List<Integer>> e : byModel.entrySet()) {
            List<Example<Label>> examples = new ArrayList<>();
            for (int i : e.getValue()) {
                for (SpanCandidate c : candidates.get(i)) {
                    examples.add(example(tokens.get(i), c, products.get(i), null));
                }
            }
            double[] probs = probabilities(e.getKey(), examples);
            int k = 0;
            for (int i : e.getValue()) {
                List<ScoredCandidate> scored = new ArrayList<>();
                for (SpanCandidate c : candidates.get(i)) {
                    scored.add(new ScoredCandidate(c, probs[k++]));
                }
                out.set(i, best(products.get(i), scored));
            }
        }
        return out;
    }

    /** Every candidate of the title with its probability. */
    public List<ScoredCandidate> scored(CatalogProduct p) {
        TitleTokens t = TitleTokens.of(p.title());
        List<SpanCandidate> cands = vocabulary.candidates(t);
        if (cands.isEmpty()) {
            return List.of();
        }
        List<Example<Label>> examples = new ArrayList<>(cands.size());
        for (SpanCandidate c : cands) {
            examples.add(example(t, c, p, null));
        }
        double[] probs = probabilities(modelFor(p), examples);
        List<ScoredCandidate> out = new ArrayList<>(cands.size());
        for (int i = 0; i < cands.size(); i++) {
            out.add(new ScoredCandidate(cands.get(i), probs[i]));
        }
        return out;
    }

    static Example<Label> example(TitleTokens t, SpanCandidate c, CatalogProduct p, Boolean isValue) {
        Label label = isValue == null ? LabelFactory.UNKNOWN_LABEL : new Label(isValue ? YES : NO);
        LinkedHashSet<String> names = new LinkedHashSet<>(SpanFeatures.of(t, c, p));
        String[] n = names.toArray(new String[0]);
        double[] v = new double[n.length];
        java.util.Arrays.fill(v, 1.0);
        return new ArrayExample<>(label, n, v);
    }

    static double[] probabilities(Model<Label> model, List<Example<Label>> examples) {
        double[] out = new double[examples.size()];
        if (examples.isEmpty()) {
            return out;
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        for (int i = 0; i < out.length; i++) {
            Label l = predictions.get(i).getOutputScores().get(YES);
            out[i] = l == null ? 0 : l.getScore();
        }
        return out;
    }
}
