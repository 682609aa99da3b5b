package in.workbench.sample;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import in.workbench.analytics.geo.IndianState;
import in.workbench.analytics.geo.Place;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.task.ProgressMonitor;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Generates a realistic Indian marketplace world: catalog, addresses built on the real postal
 * directory, shipments with planted damage, deliverability, delivery-speed and regional effects,
 * product images, and the truth files that record every hidden quantity (TRUTH.md).
 *
 * <p>Deterministic: the same {@link Config} gives byte-identical files. Products and addresses
 * are held in memory (a few thousand and tens of thousands); shipments are streamed, so millions
 * of them need no more memory than a hundred. Not thread-safe; one generation at a time.
 */
public final class SampleGenerator {

    /**
     * What to generate.
     *
     * @param products catalog size
     * @param addresses number of delivery addresses
     * @param shipments number of shipments
     * @param seed random seed; the same seed gives the same bytes
     */
    public record Config(int products, int addresses, int shipments, long seed) {

        /** The bundled sample: 3,000 products, 20,000 addresses, 100,000 shipments, seed 20261124. */
        public static Config bundled() {
            return new Config(3_000, 20_000, 100_000, 20261124L);
        }
    }

    /** The share of products that get an image. */
    static final double IMAGE_SHARE = 0.25;
    /** Hubs the shipments leave from (lat, lon). */
    private static final double[][] HUBS = {{12.97, 77.59}, {19.08, 72.88}, {28.61, 77.21}, {22.57, 88.36}, {17.39, 78.49}};
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);

    /**
     * How the world packs its goods, for packaging evaluations on worlds other than the sample's
     * (TRUTH.md, Damage). The sample's settings draw the same random numbers as before they existed,
     * so the bundled sample stays byte-identical.
     *
     * @param extraFragileShare the share of a subcategory's non-fragile products that are made fragile too
     *     (0: the sample; 0.5: half of them)
     * @param secondPackageShare the share of products whose history also uses an adjacent second package type
     *     (the sample: 0.4)
     * @param packageCostScale multiplies every package type's unit cost in package_types.csv (the sample: 1), so that
     *     sturdier packages stop paying for themselves in avoided damage and the trade-off between cost and damage binds
     */
    public record Packing(double extraFragileShare, double secondPackageShare, double packageCostScale) {

        /** The bundled sample's packing. */
        public static final Packing SAMPLE = new Packing(0, 0.4, 1);

        public Packing {
            if (!(extraFragileShare >= 0 && extraFragileShare <= 1 && secondPackageShare >= 0 && secondPackageShare <= 1)) {
                throw new IllegalArgumentException("packing shares must lie between 0 and 1");
            }
            if (!(packageCostScale > 0) || Double.isInfinite(packageCostScale)) {
                throw new IllegalArgumentException("the package cost scale must be positive");
            }
        }
    }

    private final Config config;
    private final PostalDirectory directory;
    private final Packing packing;

    public SampleGenerator(Config config, PostalDirectory directory) {
        this(config, directory, Packing.SAMPLE);
    }

    public SampleGenerator(Config config, PostalDirectory directory, Packing packing) {
        this.config = config;
        this.directory = directory;
        this.packing = packing;
    }

    /** A generated product with its hidden truth. */
    record Product(String id, Market.Subcategory sub, String title, String listedCategory, String listedSubcategory, String brand,
            String trueColour, String colourAttribute, String colourState, boolean titleHasColour, boolean wrongCategory,
            String material, int weight, double length, double width, double height, boolean fragile, boolean liquid, int price,
            double damageLogit, int[] packages, String imagePath, String imageColour) {
    }

    /**
     * Writes the world into {@code out}: catalog.csv, addresses.csv, shipments.csv,
     * package_types.csv, images/, and truth/ (tests only).
     */
    public void generate(Path out, ProgressMonitor monitor) throws IOException {
        Files.createDirectories(out.resolve("images"));
        Files.createDirectories(out.resolve("truth"));
        SplittableRandom random = new SplittableRandom(config.seed());
        Map<String, String[]> colours = readColours();
        monitor.update(0, 4, "package ladder");
        writePackages(out);
        monitor.update(1, 4, "catalog");
        List<Product> products = products(random, colours);
        writeCatalog(out, products);
        writeImages(out, products, colours);
        monitor.update(2, 4, "addresses");
        List<AddressBuilder.Generated> addresses = addresses(random);
        writeAddresses(out, addresses, random);
        monitor.update(3, 4, "shipments");
        writeShipments(out, products, addresses, random, monitor);
        writeRegionalTruth(out);
        monitor.update(4, 4, "done");
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** True damage probability of a product in a package of the given rank (TRUTH.md, Damage). */
    static double pDamage(Product p, int rank) {
        double protection = 0.55 * (rank - 1) * (1 + 0.5 * (p.fragile() ? 1 : 0));
        return sigmoid(p.damageLogit() - protection);
    }

    private static Map<String, String[]> readColours() {
        Map<String, String[]> out = new HashMap<>();
        try (InputStream in = SampleGenerator.class.getResourceAsStream("/in/workbench/analytics/catalog/colors.csv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                out.put(f[0], new String[] {f[1], f[2]});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String c : Market.COLOURS) {
            if (!out.containsKey(c)) {
                throw new IllegalStateException("Colour " + c + " is not in the colour vocabulary");
            }
        }
        return out;
    }

    private static ICSVWriter csv(Writer w) {
        return new CSVWriter(w, ',', '"', '"', "\n");
    }

    private static Writer writer(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    private void writePackages(Path out) throws IOException {
        try (ICSVWriter w = csv(writer(out.resolve("package_types.csv")))) {
            w.writeNext(new String[] {"package_type", "robustness_rank", "unit_cost_inr"}, false);
            for (Market.Package p : Market.LADDER) {
                w.writeNext(new String[] {p.name(), String.valueOf(p.rank()), money(p.unitCost() * packing.packageCostScale())}, false);
            }
        }
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String productId(SplittableRandom random, int i) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        StringBuilder b = new StringBuilder("B0");
        for (int k = 0; k < 6; k++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.append(String.format(Locale.ROOT, "%02d", i % 100)).toString();
    }

    private List<Product> products(SplittableRandom random, Map<String, String[]> colours) {
        List<Market.Subcategory> subs = Market.SUBCATEGORIES;
        double total = subs.stream().mapToDouble(Market.Subcategory::popularity).sum();
        List<Product> products = new ArrayList<>(config.products());
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < config.products(); i++) {
            Market.Subcategory sub = i < subs.size() ? subs.get(i) : weighted(random, subs, total);
            String id;
            do {
                id = productId(random, i);
            } while (!ids.add(id));
            String brand = sub.brands().get(random.nextInt(sub.brands().size()));
            String noun = sub.nouns().get(random.nextInt(sub.nouns().size()));
            String material = sub.materials().get(random.nextInt(sub.materials().size()));
            String colour = Market.COLOURS.get(random.nextInt(Market.COLOURS.size()));
            boolean colourful = sub.colourful();
            boolean titleHasColour = colourful && random.nextDouble() < 0.82;
            String title = title(random, sub, brand, noun, material, titleHasColour ? colour : null);
            String colourAttribute;
            String colourState;
            double c = random.nextDouble();
            if (!colourful) {
                colourAttribute = random.nextDouble() < 0.5 ? "" : colour;
                colourState = colourAttribute.isEmpty() ? "blank" : "ok";
                if (colourAttribute.isEmpty()) {
                    colour = "";
                }
            } else if (c < 0.30) {
                colourAttribute = "";
                colourState = "blank";
            } else if (c < 0.34 && titleHasColour) {
                String other;
                do {
                    other = Market.COLOURS.get(random.nextInt(Market.COLOURS.size()));
                } while (colours.get(other)[1].equals(colours.get(colour)[1]));
                colourAttribute = other;
                colourState = "contradicts";
            } else {
                colourAttribute = colour;
                colourState = "ok";
            }
            boolean wrongCategory = random.nextDouble() < 0.02;
            String listedCategory = sub.category();
            String listedSub = sub.name();
            if (wrongCategory) {
                Market.Subcategory other;
                do {
                    other = subs.get(random.nextInt(subs.size()));
                } while (other.category().equals(sub.category()));
                listedCategory = other.category();
                listedSub = other.name();
            }
            int weight = sub.weight()[0] + random.nextInt(sub.weight()[1] - sub.weight()[0] + 1);
            double volume = weight * (2.0 + random.nextDouble() * 2.0);
            double length = Math.round(Math.cbrt(volume) * 1.6 * 10) / 10.0;
            double width = Math.round(Math.cbrt(volume) * 1.1 * 10) / 10.0;
            double height = Math.round(volume / (length * width) * 10) / 10.0;
            boolean fragile = random.nextDouble() < sub.fragileShare() + packing.extraFragileShare() * (1 - sub.fragileShare());
            boolean liquid = random.nextDouble() < sub.liquidShare();
            double logPrice = Math.log(sub.price()[0]) + random.nextDouble() * (Math.log(sub.price()[1]) - Math.log(sub.price()[0]));
            int price = Math.max(49, (int) (Math.round(Math.exp(logPrice) / 10.0) * 10 - 1));
            double noise = random.nextGaussian() * 0.3;
            double logit = -3.0 + sub.fragility() + 0.9 * (fragile ? 1 : 0) + 0.6 * (liquid ? 1 : 0)
                    + 0.25 * Math.log(weight / 500.0) + noise;
            int primary = sub.usualRank();
            double pr = random.nextDouble();
            if (pr < 0.05) {
                primary = 1;
            } else if (pr < 0.25) {
                primary = Math.max(1, primary - 1);
            } else if (pr < 0.45) {
                primary = Math.min(6, primary + 1);
            }
            int[] packages;
            if (random.nextDouble() < packing.secondPackageShare()) {
                int second = primary == 6 ? 5 : primary == 1 ? 2 : primary + (random.nextBoolean() ? 1 : -1);
                packages = new int[] {primary, second};
            } else {
                packages = new int[] {primary};
            }
            String imagePath = "";
            String imageColour = "";
            if (colourful && random.nextDouble() < IMAGE_SHARE) {
                imagePath = "images/" + id + ".png";
                imageColour = colour;
                if (random.nextDouble() < 0.05) {
                    String other;
                    do {
                        other = Market.COLOURS.get(random.nextInt(Market.COLOURS.size()));
                    } while (colours.get(other)[1].equals(colours.get(colour)[1]));
                    imageColour = other;
                }
            }
            products.add(new Product(id, sub, title, listedCategory, listedSub, brand, colour, colourAttribute, colourState,
                    titleHasColour, wrongCategory, material, weight, length, width, height, fragile, liquid, price, logit, packages,
                    imagePath, imageColour));
        }
        return products;
    }

    private static <T extends Market.Subcategory> T weighted(SplittableRandom random, List<T> subs, double total) {
        double x = random.nextDouble() * total;
        for (T s : subs) {
            x -= s.popularity();
            if (x <= 0) {
                return s;
            }
        }
        return subs.get(subs.size() - 1);
    }

    private static String title(SplittableRandom random, Market.Subcategory sub, String brand, String noun, String material,
            String colour) {
        String Colour = colour == null ? null : capitalise(colour);
        boolean saree = sub.name().contains("Sarees");
        String material1 = capitalise(material);
        int style = random.nextInt(6);
        String t;
        if (colour == null) {
            t = switch (style % 3) {
                case 0 -> brand + " " + noun + " " + (saree ? "with Blouse Piece" : "- " + material1);
                case 1 -> noun + " by " + brand + " | " + material1;
                default -> brand + " " + material1 + " " + noun;
            };
        } else {
            t = switch (style) {
                case 0 -> brand + " Women's " + Colour + " " + material1 + " " + noun + (saree ? " with Blouse Piece" : "");
                case 1 -> noun + " for " + (saree ? "Women" : "Men & Women") + " - " + Colour + " | " + material1;
                case 2 -> brand + " " + noun + " (" + Colour + ", " + (saree ? "Free Size" : "Pack of 1") + ")";
                case 3 -> colour.toUpperCase(Locale.ROOT) + " " + noun.toUpperCase(Locale.ROOT) + " " + brand;
                case 4 -> brand + " " + material1 + " " + noun + " - " + Colour + " Colour";
                default -> "Trendy " + Colour + " " + noun + " " + brand + " Latest Design";
            };
        }
        if (sub.name().equals("Perfumes") && random.nextDouble() < 0.4) {
            t = brand + " Rose " + noun + " 100ml";
        } else if (sub.name().equals("Smart Watches") && random.nextDouble() < 0.3) {
            t = t + " Gold Plated Strap";
        } else if (sub.name().equals("Backpacks") && random.nextDouble() < 0.15) {
            t = "Orange County " + t;
        }
        return t;
    }

    private static String capitalise(String s) {
        StringBuilder b = new StringBuilder();
        for (String w : s.split(" ")) {
            b.append(b.length() == 0 ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return b.toString();
    }

    private void writeCatalog(Path out, List<Product> products) throws IOException {
        try (ICSVWriter w = csv(writer(out.resolve("catalog.csv")));
                ICSVWriter t = csv(writer(out.resolve("truth/product_truth.csv")))) {
            w.writeNext(new String[] {"product_id", "title", "category", "subcategory", "brand", "color", "material", "price_inr",
                "weight_g", "length_cm", "width_cm", "height_cm", "fragile", "liquid", "image_path"}, false);
            t.writeNext(new String[] {"product_id", "true_category", "true_subcategory", "true_color", "title_has_color",
                "color_attribute_state", "wrong_category", "image_color", "image_mismatch", "damage_logit"}, false);
            for (Product p : products) {
                w.writeNext(new String[] {p.id(), p.title(), p.listedCategory(), p.listedSubcategory(), p.brand(), p.colourAttribute(),
                    p.material(), money(p.price()), String.valueOf(p.weight()), dim(p.length()), dim(p.width()), dim(p.height()),
                    String.valueOf(p.fragile()), String.valueOf(p.liquid()), p.imagePath()}, false);
                t.writeNext(new String[] {p.id(), p.sub().category(), p.sub().name(), p.trueColour(), String.valueOf(p.titleHasColour()),
                    p.colourState(), String.valueOf(p.wrongCategory()), p.imageColour(),
                    String.valueOf(!p.imageColour().isEmpty() && !p.imageColour().equals(p.trueColour())),
                    String.format(Locale.ROOT, "%.4f", p.damageLogit())}, false);
            }
        }
        try (ICSVWriter t = csv(writer(out.resolve("truth/damage_truth.csv")))) {
            t.writeNext(new String[] {"product_id", "package_type", "p_damage"}, false);
            for (Product p : products) {
                for (Market.Package k : Market.LADDER) {
                    t.writeNext(new String[] {p.id(), k.name(), String.format(Locale.ROOT, "%.6f", pDamage(p, k.rank()))}, false);
                }
            }
        }
    }

    private static String dim(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** 48×48 PNGs: a product-shaped blob of its colour on a white background, softly shaded. */
    private static void writeImages(Path out, List<Product> products, Map<String, String[]> colours) throws IOException {
        for (Product p : products) {
            if (p.imagePath().isEmpty()) {
                continue;
            }
            int rgb = Integer.parseInt(colours.get(p.imageColour())[0].substring(1), 16);
            BufferedImage img = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
            int seed = p.id().hashCode();
            for (int y = 0; y < 48; y++) {
                for (int x = 0; x < 48; x++) {
                    double dx = (x - 23.5) / 17.0;
                    double dy = (y - 23.5) / 21.0;
                    boolean inside = dx * dx + dy * dy <= 1.0;
                    if (!inside) {
                        img.setRGB(x, y, 0xFFFFFF);
                    } else {
                        double shade = 0.85 + 0.15 * (1 - (dx * dx + dy * dy)) + (((x * 31 + y * 17 + seed) & 7) - 3.5) / 100.0;
                        int r = clamp(((rgb >> 16) & 0xFF) * shade);
                        int g = clamp(((rgb >> 8) & 0xFF) * shade);
                        int b = clamp((rgb & 0xFF) * shade);
                        img.setRGB(x, y, (r << 16) | (g << 8) | b);
                    }
                }
            }
            ImageIO.write(img, "png", out.resolve(p.imagePath()).toFile());
        }
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private List<AddressBuilder.Generated> addresses(SplittableRandom random) {
        AddressBuilder builder = new AddressBuilder(random, directory);
        Map<Market.City, List<Place>> cityPlaces = new LinkedHashMap<>();
        for (Market.City c : Market.BIG_CITIES) {
            List<Place> places = directory.byDistrict(c.district()).stream().filter(p -> p.state() == c.state()).toList();
            if (places.isEmpty()) {
                throw new IllegalStateException("No places for " + c.name() + " in the postal directory");
            }
            cityPlaces.put(c, places);
        }
        List<Place> all = directory.places();
        IndianState[] states = IndianState.values();
        List<AddressBuilder.Generated> out = new ArrayList<>(config.addresses());
        for (int i = 0; i < config.addresses(); i++) {
            Place place;
            Market.City city = null;
            if (i < states.length * 3) {
                List<Place> inState = directory.byState(states[i % states.length]);
                place = inState.get(random.nextInt(inState.size()));
            } else {
                double x = random.nextDouble();
                for (Market.City c : Market.BIG_CITIES) {
                    x -= c.share();
                    if (x < 0) {
                        city = c;
                        break;
                    }
                }
                if (city != null) {
                    List<Place> ps = cityPlaces.get(city);
                    place = ps.get(random.nextInt(ps.size()));
                } else {
                    place = all.get(random.nextInt(all.size()));
                }
            }
            out.add(builder.build(place, city));
        }
        return out;
    }

    private void writeAddresses(Path out, List<AddressBuilder.Generated> addresses, SplittableRandom random) throws IOException {
        try (ICSVWriter w = csv(writer(out.resolve("addresses.csv")));
                ICSVWriter t = csv(writer(out.resolve("truth/address_truth.csv")));
                ICSVWriter g = csv(writer(out.resolve("truth/address_labels_gold.csv")))) {
            w.writeNext(new String[] {"address_id", "customer_id", "address_text", "city", "state", "pincode", "created_at"}, false);
            t.writeNext(new String[] {"address_id", "style", "has_house", "has_building", "has_street", "has_landmark", "landmark_only",
                "has_locality", "has_city", "pincode_status", "rural", "devanagari", "true_pincode", "true_state", "p_deliver"}, false);
            g.writeNext(new String[] {"address_id", "label", "segments", "labeled_by", "labeled_at"}, false);
            int customer = 0;
            for (int i = 0; i < addresses.size(); i++) {
                AddressBuilder.Generated a = addresses.get(i);
                String id = String.format(Locale.ROOT, "A%06d", i + 1);
                if (i == 0 || random.nextDouble() < 0.75) {
                    customer++;
                }
                LocalDateTime created = LocalDateTime.of(2024, 1, 1, 9, 0).plusMinutes(random.nextInt(60 * 24 * 365));
                w.writeNext(new String[] {id, String.format(Locale.ROOT, "C%06d", customer), a.text(), a.city(), a.state(), a.pincode(),
                    created.atOffset(ZoneOffset.ofHoursMinutes(5, 30)).toString()}, false);
                t.writeNext(new String[] {id, a.style(), s(a.hasHouse()), s(a.hasBuilding()), s(a.hasStreet()), s(a.hasLandmark()),
                    s(a.landmarkOnly()), s(a.hasLocality()), s(a.hasCity()), a.pincodeStatus(), s(a.rural()), s(a.devanagari()),
                    a.place().pincode(), a.place().state().displayName(), String.format(Locale.ROOT, "%.6f", a.pDeliver())}, false);
                StringBuilder segments = new StringBuilder();
                for (AddressBuilder.Segment seg : a.segments()) {
                    segments.append(segments.length() == 0 ? "" : " | ").append(seg.label()).append('=').append(seg.text());
                }
                String label = a.pDeliver() >= 0.8 ? "deliverable" : a.pDeliver() < 0.5 ? "undeliverable" : "unsure";
                g.writeNext(new String[] {id, label, segments.toString(), "generator", "2026-01-01T00:00:00Z"}, false);
            }
        }
    }

    private static String s(boolean b) {
        return String.valueOf(b);
    }

    /** Month weights of orders overall: Diwali and wedding season peaks. */
    private static final double[] MONTH_WEIGHT = {0.9, 0.9, 0.9, 0.8, 0.8, 0.9, 0.9, 1.0, 1.1, 1.6, 1.7, 1.2};

    private static double seasonal(Market.Subcategory sub, int month) {
        String n = sub.name();
        if (n.equals("Woollen Shawls") || n.equals("Sweaters") || n.equals("Thermals")) {
            return month == 11 || month == 12 || month == 1 ? 3.0 : month == 10 || month == 2 ? 1.5 : 0.3;
        }
        if (n.equals("Raincoats") || n.equals("Umbrellas")) {
            return month >= 6 && month <= 9 ? 3.0 : 0.4;
        }
        if (n.contains("Sarees")) {
            return month == 10 || month == 11 ? 1.6 : 1.0;
        }
        return 1.0;
    }

    private void writeShipments(Path out, List<Product> products, List<AddressBuilder.Generated> addresses, SplittableRandom random,
            ProgressMonitor monitor) throws IOException {
        Map<String, List<Product>> bySub = new LinkedHashMap<>();
        for (Product p : products) {
            bySub.computeIfAbsent(p.sub().name(), k -> new ArrayList<>()).add(p);
        }
        List<Market.Subcategory> subs = Market.SUBCATEGORIES.stream().filter(s -> bySub.containsKey(s.name())).toList();
        // Cumulative subcategory weights per state and month (popularity × regional lift × season).
        IndianState[] states = IndianState.values();
        double[][][] cumulative = new double[states.length][12][subs.size()];
        for (IndianState st : states) {
            Map<String, Double> lifts = Market.REGIONAL_LIFT.getOrDefault(st, Map.of());
            for (int m = 0; m < 12; m++) {
                double acc = 0;
                for (int k = 0; k < subs.size(); k++) {
                    Market.Subcategory sub = subs.get(k);
                    acc += sub.popularity() * lifts.getOrDefault(sub.name(), 1.0) * seasonal(sub, m + 1);
                    cumulative[st.ordinal()][m][k] = acc;
                }
            }
        }
        double[] monthCumulative = new double[12];
        double acc = 0;
        for (int m = 0; m < 12; m++) {
            acc += MONTH_WEIGHT[m];
            monthCumulative[m] = acc;
        }
        try (ICSVWriter w = csv(writer(out.resolve("shipments.csv")))) {
            w.writeNext(new String[] {"shipment_id", "order_date", "product_id", "address_id", "package_type", "quantity",
                "ship_cost_inr", "promised_days", "delivered_days", "attempts", "status"}, false);
            String[] row = new String[11];
            for (int i = 0; i < config.shipments(); i++) {
                int ai = random.nextInt(addresses.size());
                AddressBuilder.Generated a = addresses.get(ai);
                int month = search(monthCumulative, random.nextDouble() * acc);
                LocalDate date = FIRST_DAY.withMonth(month + 1).plusDays(random.nextInt(28));
                double[] cum = cumulative[a.place().state().ordinal()][month];
                Market.Subcategory sub = subs.get(search(cum, random.nextDouble() * cum[cum.length - 1]));
                List<Product> candidates = bySub.get(sub.name());
                int pi = (int) Math.floor(candidates.size() * Math.pow(random.nextDouble(), 1.6));
                Product p = candidates.get(Math.min(pi, candidates.size() - 1));
                int rank = p.packages().length == 2 && random.nextDouble() < 0.35 ? p.packages()[1] : p.packages()[0];
                Market.Package pkg = Market.LADDER.get(rank - 1);
                int quantity = random.nextDouble() < 0.9 ? 1 : random.nextDouble() < 0.8 ? 2 : 3;
                double distance = distanceFromHub(a.place());
                boolean remote = isRemote(a.place().state());
                int promised = distance < 40 ? 2 : distance < 400 ? 3 : distance < 1200 ? 4 : 5;
                if (remote) {
                    promised += 2;
                }
                double cost = 30 + 0.035 * p.weight() * quantity + 0.012 * distance + (remote ? 25 : 0);
                boolean undeliverable = random.nextDouble() > a.pDeliver();
                boolean damaged = random.nextDouble() < pDamage(p, rank);
                boolean returned = random.nextDouble() < 0.04;
                String status;
                int attempts;
                String delivered;
                if (undeliverable) {
                    status = "undeliverable";
                    attempts = 2 + random.nextInt(2);
                    delivered = "";
                } else {
                    status = damaged ? "damaged" : returned ? "returned" : "delivered";
                    attempts = random.nextDouble() < (1 - a.pDeliver()) * 2.5 ? 2 : 1;
                    int days = (int) Math.round(promised - 0.5 + random.nextGaussian() * 1.1 + (remote ? 1.2 : 0) + (attempts - 1) * 1.5);
                    delivered = String.valueOf(Math.max(1, days));
                }
                row[0] = String.format(Locale.ROOT, "S%08d", i + 1);
                row[1] = date.toString();
                row[2] = p.id();
                row[3] = String.format(Locale.ROOT, "A%06d", ai + 1);
                row[4] = pkg.name();
                row[5] = String.valueOf(quantity);
                row[6] = money(cost);
                row[7] = String.valueOf(promised);
                row[8] = delivered;
                row[9] = String.valueOf(attempts);
                row[10] = status;
                w.writeNext(row, false);
                if ((i & 0xFFFF) == 0) {
                    monitor.checkCancelled();
                    monitor.update(3, 4, String.format("shipments %,d of %,d", i, config.shipments()));
                }
            }
        }
    }

    private static int search(double[] cumulative, double x) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static boolean isRemote(IndianState s) {
        return switch (s) {
            case ARUNACHAL_PRADESH, ASSAM, MANIPUR, MEGHALAYA, MIZORAM, NAGALAND, SIKKIM, TRIPURA, ANDAMAN_NICOBAR, LAKSHADWEEP,
                    JAMMU_KASHMIR -> true;
            default -> false;
        };
    }

    private static double distanceFromHub(Place p) {
        double best = Double.MAX_VALUE;
        for (double[] hub : HUBS) {
            best = Math.min(best, haversineKm(hub[0], hub[1], p.latitude(), p.longitude()));
        }
        return Double.isNaN(best) || best == Double.MAX_VALUE ? 800 : best;
    }

    private static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        if (Double.isNaN(lat2) || Double.isNaN(lon2)) {
            return 800;
        }
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    private static void writeRegionalTruth(Path out) throws IOException {
        try (ICSVWriter t = csv(writer(out.resolve("truth/regional_truth.csv")))) {
            t.writeNext(new String[] {"state", "subcategory", "planted_lift"}, false);
            for (IndianState s : IndianState.values()) {
                Map<String, Double> lifts = Market.REGIONAL_LIFT.getOrDefault(s, Map.of());
                lifts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> t.writeNext(new String[] {
                    s.displayName(), e.getKey(), String.format(Locale.ROOT, "%.1f", e.getValue())}, false));
            }
        }
    }
}
