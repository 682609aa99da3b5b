package in.workbench.analytics.network;

import java.util.Locale;
import java.util.Optional;

/** The radio a session used, as sessions.csv spells it ({@code 2g} … {@code wifi}). */
public enum NetworkType {
    G2("2g"), G3("3g"), G4("4g"), G5("5g"), WIFI("wifi");

    private final String code;

    NetworkType(String code) {
        this.code = code;
    }

    /** The file's spelling. */
    public String code() {
        return code;
    }

    /** The type spelled {@code text} (case-insensitive), if it is one. */
    public static Optional<NetworkType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (NetworkType n : values()) {
            if (n.code.equals(t)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}
