package in.workbench.analytics.address;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The character scans the parser and the deliverability features run on every address, written
 * as loops over code points rather than regular expressions (they were a third of the parse
 * time). Each method states the expression it implements; {@code ParserGoldenTest} holds them to
 * the expressions' results on thousands of addresses. Stateless and thread-safe.
 */
final class TextScan {

    private TextScan() {
    }

    /** {@code [\p{L}\p{M}\p{N}#]}: a character a word can start with. */
    static boolean wordStart(int cp) {
        if (cp < 128) {
            return cp == '#' || asciiLetter(cp) || cp >= '0' && cp <= '9';
        }
        return letterOrMark(cp) || number(cp);
    }

    private static boolean asciiLetter(int c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    /** {@code [\p{L}\p{M}\p{N}#./\-]}: a character a word can continue with. */
    static boolean wordPart(int cp) {
        return cp == '.' || cp == '/' || cp == '-' || wordStart(cp);
    }

    /** {@code [\p{L}\p{M}]}. */
    static boolean letterOrMark(int cp) {
        if (cp < 128) {
            return asciiLetter(cp);
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> true;
            default -> false;
        };
    }

    /** {@code \p{N}}. */
    static boolean number(int cp) {
        return switch (Character.getType(cp)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** {@code \d} (ASCII digits only, as in Java's patterns). */
    static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code \s}: space, tab, newline, vertical tab, form feed, carriage return. */
    static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Receives the words of a text as character ranges. */
    interface WordSink {
        void word(int start, int end);
    }

    /**
     * Every word of {@code [\p{L}\p{M}\p{N}#][\p{L}\p{M}\p{N}#./\-]*} in the text, left to
     * right, as the expression's successive matches.
     */
    static void words(String t, WordSink sink) {
        int i = 0;
        while (i < t.length()) {
            int cp = t.codePointAt(i);
            if (!wordStart(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int end = wordEnd(t, i);
            sink.word(i, end);
            i = end;
        }
    }

    /**
     * The end (exclusive) of the word that starts at {@code start}: the longest run of
     * {@link #wordPart} characters; {@code start} itself must be a {@link #wordStart}.
     */
    static int wordEnd(String t, int start) {
        int i = start;
        while (i < t.length()) {
            int cp = t.codePointAt(i);
            if (!wordPart(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /**
     * The last pincode in the text, as {@code (?<!\d)([1-9]\d{2})\s?(\d{3})(?!\d)} finds it (the last
     * of its successive matches), without the space; null when there is none.
     */
    static String lastPincode(String t) {
        String found = null;
        int n = t.length();
        int i = 0;
        while (i + 6 <= n) {
            char c = t.charAt(i);
            if (c >= '1' && c <= '9' && (i == 0 || !digit(t.charAt(i - 1))) && digit(t.charAt(i + 1)) && digit(t.charAt(i + 2))) {
                int rest = space(t.charAt(i + 3)) ? i + 4 : i + 3;
                if (rest + 3 <= n && digit(t.charAt(rest)) && digit(t.charAt(rest + 1)) && digit(t.charAt(rest + 2))
                        && (rest + 3 == n || !digit(t.charAt(rest + 3)))) {
                    found = t.substring(i, i + 3) + t.substring(rest, rest + 3);
                    i = rest + 3;
                    continue;
                }
            }
            i++;
        }
        return found;
    }

    /** {@code (?<![\d/-])(\d{5}|\d{7})(?![\d/-])} finds something: a run of five or seven digits standing alone. */
    static boolean hasFiveOrSevenDigits(String t) {
        int n = t.length();
        int i = 0;
        while (i < n) {
            if (!digit(t.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && digit(t.charAt(end))) {
                end++;
            }
            int len = end - i;
            if ((len == 5 || len == 7) && (i == 0 || !digitSlashOrDash(t.charAt(i - 1))) && (end == n || !digitSlashOrDash(t.charAt(end)))) {
                return true;
            }
            i = end;
        }
        return false;
    }

    private static boolean digitSlashOrDash(char c) {
        return digit(c) || c == '/' || c == '-';
    }

    /**
     * Could the house-number expression match? False only when the text has none of the letters
     * and signs every one of its alternatives needs ("flat", "no", "#", "plot", a leading digit),
     * so the expression itself runs only where it might match.
     */
    static boolean mayHaveHouseNumber(String t, String lower) {
        if (lower.contains("no") || lower.contains("flat") || lower.contains("plot") || t.indexOf('#') >= 0) {
            return true;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!space(c)) {
                return digit(c);
            }
        }
        return false;
    }

    /** The distinct words of {@code [\p{L}\p{M}]{2,}} in lower case, in order of first appearance. */
    static Set<String> words(String t) {
        Set<String> out = new LinkedHashSet<>();
        letterRuns(t, (start, end) -> out.add(t.substring(start, end).toLowerCase(Locale.ROOT)));
        return out;
    }

    /** Every match of {@code [\p{L}\p{M}]{2,}} in the text, left to right. */
    static void letterRuns(String t, WordSink sink) {
        int n = t.length();
        int i = 0;
        while (i < n) {
            int cp = t.codePointAt(i);
            if (!letterOrMark(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int count = 0;
            while (i < n) {
                cp = t.codePointAt(i);
                if (!letterOrMark(cp)) {
                    break;
                }
                count++;
                i += Character.charCount(cp);
            }
            if (count >= 2) {
                sink.word(start, i);
            }
        }
    }
}
