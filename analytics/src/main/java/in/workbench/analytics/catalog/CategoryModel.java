package in.workbench.analytics.catalog;

import java.io.Serial;
import in.workbench.analytics.workspace.TribuoModelFormat;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * The category check's classifier: reads a title (words and word pairs) and says which
 * "Category / Subcategory" it belongs to, with a probability.
 *
 * <p>Immutable after training; thread-safe. Serialisable.
 */
public final class CategoryModel implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    static final String SEPARATOR = " / ";

    private final Model<Label> model;
    private final double flagThreshold;

    CategoryModel(Model<Label> model, double flagThreshold) {
        this.model = model;
        this.flagThreshold = flagThreshold;
    }

    /** The model as saved: the classifier in Tribuo's protobuf form and the flag threshold (docs/model-files.md). */
    record Document(String classifier, double flagThreshold) {
    }

    Document document() {
        return new Document(TribuoModelFormat.write(model), flagThreshold);
    }

    static CategoryModel of(Document d) {
        return new CategoryModel(TribuoModelFormat.read(d.classifier(), Label.class), d.flagThreshold());
    }

    /** The category the model would choose, and how sure it is. */
    public record Choice(String category, String subcategory, double confidence) {
        /** "Category / Subcategory". */
        public String label() {
            return subcategory == null || subcategory.isEmpty() ? category : category + SEPARATOR + subcategory;
        }
    }

    /** A product is flagged when the model chooses another subcategory with at least this probability. */
    public double flagThreshold() {
        return flagThreshold;
    }

    public Model<Label> tribuoModel() {
        return model;
    }

    /** The model's choice for each title. */
    public List<Choice> choose(List<String> titles) {
        List<Example<Label>> ex = new ArrayList<>(titles.size());
        for (String t : titles) {
            ex.add(example(t, null));
        }
        return choose(model, ex);
    }

    static List<Choice> choose(Model<Label> model, List<Example<Label>> ex) {
        List<Choice> out = new ArrayList<>(ex.size());
        if (ex.isEmpty()) {
            return out;
        }
        for (Prediction<Label> p : model.predict(ex)) {
            Label best = p.getOutput();
            Map<String, Label> scores = p.getOutputScores();
            double conf = scores.containsKey(best.getLabel()) ? scores.get(best.getLabel()).getScore() : best.getScore();
            String[] parts = best.getLabel().split(SEPARATOR, 2);
            out.add(new Choice(parts[0], parts.length > 1 ? parts[1] : "", conf));
        }
        return out;
    }

    static String label(String category, String subcategory) {
        return subcategory == null || subcategory.isBlank() ? category.trim() : category.trim() + SEPARATOR + subcategory.trim();
    }

    static Example<Label> example(String title, String label) {
        List<TitleTokens.Token> toks = TitleTokens.of(title).tokens();
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.add("bias");
        String prev = "<s>";
        for (TitleTokens.Token t : toks) {
            names.add("w=" + t.text());
            names.add("b=" + prev + "_" + t.text());
            prev = t.text();
        }
        String[] n = names.toArray(new String[0]);
        double[] v = new double[n.length];
        java.util.Arrays.fill(v, 1.0);
        return new ArrayExample<>(label == null ? LabelFactory.UNKNOWN_LABEL : new Label(label), n, v);
    }
}
