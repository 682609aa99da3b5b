package in.workbench.analytics.catalog;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.workspace.Sql;
import in.workbench.analytics.workspace.Where;
import in.workbench.analytics.workspace.Workspace;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All SQL of the catalog feature: reading products, writing extractions, image checks and
 * proposals, saving review decisions, and the queries behind the Catalog, Review and chart screens.
 *
 * <p>Stateless; thread-safe (each call takes its own connection).
 */
public final class CatalogStore {

    private final Workspace ws;

    public CatalogStore(Workspace ws) {
        this.ws = ws;
    }

    /** A value found in a title or image. */
    public record ExtractionRow(String productId, String attribute, String source, String value, String family, double confidence,
            Integer spanStart, Integer spanEnd) {
    }

    /** The check of one product image. {@code status}: ok, missing, unreadable or no_product. */
    public record ImageCheck(String productId, String imagePath, String status, String message, String hex, String colour, String family,
            double confidence) {
    }

    /** A saved review decision. */
    public record Decision(long decisionId, long proposalId, String productId, String attribute, String oldValue, String newValue,
            String source, Double confidence, String decision, String decidedBy, OffsetDateTime decidedAt) {
    }

    /** Every product with the fields the checks read; image paths resolved against the folder of the CSV they came from. */
    public List<CatalogProduct> products() {
        String sql = "SELECT p.product_id, p.title, p.category, p.subcategory, p.brand, p.color, p.material, p.image_path, r.file_name "
                + "FROM products p LEFT JOIN import_runs r ON r.run_id = p.run_id ORDER BY p.product_id";
        List<CatalogProduct> out = new ArrayList<>();
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String image = rs.getString(8);
                out.add(new CatalogProduct(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), image == null ? "" : image, resolve(image, rs.getString(9))));
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the products: " + e.getMessage(), e);
        }
        return out;
    }

    /** The image file of one product (null when it has none). */
    public Path imageFile(String productId) {
        try (Connection c = ws.connection(); PreparedStatement ps = c.prepareStatement("SELECT p.image_path, r.file_name FROM products p "
                + "LEFT JOIN import_runs r ON r.run_id = p.run_id WHERE p.product_id = ?")) {
            ps.setString(1, productId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? resolve(rs.getString(1), rs.getString(2)) : null;
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the product: " + e.getMessage(), e);
        }
    }

    /** The image file of a product: relative paths are relative to the imported CSV's folder (docs/data-formats.md). */
    Path resolve(String imagePath, String csvFile) {
        if (imagePath == null || imagePath.isBlank()) {
            return null;
        }
        try {
            Path p = Path.of(imagePath.trim());
            if (p.isAbsolute()) {
                return p;
            }
            Path base = csvFile == null ? ws.folder().resolve("source") : Path.of(csvFile).getParent();
            return (base == null ? ws.folder() : base).resolve(p).normalize();
        } catch (InvalidPathException e) {
            return Path.of("invalid-image-path");
        }
    }

    /** Replaces the extractions of the given sources. */
    public void replaceExtractions(Set<String> sources, List<ExtractionRow> rows) {
        inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM catalog_extractions WHERE source = ?")) {
                for (String s : sources) {
                    del.setString(1, s);
                    del.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO catalog_extractions (product_id, attribute, source, "
                    + "extracted_value, family, confidence, span_start, span_end, extracted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                int n = 0;
                for (ExtractionRow r : rows) {
                    ps.setString(1, r.productId());
                    ps.setString(2, r.attribute());
                    ps.setString(3, r.source());
                    ps.setString(4, r.value());
                    ps.setString(5, r.family());
                    ps.setDouble(6, r.confidence());
                    ps.setObject(7, r.spanStart());
                    ps.setObject(8, r.spanEnd());
                    ps.setObject(9, now);
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
    }

    /** Replaces all image checks. */
    public void replaceImageChecks(List<ImageCheck> checks) {
        inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM catalog_image_checks");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO catalog_image_checks (product_id, image_path, status, message, "
                    + "dominant_hex, image_color, family, confidence, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                for (ImageCheck r : checks) {
                    ps.setString(1, r.productId());
                    ps.setString(2, r.imagePath());
                    ps.setString(3, r.status());
                    ps.setString(4, r.message());
                    ps.setString(5, r.hex());
                    ps.setString(6, r.colour());
                    ps.setString(7, r.family());
                    ps.setDouble(8, r.confidence());
                    ps.setObject(9, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /**
     * Replaces the open proposals of the given kinds. A proposal an analyst already decided (same
     * product, attribute, kind and proposed value) is not raised again.
     */
    public int replaceProposals(Set<String> kinds, List<CatalogProposal> proposals) {
        int[] inserted = new int[1];
        inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM catalog_proposals f WHERE kind = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM catalog_decisions d WHERE d.proposal_id = f.proposal_id)")) {
                for (String k : kinds) {
                    del.setString(1, k);
                    del.executeUpdate();
                }
            }
            java.util.Set<String> decided = new java.util.HashSet<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT f.product_id, f.attribute, f.kind, f.proposed_value "
                    + "FROM catalog_proposals f")) {
                while (rs.next()) {
                    decided.add(rs.getString(1) + "\u0000" + rs.getString(2) + "\u0000" + rs.getString(3) + "\u0000" + rs.getString(4));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO catalog_proposals (product_id, kind, attribute, current_value, "
                    + "proposed_value, confidence, source, detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                for (CatalogProposal p : proposals) {
                    if (decided.contains(p.productId() + "\u0000" + p.attribute() + "\u0000" + p.kind() + "\u0000" + p.proposedValue())) {
                        continue;
                    }
                    ps.setString(1, p.productId());
                    ps.setString(2, p.kind());
                    ps.setString(3, p.attribute());
                    ps.setString(4, p.currentValue());
                    ps.setString(5, p.proposedValue());
                    ps.setDouble(6, p.confidence());
                    ps.setString(7, p.source());
                    ps.setString(8, p.detail());
                    ps.setObject(9, now);
                    ps.addBatch();
                    inserted[0]++;
                }
                ps.executeBatch();
            }
        });
        return inserted[0];
    }

    /** Open flags (catalog_flags) matching the filter, most confident first. */
    public List<CatalogProposal> openFlags(FlagFilter f, long offset, int limit) {
        Where where = f.where();
        List<CatalogProposal> out = new ArrayList<>();
        try (Connection c = ws.connection(); PreparedStatement ps = c.prepareStatement("SELECT proposal_id, product_id, kind, attribute, "
                + "current_value, proposed_value, confidence, source, detail FROM catalog_flags" + where.sql()
                + " ORDER BY confidence DESC, proposal_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            int i = Sql.bind(ps, where.args());
            ps.setLong(i++, offset);
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CatalogProposal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getDouble(7), rs.getString(8), rs.getString(9)));
                }
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the flags: " + e.getMessage(), e);
        }
        return out;
    }

    /** The number of open flags matching the filter. */
    public long countFlags(FlagFilter f) {
        Where where = f.where();
        return Sql.count(ws, "SELECT COUNT(*) FROM catalog_flags" + where.sql(), where.args(), "Could not count the flags");
    }

    /** Which flags to show: kind, category, attribute (null for any) and a minimum confidence. */
    public record FlagFilter(String kind, String category, String attribute, double minConfidence) {

        public static FlagFilter all() {
            return new FlagFilter(null, null, null, 0);
        }

        Where where() {
            return new Where().andIfGiven("kind = ?", kind).andIfGiven("category = ?", category).andIfGiven("attribute = ?", attribute)
                    .andIf(minConfidence > 0, "confidence >= ?", minConfidence);
        }
    }

    /** Saves one decision at once and returns it. */
    public Decision decide(CatalogProposal p, String decision, String newValue, String analyst) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = ws.connection(); PreparedStatement ps = c.prepareStatement("INSERT INTO catalog_decisions (proposal_id, "
                + "product_id, attribute, old_value, new_value, source, confidence, decision, decided_by, decided_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, p.proposalId());
            ps.setString(2, p.productId());
            ps.setString(3, p.attribute());
            ps.setString(4, p.currentValue());
            ps.setString(5, newValue);
            ps.setString(6, p.source());
            ps.setDouble(7, p.confidence());
            ps.setString(8, decision);
            ps.setString(9, analyst);
            ps.setObject(10, now);
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return new Decision(k.getLong(1), p.proposalId(), p.productId(), p.attribute(), p.currentValue(), newValue, p.source(),
                        p.confidence(), decision, analyst, now);
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not save the decision: " + e.getMessage(), e);
        }
    }

    /** Accepts every open flag matching the filter (at or above its confidence) in one transaction; returns how many. */
    public int acceptAll(FlagFilter f, String analyst) {
        Where where = f.where();
        int[] n = new int[1];
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO catalog_decisions (proposal_id, product_id, attribute, old_value, "
                    + "new_value, source, confidence, decision, decided_by, decided_at) SELECT proposal_id, product_id, attribute, "
                    + "current_value, proposed_value, source, confidence, 'accept', ?, ? FROM catalog_flags" + where.sql())) {
                ps.setString(1, analyst);
                ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
                Sql.bind(ps, 3, where.args());
                n[0] = ps.executeUpdate();
            }
        });
        return n[0];
    }

    /**
     * Decisions that change a value (accepted or edited), oldest first: the corrections. When
     * reviewers decided one proposal differently, the later decision (the one the workspace
     * received last) wins: a proposal's earlier decisions stay in its {@link #history} only.
     */
    public List<Decision> corrections() {
        return decisions("WHERE d.decision IN ('accept', 'edit') AND (d.proposal_id IS NULL OR d.decision_id = "
                + "(SELECT MAX(l.decision_id) FROM catalog_decisions l WHERE l.proposal_id = d.proposal_id)) "
                + "ORDER BY d.decided_at, d.decision_id", List.of());
    }

    /** Every decision on one proposal, in the order the workspace received them; the last is the one that counts. */
    public List<Decision> history(long proposalId) {
        return decisions("WHERE d.proposal_id = ? ORDER BY d.decision_id", List.of(proposalId));
    }

    private List<Decision> decisions(String whereAndOrder, List<?> args) {
        List<Decision> out = new ArrayList<>();
        try (Connection c = ws.connection(); PreparedStatement ps = c.prepareStatement("SELECT d.decision_id, d.proposal_id, "
                + "d.product_id, d.attribute, d.old_value, d.new_value, d.source, d.confidence, d.decision, d.decided_by, d.decided_at "
                + "FROM catalog_decisions d " + whereAndOrder)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Decision(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), (Double) rs.getObject(8), rs.getString(9), rs.getString(10),
                            rs.getObject(11, OffsetDateTime.class)));
                }
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the decisions: " + e.getMessage(), e);
        }
        return out;
    }

    /** Extractions (title, image) and catalog values of every product, for {@code extract attributes}. */
    public void streamValues(ValueSink sink) {
        String sql = "SELECT product_id, attribute, extracted_value, confidence, source FROM catalog_extractions "
                + "UNION ALL SELECT product_id, 'color', color, 1.0, 'catalog' FROM products WHERE color IS NOT NULL AND TRIM(color) <> '' "
                + "UNION ALL SELECT product_id, 'material', material, 1.0, 'catalog' FROM products WHERE material IS NOT NULL AND TRIM(material) <> '' "
                + "ORDER BY 1, 2, 5";
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                sink.accept(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getString(5));
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the extracted values: " + e.getMessage(), e);
        }
    }

    /** Receives one value row. */
    @FunctionalInterface
    public interface ValueSink {
        void accept(String productId, String attribute, String value, double confidence, String source);
    }

    /** One product as the Catalog screen shows it. */
    public record ProductRow(String productId, String title, String category, String subcategory, String color, String material,
            String titleColour, Integer spanStart, Integer spanEnd, String imageColour, String imageHex, String imageStatus,
            String imagePath, int openFlags, String flagKinds) {
    }

    /** A page of products with their extractions and flags, filtered by category, flag kind and text. */
    public List<ProductRow> productPage(String category, String kind, String search, long offset, int limit) {
        Where where = productWhere(category, kind, search);
        String sql = "SELECT p.product_id, p.title, p.category, p.subcategory, p.color, p.material, e.extracted_value, e.span_start, "
                + "e.span_end, i.image_color, i.dominant_hex, i.status, p.image_path, "
                + "(SELECT COUNT(*) FROM catalog_flags f WHERE f.product_id = p.product_id), "
                + "(SELECT " + ws.dialect().distinctList("f.kind", ",") + " FROM catalog_flags f WHERE f.product_id = p.product_id) "
                + "FROM products p LEFT JOIN catalog_extractions e ON e.product_id = p.product_id AND e.attribute = 'color' AND e.source = 'title' "
                + "LEFT JOIN catalog_image_checks i ON i.product_id = p.product_id" + where.sql()
                + " ORDER BY p.product_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        List<ProductRow> out = new ArrayList<>();
        try (Connection c = ws.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = Sql.bind(ps, where.args());
            ps.setLong(i++, offset);
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ProductRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), (Integer) rs.getObject(8), (Integer) rs.getObject(9), rs.getString(10),
                            rs.getString(11), rs.getString(12), rs.getString(13), rs.getInt(14), rs.getString(15)));
                }
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the products: " + e.getMessage(), e);
        }
        return out;
    }

    /** The number of products {@link #productPage} would page through. */
    public long countProducts(String category, String kind, String search) {
        Where where = productWhere(category, kind, search);
        return Sql.count(ws, "SELECT COUNT(*) FROM products p" + where.sql(), where.args(), "Could not count the products");
    }

    private static Where productWhere(String category, String kind, String search) {
        Where where = new Where().andIfGiven("p.category = ?", category)
                .andIfGiven("EXISTS (SELECT 1 FROM catalog_flags f WHERE f.product_id = p.product_id AND f.kind = ?)", kind);
        if (search != null && !search.isBlank()) {
            String like = "%" + search.toLowerCase(java.util.Locale.ROOT).replace("%", "") + "%";
            where.and("(LOWER(p.title) LIKE ? OR LOWER(p.product_id) LIKE ?)", like, like);
        }
        return where;
    }

    /** Per category: products, products whose colour attribute is blank, open conflicts and open flags of each kind. */
    public record CategoryQuality(String category, long products, long colourMissing, long materialMissing, Map<String, Long> flags) {

        public double colourMissingRate() {
            return products == 0 ? 0 : colourMissing / (double) products;
        }

        public double materialMissingRate() {
            return products == 0 ? 0 : materialMissing / (double) products;
        }
    }

    /** The data behind the catalog charts. */
    public List<CategoryQuality> qualityByCategory() {
        Map<String, long[]> base = new LinkedHashMap<>();
        Map<String, Map<String, Long>> flags = new LinkedHashMap<>();
        try (Connection c = ws.connection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT category, COUNT(*), SUM(CASE WHEN color IS NULL OR TRIM(color) = '' THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN material IS NULL OR TRIM(material) = '' THEN 1 ELSE 0 END) FROM products GROUP BY category ORDER BY category")) {
                while (rs.next()) {
                    base.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT category, kind, COUNT(*) FROM catalog_flags GROUP BY category, kind")) {
                while (rs.next()) {
                    flags.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
                }
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the catalog quality: " + e.getMessage(), e);
        }
        List<CategoryQuality> out = new ArrayList<>();
        base.forEach((cat, v) -> out.add(new CategoryQuality(cat, v[0], v[1], v[2], Map.copyOf(flags.getOrDefault(cat, Map.of())))));
        return out;
    }

    /** The distinct categories of the catalog. */
    public List<String> categories() {
        List<String> out = new ArrayList<>();
        try (Connection c = ws.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT category FROM products ORDER BY category")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the categories: " + e.getMessage(), e);
        }
        return out;
    }

    private void inTransaction(Sql.Work work) {
        Sql.inTransaction(ws, "Could not save the catalog results", work);
    }
}
