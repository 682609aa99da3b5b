package in.workbench.analytics.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.geo.Place;
import in.workbench.analytics.geo.PostalDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pruned office match gives exactly what comparing every phrase with every office gives. */
class OfficeMatcherTest {

    static Map<String, List<String>> officesByPincode = new LinkedHashMap<>();
    static List<Place> places;

    @BeforeAll
    static void load() {
        places = PostalDirectory.load().places();
        for (Place p : places) {
            officesByPincode.computeIfAbsent(p.pincode(), k -> new ArrayList<>()).add(AddressParser.officeKey(p.officeName()));
        }
    }

    /** The definition: every phrase of one to three words against every office, first strict maximum kept. */
    static OfficeMatcher.Match bruteForce(List<String> tokens, List<String> offices) {
        double best = 0;
        String matched = null;
        for (int i = 0; i < tokens.size(); i++) {
            String phrase = "";
            for (int n = 0; n < 3 && i + n < tokens.size(); n++) {
                phrase = n == 0 ? tokens.get(i) : phrase + " " + tokens.get(i + n);
                if (phrase.length() < 4 || Character.isDigit(phrase.charAt(0))) {
                    continue;
                }
                for (String office : offices) {
                    double s = office.length() < 2 ? 0 : Similarity.dice(Similarity.bigrams(phrase), Similarity.bigrams(office));
                    if (s > best) {
                        best = s;
                        matched = office;
                    }
                }
            }
        }
        return matched == null ? OfficeMatcher.Match.NONE : new OfficeMatcher.Match(matched, best);
    }

    /** Words of an address with one office's name misspelt the way customers do: a letter dropped, doubled or swapped. */
    static List<String> address(Random r, Place p) {
        String office = AddressParser.officeKey(p.officeName());
        StringBuilder b = new StringBuilder(office);
        int edits = r.nextInt(3);
        for (int e = 0; e < edits && b.length() > 3; e++) {
            int at = 1 + r.nextInt(b.length() - 2);
            switch (r.nextInt(3)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, b.charAt(at));
                default -> {
                    char c = b.charAt(at);
                    b.setCharAt(at, b.charAt(at + 1));
                    b.setCharAt(at + 1, c);
                }
            }
        }
        String[] fillers = {"flat", "12/3", "near", "temple", "main", "road", "cross", "nagar", "colony", "sector", "opp", "bus", "stand"};
        List<String> words = new ArrayList<>();
        for (int i = r.nextInt(5); i > 0; i--) {
            words.add(fillers[r.nextInt(fillers.length)]);
        }
        if (r.nextDouble() < 0.8) {
            words.addAll(List.of(b.toString().toLowerCase(Locale.ROOT).split(" ")));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            words.add(fillers[r.nextInt(fillers.length)]);
        }
        words.add(p.district().toLowerCase(Locale.ROOT));
        return words;
    }

    @Test
    void matchesTheBruteForceDefinitionOnTenThousandAddresses() {
        Random r = new Random(3);
        int exact = 0;
        int fuzzy = 0;
        for (int i = 0; i < 10_000; i++) {
            Place p = places.get(r.nextInt(places.size()));
            // a third of the time the address is checked against another pincode's offices
            String pincode = r.nextInt(3) == 0 ? places.get(r.nextInt(places.size())).pincode() : p.pincode();
            List<String> offices = officesByPincode.get(pincode);
            List<String> tokens = address(r, p);
            OfficeMatcher.Match expected = bruteForce(tokens, offices);
            OfficeMatcher.Match actual = new OfficeMatcher(offices).best(tokens);
            assertEquals(expected.similarity(), actual.similarity(), 0.0, tokens + " against " + offices);
            if (expected.similarity() < 1) {
                assertEquals(expected.office(), actual.office(), tokens + " against " + offices);
                fuzzy++;
            } else {
                assertTrue(offices.contains(actual.office()));
                exact++;
            }
        }
        assertTrue(exact > 1_000 && fuzzy > 1_000, "both paths are exercised: " + exact + " exact, " + fuzzy + " fuzzy");
    }

    @Test
    void anExactNameWinsAndNothingMatchesNothing() {
        OfficeMatcher m = new OfficeMatcher(List.of("malleswaram", "rajajinagar", "seshadripuram"));
        assertEquals(new OfficeMatcher.Match("rajajinagar", 1.0), m.best(List.of("flat", "3", "rajajinagar", "bengaluru")));
        OfficeMatcher.Match variant = m.best(List.of("malleshwaram", "bengaluru"));
        assertEquals("malleswaram", variant.office());
        assertTrue(variant.similarity() >= AddressParser.LOCALITY_MATCH && variant.similarity() < 1, "" + variant);
        assertNull(m.best(List.of()).office());
        assertNull(m.best(List.of("12", "34")).office(), "digits and short words are never phrases");
    }
}
