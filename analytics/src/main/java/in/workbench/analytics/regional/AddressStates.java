package in.workbench.analytics.regional;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.AddressParts;
import in.workbench.analytics.geo.IndianState;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides which state an address is counted in for the regional charts, and says how.
 *
 * <p>In order: the address's state column when it names a state (codes and old names included);
 * the state column with a spelling mistake corrected (at most one or two letters off a state's
 * name, and only when one state is that close); the pincode, through {@link AddressParser} and the
 * postal directory (in the text or the pincode column); a state named in the address text. An
 * address with none of these goes to the explicit {@link #UNKNOWN} bucket with the reason
 * {@link Source#NO_STATE}. Shipments whose address is not imported yet are {@link Source#NOT_IMPORTED}.
 *
 * <p>The pincode comes before the text because a state written in the text is found by scanning
 * for state names and codes, which can misfire on short codes; a pincode that exists is a fact
 * about the place. Thread-safe: the parser is immutable.
 */
public final class AddressStates {

    /** The state name of addresses (and shipments) whose state cannot be resolved. */
    public static final String UNKNOWN = "Unknown";

    /** How an address's state was found; the {@code label} is stored and shown. */
    public enum Source {
        /** The state column names a state. */
        STATE_COLUMN("state column"),
        /** The state column, one or two letters off a state's name, corrected. */
        CORRECTED_SPELLING("state column, spelling corrected"),
        /** The pincode (text or column) is in the postal directory. */
        PINCODE("pincode"),
        /** A state named in the address text. */
        ADDRESS_TEXT("address text"),
        /** No state written anywhere and no known pincode. */
        NO_STATE("no state and no known pincode"),
        /** The shipment's address is not imported yet. */
        NOT_IMPORTED("address not imported yet");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        /** The stored, shown wording. */
        public String label() {
            return label;
        }
    }

    /**
     * Where an address is counted.
     *
     * @param state the state's display name, or {@link #UNKNOWN}
     * @param source how it was found
     */
    public record Resolution(String state, Source source) {
    }

    private final AddressParser parser;
    private final List<String[]> stateKeys = new ArrayList<>();

    public AddressStates(AddressParser parser) {
        this.parser = parser;
        for (IndianState s : IndianState.values()) {
            stateKeys.add(new String[] {key(s.displayName()), s.displayName()});
            if (!s.directoryName().equals(s.displayName())) {
                stateKeys.add(new String[] {key(s.directoryName()), s.displayName()});
            }
        }
    }

    /** Resolves one address from its columns as imported (any of them may be null). */
    public Resolution resolve(String addressText, String city, String stateColumn, String pincode) {
        var written = IndianState.resolve(stateColumn);
        if (written.isPresent()) {
            return new Resolution(written.get().displayName(), Source.STATE_COLUMN);
        }
        String corrected = correctSpelling(stateColumn);
        if (corrected != null) {
            return new Resolution(corrected, Source.CORRECTED_SPELLING);
        }
        AddressParts parts = parser.parse(addressText, city, null, pincode);
        if (parts.pincodeExists() && parts.pincodeState() != null) {
            return new Resolution(parts.pincodeState().displayName(), Source.PINCODE);
        }
        if (parts.statedState() != null) {
            return new Resolution(parts.statedState().displayName(), Source.ADDRESS_TEXT);
        }
        return new Resolution(UNKNOWN, Source.NO_STATE);
    }

    /** The state a misspelt name means, or null when none (or more than one) is close enough. */
    String correctSpelling(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String k = key(text);
        if (k.length() < 4) {
            return null;
        }
        int allowed = k.length() >= 8 ? 2 : 1;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String[] candidate : stateKeys) {
            int d = distance(k, candidate[0], allowed);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate[1];
                tie = false;
            } else if (d == bestDistance && !candidate[1].equals(best)) {
                tie = true;
            }
        }
        return bestDistance <= allowed && !tie ? best : null;
    }

    private static String key(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace("&", " and ")
                .replaceAll("[^\\p{L}]+", "");
    }

    /** Levenshtein distance, giving up (returning limit + 1) once it must exceed {@code limit}. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
