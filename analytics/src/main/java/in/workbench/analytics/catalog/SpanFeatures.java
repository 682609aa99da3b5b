package in.workbench.analytics.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The context features of a candidate span: the phrase and the value it names, the two tokens on
 * each side, the punctuation around it, its letter case and position, the vocabulary it came from,
 * whether it is part of the brand, and the product's subcategory together with the phrase (a
 * "rose" among perfumes is a scent). Stateless; thread-safe.
 */
final class SpanFeatures {

    private SpanFeatures() {
    }

    static List<String> of(TitleTokens t, SpanCandidate c, CatalogProduct p) {
        List<String> f = new ArrayList<>(24);
        String phrase = c.entry().phrase();
        f.add("bias");
        f.add("span=" + phrase);
        f.add("value=" + c.entry().value());
        f.add("family=" + c.entry().family());
        f.add("src=" + c.entry().source());
        if (c.entry().source().equals("retail") || c.entry().source().equals("hindi") || c.entry().source().equals("common")) {
            f.add("curated");
        }
        f.add("ntok=" + Math.min(3, c.lastToken() - c.firstToken()));
        String p1 = t.textAt(c.firstToken() - 1);
        String p2 = t.textAt(c.firstToken() - 2);
        String n1 = t.textAt(c.lastToken());
        String n2 = t.textAt(c.lastToken() + 1);
        f.add("p1=" + p1);
        f.add("p2=" + p2);
        f.add("n1=" + n1);
        f.add("n2=" + n2);
        f.add("p1n1=" + p1 + "_" + n1);
        f.add("span_n1=" + phrase + "_" + n1);
        f.add("p1_span=" + p1 + "_" + phrase);
        String before = t.punctuationBefore(c.start());
        String after = t.punctuationAfter(c.end());
        f.add("before=" + before);
        f.add("after=" + after);
        f.add("around=" + before + after);
        String surface = t.title().substring(c.start(), c.end());
        f.add("case=" + shape(surface));
        f.add("pos=" + (c.firstToken() == 0 ? "first" : c.lastToken() == t.size() ? "last" : "mid"));
        String sub = SpanFeatures.key(p.subcategory() == null || p.subcategory().isBlank() ? p.category() : p.subcategory());
        f.add("sub_span=" + sub + "_" + phrase);
        f.add("sub_family=" + sub + "_" + c.entry().family());
        if (p.brand() != null && !p.brand().isBlank() && AttributeVocabulary.normalise(p.brand()).contains(phrase)) {
            f.add("in_brand");
        }
        return f;
    }

    static String key(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    private static String shape(String s) {
        boolean hasLower = false;
        boolean hasUpper = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            hasLower |= Character.isLowerCase(ch);
            hasUpper |= Character.isUpperCase(ch);
        }
        if (hasUpper && !hasLower) {
            return "upper";
        }
        if (!hasUpper && !hasLower) {
            return "other";
        }
        return Character.isUpperCase(s.charAt(0)) ? "title" : "lower";
    }
}
