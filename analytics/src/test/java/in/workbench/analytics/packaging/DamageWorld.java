package in.workbench.analytics.packaging;

import in.workbench.analytics.workspace.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small synthetic world with a planted damage effect, like the sample's (TRUTH.md): damage
 * logit = −3 + fragility(subcategory) + 0.9·fragile + 0.6·liquid + 0.25·ln(weight/500), and in a
 * package of rung k the logit falls by 0.55·k·(1 + 0.5·fragile). Sellers put fragile goods in
 * sturdier packages (the confounding a model must see through).
 */
final class DamageWorld {

    static final String[] LADDER = {"polybag", "padded_mailer", "tfolder_box", "carton_single", "carton_double", "carton_bubble"};
    static final double[] COSTS = {4, 9, 16, 24, 38, 55};
    static final String[][] SUBS = {{"Clothing", "Sarees", "saree silk", "0", "1"}, {"Clothing", "Kurtas", "kurta cotton", "0", "1"},
        {"Electronics", "Chargers", "charger fast", "0.6", "3"}, {"Electronics", "Earphones", "earphones wireless", "0.9", "3"},
        {"Home", "Glass Tumblers", "glass tumbler", "1.8", "4"}, {"Home", "Dinner Sets", "dinner set ceramic", "1.5", "4"},
        {"Beauty", "Perfumes", "perfume eau", "1.2", "3"}, {"Footwear", "Shoes", "shoes running", "0.2", "2"}};

    final List<ProductRow> products = new ArrayList<>();
    final List<Double> logits = new ArrayList<>();
    final List<Usage> usage = new ArrayList<>();
    final List<String[]> shipments = new ArrayList<>();

    static PackageLadder ladder() {
        List<PackageLadder.Entry> e = new ArrayList<>();
        for (int i = 0; i < LADDER.length; i++) {
            e.add(new PackageLadder.Entry(LADDER[i], i + 1, COSTS[i]));
        }
        return PackageLadder.of(e);
    }

    static double trueDamage(double logit, boolean fragile, int rung) {
        return 1 / (1 + Math.exp(-(logit - 0.55 * rung * (1 + 0.5 * (fragile ? 1 : 0)))));
    }

    double trueDamage(int product, int rung) {
        return trueDamage(logits.get(product), Boolean.TRUE.equals(products.get(product).fragile()), rung);
    }

    DamageWorld(int productCount, int shipmentsPerProduct, long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < productCount; i++) {
            String[] sub = SUBS[r.nextInt(SUBS.length)];
            boolean fragile = r.nextDouble() < 0.3;
            boolean liquid = sub[1].equals("Perfumes") && r.nextDouble() < 0.8;
            int weight = 100 + r.nextInt(1500);
            double price = 200 + r.nextInt(3000);
            String title = "Brand" + r.nextInt(20) + " " + sub[2] + (fragile ? " fragile" : "") + " " + (r.nextBoolean() ? "blue" : "red");
            ProductRow p = new ProductRow(String.format("P%05d", i), title, sub[0], sub[1], price, weight, 10.0 + r.nextInt(20),
                    8.0 + r.nextInt(10), 2.0 + r.nextInt(10), fragile, liquid);
            products.add(p);
            double logit = -3.0 + Double.parseDouble(sub[3]) + 0.9 * (fragile ? 1 : 0) + 0.6 * (liquid ? 1 : 0) + 0.25 * Math.log(weight / 500.0)
                    + r.nextGaussian() * 0.3;
            logits.add(logit);
            int usual = Integer.parseInt(sub[4]) - 1 + (fragile ? 1 : 0);
            double u = r.nextDouble();
            int primary = u < 0.2 ? Math.max(0, usual - 1) : u < 0.4 ? Math.min(5, usual + 1) : usual;
            int second = r.nextDouble() < 0.4 ? Math.max(0, Math.min(5, primary + (r.nextBoolean() ? 1 : -1))) : -1;
            long[] reached = new long[6];
            long[] damaged = new long[6];
            int n = 1 + r.nextInt(2 * shipmentsPerProduct);
            for (int s = 0; s < n; s++) {
                int rung = second >= 0 && r.nextDouble() < 0.35 ? second : primary;
                boolean d = r.nextDouble() < trueDamage(logit, fragile, rung);
                reached[rung]++;
                damaged[rung] += d ? 1 : 0;
                shipments.add(new String[] {p.id(), LADDER[rung], d ? "damaged" : "delivered",
                    String.valueOf(40 + 0.035 * weight + r.nextDouble() * 20)});
            }
            for (int k = 0; k < 6; k++) {
                if (reached[k] > 0) {
                    usage.add(new Usage(p.id(), LADDER[k], reached[k], damaged[k], reached[k]));
                }
            }
        }
    }

    PackagingTrainer.Data data() {
        return new PackagingTrainer.Data(ladder(), products, usage);
    }

    /** Writes the ladder, products and shipments into a workspace with plain SQL. */
    void writeTo(Workspace ws) throws SQLException {
        try (Connection c = ws.connection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO package_types (package_type, robustness_rank, unit_cost_inr) VALUES (?, ?, ?)")) {
                for (int i = 0; i < LADDER.length; i++) {
                    ps.setString(1, LADDER[i]);
                    ps.setInt(2, i + 1);
                    ps.setDouble(3, COSTS[i]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO products (product_id, title, category, subcategory, price_inr, weight_g, "
                    + "length_cm, width_cm, height_cm, fragile, liquid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ProductRow p : products) {
                    ps.setString(1, p.id());
                    ps.setString(2, p.title());
                    ps.setString(3, p.category());
                    ps.setString(4, p.subcategory());
                    ps.setDouble(5, p.priceInr());
                    ps.setInt(6, p.weightG());
                    ps.setDouble(7, p.lengthCm());
                    ps.setDouble(8, p.widthCm());
                    ps.setDouble(9, p.heightCm());
                    ps.setBoolean(10, p.fragile());
                    ps.setBoolean(11, p.liquid());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            insertShipments(c, shipments, 0);
        }
    }

    static void insertShipments(Connection c, List<String[]> rows, int offset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO shipments (shipment_id, order_date, product_id, address_id, package_type, "
                + "quantity, ship_cost_inr, status) VALUES (?, ?, ?, 'A1', ?, 1, ?, ?)")) {
            int i = offset;
            for (String[] s : rows) {
                ps.setString(1, String.format("S%07d", i++));
                ps.setObject(2, LocalDate.of(2025, 1, 1));
                ps.setString(3, s[0]);
                ps.setString(4, s[1]);
                ps.setDouble(5, Double.parseDouble(s[3]));
                ps.setString(6, s[2]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
