package in.workbench.analytics.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A small deterministic catalog for tests: colours in several title styles, traps, blank attributes and a few contradictions. */
final class SyntheticCatalog {

    static final String[] COLOURS = {"red", "blue", "green", "black", "white", "pink", "yellow", "maroon", "navy", "grey", "orange",
        "gold", "sky blue", "off white"};
    static final String[][] SUBS = {{"Clothing", "Kurtas", "Kurta", "cotton"}, {"Footwear", "Running Shoes", "Running Shoes", "mesh"},
        {"Bags", "Backpacks", "Backpack", "nylon"}, {"Beauty", "Perfumes", "Eau de Parfum", "glass bottle"},
        {"Electronics", "Smart Watches", "Smart Watch", "aluminium"}};

    private SyntheticCatalog() {
    }

    /** {@code n} products; colour blank for 30 %, contradicting for 3 %; traps in backpacks, perfumes and watches. */
    static List<CatalogProduct> products(int n, long seed) {
        Random r = new Random(seed);
        List<CatalogProduct> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] sub = SUBS[i % SUBS.length];
            String colour = COLOURS[r.nextInt(COLOURS.length)];
            String c = cap(colour);
            String brand = new String[] {"Aurelia", "Jaipur Kala", "Asian", "Fogg", "Titan"}[r.nextInt(5)];
            String title = switch (r.nextInt(4)) {
                case 0 -> brand + " Women's " + c + " " + cap(sub[3]) + " " + sub[2];
                case 1 -> sub[2] + " for Men & Women - " + c + " | " + cap(sub[3]);
                case 2 -> brand + " " + sub[2] + " (" + c + ", Pack of 1)";
                default -> colour.toUpperCase() + " " + sub[2].toUpperCase() + " " + brand;
            };
            if (sub[1].equals("Perfumes") && r.nextDouble() < 0.5) {
                title = brand + " Rose " + sub[2] + " 100ml";
            } else if (sub[1].equals("Smart Watches") && r.nextDouble() < 0.4) {
                title = title + " Gold Plated Strap";
            } else if (sub[1].equals("Backpacks") && r.nextDouble() < 0.3) {
                title = "Orange County " + title;
            }
            double u = r.nextDouble();
            String attr = u < 0.30 ? "" : u < 0.33 ? COLOURS[(java.util.Arrays.asList(COLOURS).indexOf(colour) + 3) % COLOURS.length] : colour;
            out.add(new CatalogProduct(String.format("P%04d", i), title, sub[0], sub[1], brand, attr, sub[3], "", null));
        }
        return out;
    }

    static String cap(String s) {
        StringBuilder b = new StringBuilder();
        for (String w : s.split(" ")) {
            b.append(b.length() == 0 ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return b.toString();
    }

    static CatalogProduct titled(String title, String subcategory) {
        return new CatalogProduct("X", title, "Any", subcategory, "", "", "", "", null);
    }
}
