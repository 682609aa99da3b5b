package in.workbench.analytics.catalog;

import java.io.Serial;
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
    private final double threshold;

    AttributeExtractor(AttributeVocabulary vocabulary, Model<Label> model, double threshold) {
        this.vocabulary = vocabulary;
        this.model = model;
        this.threshold = threshold;
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
        double[] probs = probabilities(model, examples);
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
