package in.workbench.analytics.address;

/**
 * String similarity for spelling variants of Indian place names: the Dice coefficient of
 * character bigrams ("malleshwaram" and "malleswaram" score 0.86). Stateless and thread-safe.
 */
final class Similarity {

    private Similarity() {
    }

    /** Dice coefficient of the two strings' character bigrams, 0–1. */
    static double dice(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        if (a.length() < 2 || b.length() < 2) {
            return 0;
        }
        return dice(bigrams(a), bigrams(b));
    }

    /** Dice coefficient of two sorted bigram arrays from {@link #bigrams}. */
    static double dice(int[] x, int[] y) {
        if (x.length == 0 || y.length == 0) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * common / (x.length + y.length);
    }

    /** The sorted character bigrams of a string (empty for strings shorter than two). */
    static int[] bigrams(String s) {
        int[] out = new int[Math.max(0, s.length() - 1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (s.charAt(i) << 16) | s.charAt(i + 1);
        }
        java.util.Arrays.sort(out);
        return out;
    }
}
