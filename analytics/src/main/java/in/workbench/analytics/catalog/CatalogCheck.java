package in.workbench.analytics.catalog;

import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Runs the catalog checks over every product of a workspace with the trained attribute models:
 * reads colour and material from titles, the dominant colour of product images, and writes the
 * extractions, the image checks and the flags ({@code missing} → a proposed backfill,
 * {@code conflict} → the title names another value (another colour family) than the attribute,
 * {@code image_mismatch} → the image shows another colour family than the title names, or than the
 * colour attribute when the title names none).
 * A missing or unreadable image is recorded for its product and never stops the run.
 *
 * <p>Stateless; thread-safe.
 */
public final class CatalogCheck {

    /** The seed of the image k-means. */
    static final long IMAGE_SEED = 42;
    /** Image colours below this confidence propose no backfill and raise no mismatch. */
    static final double IMAGE_MIN_CONFIDENCE = 0.3;

    /** What a run found. */
    public record Summary(int products, Map<String, Integer> extracted, int images, int imagesMissing, int imagesUnreadable,
            Map<String, Integer> flags, List<CatalogStore.ImageCheck> imageProblems, long millis) {
    }

    private CatalogCheck() {
    }

    /** Runs the checks; needs the attribute models (PREREQUISITE_MISSING otherwise). */
    public static Summary run(Workspace ws, ProgressMonitor monitor) {
        long t0 = System.nanoTime();
        CatalogModels.Attributes models = CatalogModels.loadAttributes(ws);
        CatalogStore store = new CatalogStore(ws);
        List<CatalogProduct> products = store.products();
        AttributeExtractor colour = models.extractors().get("color");
        ImageColour images = ImageColour.retail(colour.vocabulary(), IMAGE_SEED);
        List<CatalogStore.ExtractionRow> rows = new ArrayList<>();
        List<CatalogStore.ImageCheck> checks = new ArrayList<>();
        List<CatalogProposal> proposals = new ArrayList<>();
        Map<String, Integer> extracted = new LinkedHashMap<>();
        List<double[]> imageAgreement = new ArrayList<>();
        monitor.update(0, products.size() + 1, "reading titles");
        Map<String, List<Optional<AttributeExtractor.Extraction>>> read = new LinkedHashMap<>();
        for (AttributeExtractor ex : models.extractors().values()) {
            monitor.checkCancelled();
            read.put(ex.attribute(), ex.extractAll(products));
        }
        int n = 0;
        for (CatalogProduct p : products) {
            int index = n;
            if (n++ % 200 == 0) {
                monitor.checkCancelled();
                monitor.update(n, products.size() + 1, "checking products and images");
            }
            AttributeExtractor.Extraction titleColour = null;
            for (AttributeExtractor ex : models.extractors().values()) {
                Optional<AttributeExtractor.Extraction> e = read.get(ex.attribute()).get(index);
                if (e.isEmpty()) {
                    continue;
                }
                AttributeExtractor.Extraction x = e.get();
                extracted.merge(ex.attribute(), 1, Integer::sum);
                rows.add(new CatalogStore.ExtractionRow(p.productId(), ex.attribute(), "title", x.value(), x.family(), x.confidence(), x.start(),
                        x.end()));
                if (ex.attribute().equals("color")) {
                    titleColour = x;
                }
                String current = p.attribute(ex.attribute());
                if (current.isEmpty()) {
                    proposals.add(new CatalogProposal(0, p.productId(), CatalogProposal.MISSING, ex.attribute(), "", x.value(), x.confidence(),
                            "title", "the title says \"" + x.phrase() + "\""));
                } else if (!ex.vocabulary().familyOf(current).equals(x.family())
                        && !AttributeVocabulary.normalise(current).equals(x.value())) {
                    proposals.add(new CatalogProposal(0, p.productId(), CatalogProposal.CONFLICT, ex.attribute(), current, x.value(),
                            x.confidence(), "title", "the title says \"" + x.phrase() + "\""));
                }
            }
            if (p.imageFile() != null) {
                CatalogStore.ImageCheck check = checkImage(p, images);
                checks.add(check);
                if (check.status().equals("ok")) {
                    if (!p.attribute("color").isEmpty()) {
                        boolean agrees = colour.vocabulary().familyOf(p.attribute("color")).equals(check.family());
                        imageAgreement.add(new double[] {check.confidence(), agrees ? 1 : 0});
                    }
                    rows.add(new CatalogStore.ExtractionRow(p.productId(), "color", "image", check.colour(), check.family(), check.confidence(),
                            null, null));
                    if (check.confidence() >= IMAGE_MIN_CONFIDENCE) {
                        if (titleColour != null && !titleColour.family().equals(check.family())) {
                            proposals.add(new CatalogProposal(0, p.productId(), CatalogProposal.IMAGE_MISMATCH, "color", titleColour.value(),
                                    check.colour(), Math.min(titleColour.confidence(), check.confidence()), "image",
                                    "the title says " + titleColour.value() + ", the image shows " + check.colour() + " (" + check.hex() + ")"));
                        } else if (titleColour == null && !p.attribute("color").isEmpty()
                                && !colour.vocabulary().familyOf(p.attribute("color")).equals(check.family())) {
                            proposals.add(new CatalogProposal(0, p.productId(), CatalogProposal.IMAGE_MISMATCH, "color", p.attribute("color"),
                                    check.colour(), check.confidence(), "image", "the colour attribute says " + p.attribute("color")
                                    + ", the image shows " + check.colour() + " (" + check.hex() + ")"));
                        } else if (titleColour == null && p.attribute("color").isEmpty()) {
                            proposals.add(new CatalogProposal(0, p.productId(), CatalogProposal.MISSING, "color", "", check.colour(),
                                    check.confidence(), "image", "the image shows " + check.colour() + " (" + check.hex() + ")"));
                        }
                    }
                }
            }
        }
        store.replaceExtractions(Set.of("title", "image"), rows);
        store.replaceImageChecks(checks);
        ws.putSetting(CatalogReview.IMAGE_AGREEMENT_SETTING, CatalogReview.curveJson(imageAgreement));
        store.replaceProposals(Set.of(CatalogProposal.MISSING, CatalogProposal.CONFLICT, CatalogProposal.IMAGE_MISMATCH), proposals);
        Map<String, Integer> flags = new LinkedHashMap<>();
        for (CatalogProposal pr : proposals) {
            flags.merge(pr.kind(), 1, Integer::sum);
        }
        List<CatalogStore.ImageCheck> problems = checks.stream().filter(c -> !c.status().equals("ok")).toList();
        monitor.update(products.size(), products.size(), "done");
        return new Summary(products.size(), extracted, checks.size(), (int) problems.stream().filter(c -> c.status().equals("missing")).count(),
                (int) problems.stream().filter(c -> c.status().equals("unreadable")).count(), flags, problems,
                (System.nanoTime() - t0) / 1_000_000);
    }

    static CatalogStore.ImageCheck checkImage(CatalogProduct p, ImageColour images) {
        if (!Files.isRegularFile(p.imageFile())) {
            return new CatalogStore.ImageCheck(p.productId(), p.imagePath(), "missing", "no file at " + p.imageFile(), null, null, null, 0);
        }
        BufferedImage img;
        try {
            img = ImageIO.read(p.imageFile().toFile());
        } catch (IOException | RuntimeException e) {
            return new CatalogStore.ImageCheck(p.productId(), p.imagePath(), "unreadable", "not a readable image: " + e.getMessage(), null,
                    null, null, 0);
        }
        if (img == null || img.getWidth() < 2 || img.getHeight() < 2) {
            return new CatalogStore.ImageCheck(p.productId(), p.imagePath(), "unreadable", "not a PNG or JPEG image", null, null, null, 0);
        }
        ImageColour.Dominant d = images.dominant(img);
        if (d == null) {
            return new CatalogStore.ImageCheck(p.productId(), p.imagePath(), "no_product", "only background is visible", null, null, null, 0);
        }
        return new CatalogStore.ImageCheck(p.productId(), p.imagePath(), "ok", null, d.hex(), d.name(), d.family(), d.confidence());
    }
}
