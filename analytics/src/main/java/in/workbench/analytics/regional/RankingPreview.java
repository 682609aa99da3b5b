package in.workbench.analytics.regional;

import in.workbench.analytics.workspace.Workspace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A preview of how a search would rank products for shoppers in one state: text match, the
 * state's regional popularity and delivery speed, each with a weight, next to the national
 * ranking of the same products with the same weights.
 *
 * <p>Factors, each scaled to 0–1 over the matching products:
 * <ul>
 * <li>text: the share of query words found in the title (a word found only in the subcategory or
 * category counts half; plural "s"/"es" is ignored);</li>
 * <li>popularity: the product's national share of orders times its subcategory's shrunk lift in
 * the state ({@link RegionalPreferences}); nationally the lift is 1;</li>
 * <li>speed: mean actual delivery days of the product to the state, shrunk toward the state's mean
 * with {@link #SPEED_PRIOR_SHIPMENTS} pseudo-shipments; fewer days score higher.</li>
 * </ul>
 * Thread-safe: immutable; each call reads the aggregates afresh.
 */
public final class RankingPreview {

    /** Pseudo-shipments that pull a product's mean delivery days toward its state's mean. */
    public static final double SPEED_PRIOR_SHIPMENTS = 5;
    private static final int MAX_CANDIDATES = 5_000;

    /**
     * The weight of each factor (any non-negative numbers; they are normalised).
     *
     * @param text weight of the text match
     * @param popularity weight of the regional popularity
     * @param speed weight of the delivery speed
     */
    public record Weights(double text, double popularity, double speed) {

        /** Equal weights. */
        public static Weights equal() {
            return new Weights(1, 1, 1);
        }

        double sum() {
            double s = text + popularity + speed;
            return s <= 0 ? 1 : s;
        }
    }

    /**
     * One product's place in the ranking.
     *
     * @param rank its rank for the state (1 = first)
     * @param nationalRank its rank nationally with the same weights
     * @param productId the product
     * @param title its title
     * @param subcategory its subcategory
     * @param text the text factor, 0–1
     * @param popularity the regional popularity factor, 0–1
     * @param speed the delivery speed factor, 0–1
     * @param days the shrunk mean delivery days to the state
     * @param lift the subcategory's shrunk lift in the state
     * @param score the weighted score, 0–1
     */
    public record Ranked(int rank, int nationalRank, String productId, String title, String subcategory, double text,
            double popularity, double speed, double days, double lift, double score) {

        /** Places gained against the national ranking (positive: ranked higher in the state). */
        public int rankChange() {
            return nationalRank - rank;
        }
    }

    private final Workspace workspace;

    public RankingPreview(Workspace workspace) {
        this.workspace = workspace;
    }

    private static final class Candidate {
        String id;
        String title;
        String subcategory;
        String category;
        long nationalOrders;
        long nationalTimed;
        long nationalActual;
        long stateTimed;
        long stateActual;
        double text;
        double[] state = new double[3];
        double[] nation = new double[3];
        double stateDays;
        double lift;
        double stateScore;
        double nationScore;
        int stateRank;
        int nationRank;
    }

    /**
     * Ranks the products matching {@code query} for shoppers in {@code state}.
     *
     * @param limit how many to return (the rest are ranked but not returned)
     */
    public List<Ranked> rank(String query, String state, Weights weights, RegionalPreferences preferences, DeliverySpeed speed,
            int limit) {
        List<String> words = words(query);
        if (words.isEmpty()) {
            return List.of();
        }
        List<Candidate> candidates = candidates(words, state);
        if (candidates.isEmpty()) {
            return List.of();
        }
        double nationalMean = speed.national().meanActual();
        double stateMean = speed.byState().stream().filter(s -> s.state().equals(state)).findFirst()
                .map(DeliverySpeed.Speed::meanActual).orElse(nationalMean);
        if (Double.isNaN(nationalMean)) {
            nationalMean = 0;
        }
        if (Double.isNaN(stateMean)) {
            stateMean = nationalMean;
        }
        long totalOrders = Math.max(1, candidates.stream().mapToLong(c -> c.nationalOrders).sum());
        double[] statePop = new double[candidates.size()];
        double[] nationPop = new double[candidates.size()];
        double[] stateDays = new double[candidates.size()];
        double[] nationDays = new double[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            double share = (c.nationalOrders + 0.5) / totalOrders;
            RegionalPreferences.Lift l = c.subcategory == null ? null : preferences.lift(state, c.subcategory);
            c.lift = l == null ? 1 : l.lift();
            statePop[i] = share * c.lift;
            nationPop[i] = share;
            stateDays[i] = (c.stateActual + SPEED_PRIOR_SHIPMENTS * stateMean) / (c.stateTimed + SPEED_PRIOR_SHIPMENTS);
            nationDays[i] = (c.nationalActual + SPEED_PRIOR_SHIPMENTS * nationalMean) / (c.nationalTimed + SPEED_PRIOR_SHIPMENTS);
            c.stateDays = stateDays[i];
        }
        scaleHigherBetter(statePop);
        scaleHigherBetter(nationPop);
        scaleFewerBetter(stateDays);
        scaleFewerBetter(nationDays);
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            c.state = new double[] {c.text, statePop[i], stateDays[i]};
            c.nation = new double[] {c.text, nationPop[i], nationDays[i]};
            c.stateScore = score(c.state, weights);
            c.nationScore = score(c.nation, weights);
        }
        List<Candidate> byNation = new ArrayList<>(candidates);
        byNation.sort(Comparator.comparingDouble((Candidate c) -> -c.nationScore).thenComparing(c -> c.id));
        for (int i = 0; i < byNation.size(); i++) {
            byNation.get(i).nationRank = i + 1;
        }
        List<Candidate> byState = new ArrayList<>(candidates);
        byState.sort(Comparator.comparingDouble((Candidate c) -> -c.stateScore).thenComparing(c -> c.id));
        List<Ranked> out = new ArrayList<>();
        for (int i = 0; i < byState.size() && i < limit; i++) {
            Candidate c = byState.get(i);
            out.add(new Ranked(i + 1, c.nationRank, c.id, c.title, c.subcategory, c.state[0], c.state[1], c.state[2], c.stateDays,
                    c.lift, c.stateScore));
        }
        return out;
    }

    private static double score(double[] f, Weights w) {
        return (w.text() * f[0] + w.popularity() * f[1] + w.speed() * f[2]) / w.sum();
    }

    private static void scaleHigherBetter(double[] v) {
        double max = Arrays.stream(v).max().orElse(0);
        for (int i = 0; i < v.length; i++) {
            v[i] = max <= 0 ? 0 : v[i] / max;
        }
    }

    private static void scaleFewerBetter(double[] v) {
        double min = Arrays.stream(v).min().orElse(0);
        double max = Arrays.stream(v).max().orElse(0);
        for (int i = 0; i < v.length; i++) {
            v[i] = max - min < 1e-9 ? 1 : (max - v[i]) / (max - min);
        }
    }

    /** The query's words, lower case, without a plural ending. */
    static List<String> words(String query) {
        if (query == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String w : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() < 2) {
                continue;
            }
            String stem = w.endsWith("es") && w.length() > 4 && !w.endsWith("ees") ? w.substring(0, w.length() - 2)
                    : w.endsWith("s") && w.length() > 3 ? w.substring(0, w.length() - 1) : w;
            out.add(stem);
        }
        return out;
    }

    private List<Candidate> candidates(List<String> words, String state) {
        List<Candidate> out = new ArrayList<>();
        for (RegionalStore.MatchingProduct p : RegionalStore.matchingProducts(workspace, words, state, MAX_CANDIDATES)) {
            Candidate cand = new Candidate();
            cand.id = p.productId();
            cand.title = p.title();
            cand.subcategory = p.subcategory();
            cand.category = p.category();
            cand.nationalOrders = p.nationalOrders();
            cand.nationalTimed = p.nationalTimed();
            cand.nationalActual = p.nationalActual();
            cand.stateTimed = p.stateTimed();
            cand.stateActual = p.stateActual();
            cand.text = textMatch(words, cand);
            out.add(cand);
        }
        return out;
    }

    private static double textMatch(List<String> words, Candidate c) {
        String title = c.title.toLowerCase(Locale.ROOT);
        String rest = ((c.subcategory == null ? "" : c.subcategory) + " " + c.category).toLowerCase(Locale.ROOT);
        double sum = 0;
        for (String w : words) {
            sum += title.contains(w) ? 1 : rest.contains(w) ? 0.5 : 0;
        }
        return sum / words.size();
    }
}
