package in.workbench.analytics.segmentation;

import in.workbench.analytics.address.AddressParser.Token;
import java.util.List;

/**
 * What an address can be, applied to the segmenter's labels: a pincode is six digits (or a
 * mistyped five or seven, or "560 003" written in two), with its cue word ("PIN 560001"), and an
 * address has one; a city, district or state has no digits. A token the model labelled against
 * these takes the label of the token before it in the same part of the text, else OTHER. Stateless
 * and thread-safe.
 */
final class SegmentRules {

    private SegmentRules() {
    }

    /** Corrects {@code labels} in place. */
    static void apply(List<Token> tokens, SegmentLabel[] labels) {
        int n = labels.length;
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = tokens.get(i).key();
        }
        boolean[] pinNumber = new boolean[n];
        for (int i = 0; i < n; i++) {
            pinNumber[i] = pinLength(keys[i]) || keys[i].length() == 7 && keys[i].charAt(3) == '-' && pinLength(keys[i].substring(0, 3)
                    + keys[i].substring(4)) || i + 1 < n && threeDigits(keys[i]) && threeDigits(keys[i + 1])
                    || i > 0 && threeDigits(keys[i - 1]) && threeDigits(keys[i]);
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] == SegmentLabel.PINCODE && !pinNumber[i] && !(CueWords.of(keys[i]) == CueWords.Kind.PINCODE
                    && nextIsPinNumber(labels, pinNumber, i))) {
                labels[i] = fallback(labels, i);
            } else if ((labels[i] == SegmentLabel.CITY || labels[i] == SegmentLabel.DISTRICT || labels[i] == SegmentLabel.STATE)
                    && hasDigit(keys[i])) {
                labels[i] = fallback(labels, i);
            }
        }
        int keepFrom = -1;
        int keepTo = -1;
        int i = 0;
        while (i < n) {
            if (labels[i] != SegmentLabel.PINCODE) {
                i++;
                continue;
            }
            int j = i;
            boolean six = false;
            while (j < n && labels[j] == SegmentLabel.PINCODE) {
                six |= keys[j].length() == 6 || threeDigits(keys[j]) || keys[j].length() == 7 && keys[j].charAt(3) == '-';
                j++;
            }
            if (keepFrom < 0 || six || !sixDigits(keys, labels, keepFrom, keepTo)) {
                keepFrom = i;
                keepTo = j;
            }
            i = j;
        }
        for (int k = 0; k < n; k++) {
            if (labels[k] == SegmentLabel.PINCODE && (k < keepFrom || k >= keepTo)) {
                labels[k] = SegmentLabel.OTHER;
            }
        }
    }

    private static boolean sixDigits(String[] keys, SegmentLabel[] labels, int from, int to) {
        for (int k = from; k < to; k++) {
            if (keys[k].length() == 6 || threeDigits(keys[k]) || keys[k].length() == 7 && keys[k].charAt(3) == '-') {
                return true;
            }
        }
        return false;
    }

    private static boolean nextIsPinNumber(SegmentLabel[] labels, boolean[] pinNumber, int i) {
        for (int j = i + 1; j < labels.length && j <= i + 2; j++) {
            if (pinNumber[j]) {
                return true;
            }
        }
        return false;
    }

    private static SegmentLabel fallback(SegmentLabel[] labels, int i) {
        if (i > 0 && labels[i - 1] != SegmentLabel.PINCODE && labels[i - 1] != SegmentLabel.CITY && labels[i - 1] != SegmentLabel.DISTRICT
                && labels[i - 1] != SegmentLabel.STATE) {
            return labels[i - 1];
        }
        return SegmentLabel.OTHER;
    }

    /** Five to seven digits, the first not zero: a pincode or a mistyped one. */
    static boolean pinLength(String k) {
        int len = k.length();
        if (len < 5 || len > 7 || k.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (k.charAt(i) < '0' || k.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean threeDigits(String k) {
        return k.length() == 3 && Character.isDigit(k.charAt(0)) && Character.isDigit(k.charAt(1)) && Character.isDigit(k.charAt(2));
    }

    private static boolean hasDigit(String k) {
        for (int i = 0; i < k.length(); i++) {
            if (Character.isDigit(k.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
