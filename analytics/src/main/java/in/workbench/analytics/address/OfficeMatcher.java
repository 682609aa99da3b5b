package in.workbench.analytics.address;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the phrase of an address most similar to one of a pincode's post offices: the best Dice
 * similarity of character bigrams between any phrase of one to three words (at least four
 * characters, not starting with a digit) and any office name, with the first best office.
 *
 * <p>It returns exactly what comparing every phrase with every office would, faster: a phrase that
 * is an office's name is found by a hash lookup (similarity 1, nothing can beat it); otherwise an
 * index from each bigram to the offices containing it (and how often) counts, in one pass over a
 * phrase's bigrams, the bigrams it shares with every office. Most phrases of an address share
 * nothing with the offices, and cost a few table lookups. Immutable and thread-safe.
 */
final class OfficeMatcher {

    /** The best office for an address: its name (null when no phrase shares a bigram with any) and the similarity. */
    record Match(String office, double similarity) {
        static final Match NONE = new Match(null, 0);
    }

    private final String[] offices;
    /** How many bigrams each office has. */
    private final int[] sizes;
    private final Map<String, String> byName = new HashMap<>();
    /** Open addressing: bigram (never 0) to its index into {@link #postingStart}; 0 marks an empty slot. */
    private final int[] tableKeys;
    private final int[] tableValues;
    private final int mask;
    /** The offices containing bigram {@code q} are {@code postingOffice[postingStart[q] .. postingStart[q + 1])}, with their counts. */
    private final int[] postingStart;
    private final int[] postingOffice;
    private final int[] postingCount;

    OfficeMatcher(List<String> officeKeys) {
        offices = officeKeys.toArray(String[]::new);
        sizes = new int[offices.length];
        Map<Integer, List<int[]>> postings = new HashMap<>();
        for (int k = 0; k < offices.length; k++) {
            int[] b = Similarity.bigrams(offices[k]);
            sizes[k] = b.length;
            if (b.length > 0) {
                byName.putIfAbsent(offices[k], offices[k]);
            }
            for (int i = 0; i < b.length; ) {
                int j = i;
                while (j < b.length && b[j] == b[i]) {
                    j++;
                }
                postings.computeIfAbsent(b[i], x -> new ArrayList<>()).add(new int[] {k, j - i});
                i = j;
            }
        }
        int capacity = Integer.highestOneBit(Math.max(4, postings.size() * 2 + 1)) << 1;
        tableKeys = new int[capacity];
        tableValues = new int[capacity];
        mask = capacity - 1;
        postingStart = new int[postings.size() + 1];
        int total = postings.values().stream().mapToInt(List::size).sum();
        postingOffice = new int[total];
        postingCount = new int[total];
        int q = 0;
        int at = 0;
        for (Map.Entry<Integer, List<int[]>> e : postings.entrySet()) {
            int slot = slot(e.getKey());
            while (tableKeys[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            tableKeys[slot] = e.getKey();
            tableValues[slot] = q;
            postingStart[q] = at;
            for (int[] p : e.getValue()) {
                postingOffice[at] = p[0];
                postingCount[at] = p[1];
                at++;
            }
            q++;
        }
        postingStart[q] = at;
    }

    private int slot(int bigram) {
        return (bigram * 0x9E3779B1) >>> 7 & mask;
    }

    /** The index of a bigram's postings, or -1 when no office has it. */
    private int find(int bigram) {
        if (bigram == 0) {
            return -1;
        }
        int slot = slot(bigram);
        while (true) {
            int k = tableKeys[slot];
            if (k == bigram) {
                return tableValues[slot];
            }
            if (k == 0) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
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
        int[] common = new int[offices.length];
        for (int p = 0; p < n; p++) {
            int[] x = Similarity.bigrams(phrases[p]);
            boolean any = false;
            for (int i = 0; i < x.length; ) {
                int j = i;
                while (j < x.length && x[j] == x[i]) {
                    j++;
                }
                int q = find(x[i]);
                if (q >= 0) {
                    int mine = j - i;
                    for (int e = postingStart[q]; e < postingStart[q + 1]; e++) {
                        common[postingOffice[e]] += Math.min(mine, postingCount[e]);
                    }
                    any = true;
                }
                i = j;
            }
            if (!any) {
                continue;
            }
            // offices in directory order, so that the first of equally similar offices wins, as in a plain loop
            for (int k = 0; k < offices.length; k++) {
                if (common[k] > 0) {
                    double s = 2.0 * common[k] / (x.length + sizes[k]);
                    if (s > best) {
                        best = s;
                        matched = offices[k];
                    }
                    common[k] = 0;
                }
            }
        }
        return matched == null ? Match.NONE : new Match(matched, best);
    }
}
