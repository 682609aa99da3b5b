package in.workbench.analytics.address;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the phrase of an address most similar to one of a pincode's post offices: the best Dice
 * similarity of character bigrams between any phrase of one to three words (at least four
 * characters, not starting with a digit) and any office name, with the first best office.
 *
 * <p>It returns exactly what comparing every phrase with every office would, faster: a phrase that
 * is an office's name is found by a hash lookup (similarity 1, nothing can beat it), and an office
 * is compared only when the length bound of Dice, {@code 2·min(m, n) / (m + n)} for bigram counts
 * {@code m} and {@code n}, says it could beat the best so far. Immutable and thread-safe.
 */
final class OfficeMatcher {

    /** The best office for an address: its name (null when no phrase shares a bigram with any) and the similarity. */
    record Match(String office, double similarity) {
        static final Match NONE = new Match(null, 0);
    }

    private final String[] offices;
    private final int[][] bigrams;
    private final Map<String, String> byName = new HashMap<>();

    OfficeMatcher(List<String> officeKeys) {
        offices = officeKeys.toArray(String[]::new);
        bigrams = new int[offices.length][];
        for (int k = 0; k < offices.length; k++) {
            bigrams[k] = Similarity.bigrams(offices[k]);
            if (bigrams[k].length > 0) {
                byName.putIfAbsent(offices[k], offices[k]);
            }
        }
    }

    /** The pincode's office names, in directory order. */
    List<String> offices() {
        return List.of(offices);
    }

    /** True when this is one of the offices' names (normalised). */
    boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** The best match among the phrases of the address's lower-case words. */
    Match best(List<String> tokens) {
        int count = tokens.size();
        String[] phrases = new String[count * 3];
        int n = 0;
        for (int i = 0; i < count; i++) {
            String phrase = null;
            for (int w = 0; w < 3 && i + w < count; w++) {
                phrase = w == 0 ? tokens.get(i) : phrase + " " + tokens.get(i + w);
                if (phrase.length() >= 4 && !Character.isDigit(phrase.charAt(0))) {
                    phrases[n++] = phrase;
                }
            }
        }
        for (int p = 0; p < n; p++) {
            String exact = byName.get(phrases[p]);
            if (exact != null) {
                return new Match(exact, 1.0);
            }
        }
        double best = 0;
        String matched = null;
        for (int p = 0; p < n; p++) {
            int[] x = Similarity.bigrams(phrases[p]);
            int m = x.length;
            for (int k = 0; k < offices.length; k++) {
                int[] y = bigrams[k];
                if (2.0 * Math.min(m, y.length) / (m + y.length) <= best) {
                    continue;
                }
                double s = Similarity.dice(x, y);
                if (s > best) {
                    best = s;
                    matched = offices[k];
                }
            }
        }
        return matched == null ? Match.NONE : new Match(matched, best);
    }
}
