package in.workbench.analytics.catalog;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A title split into word tokens with their character offsets. A token is a run of letters, digits
 * and combining marks, so Devanagari words ("नीला") stay whole; everything else separates tokens.
 *
 * <p>Immutable and thread-safe.
 */
public final class TitleTokens implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    /** Titles longer than this are read only up to here (a 2,000-character title is mostly noise). */
    public static final int MAX_CHARS = 600;

    /** One token: its lower-case text, and where it stands in the title. */
    public record Token(String text, String surface, int start, int end) implements Serializable {
    }

    private final String title;
    private final List<Token> tokens;

    private TitleTokens(String title, List<Token> tokens) {
        this.title = title;
        this.tokens = tokens;
    }

    /** Tokenises {@code title}; null or blank gives no tokens. */
    public static TitleTokens of(String title) {
        String t = title == null ? "" : title;
        List<Token> out = new ArrayList<>();
        int n = Math.min(t.length(), MAX_CHARS);
        int i = 0;
        while (i < n) {
            int cp = t.codePointAt(i);
            if (isWordChar(cp)) {
                int start = i;
                while (i < n && isWordChar(t.codePointAt(i))) {
                    i += Character.charCount(t.codePointAt(i));
                }
                String surface = t.substring(start, i);
                out.add(new Token(surface.toLowerCase(Locale.ROOT), surface, start, i));
            } else {
                i += Character.charCount(cp);
            }
        }
        return new TitleTokens(t, List.copyOf(out));
    }

    private static boolean isWordChar(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    public String title() {
        return title;
    }

    public List<Token> tokens() {
        return tokens;
    }

    public int size() {
        return tokens.size();
    }

    /** The token at {@code i}, or a boundary marker outside the title. */
    public String textAt(int i) {
        if (i < 0) {
            return "<s>";
        }
        if (i >= tokens.size()) {
            return "</s>";
        }
        return tokens.get(i).text();
    }

    /** The nearest non-space character before offset {@code pos}, or "^" at the start. */
    public String punctuationBefore(int pos) {
        for (int i = pos - 1; i >= 0; i--) {
            char c = title.charAt(i);
            if (!Character.isWhitespace(c)) {
                return Character.isLetterOrDigit(c) ? "w" : String.valueOf(c);
            }
        }
        return "^";
    }

    /** The nearest non-space character from offset {@code pos} on, or "$" at the end. */
    public String punctuationAfter(int pos) {
        for (int i = pos; i < title.length(); i++) {
            char c = title.charAt(i);
            if (!Character.isWhitespace(c)) {
                return Character.isLetterOrDigit(c) ? "w" : String.valueOf(c);
            }
        }
        return "$";
    }
}
