package in.workbench.app.cli;

import com.opencsv.CSVWriter;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.catalog.CatalogCheck;
import in.workbench.analytics.catalog.CatalogStore;
import in.workbench.analytics.export.CsvExporter;
import in.workbench.analytics.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code workbench extract -w DIR attributes -o FILE}: attribute values found in titles and images, and the flags. */
@Command(name = "extract", description = {"Find attribute values in titles and images and flag missing and contradicting ones.",
    "CSV product_id,attribute,value,confidence,source (source: title, image, catalog). Needs `train attributes` first."})
public final class ExtractCommand extends WorkspaceCommand {

    @Parameters(index = "0", paramLabel = "WHAT", description = "attributes")
    String what;

    @Mixin
    CsvOutputOption csvOutput;

    @Override
    void checkArguments() {
        if (!what.equals("attributes")) {
            throw usageError("Unknown '" + what + "'. This version extracts: attributes.");
        }
    }

    @Override
    void run(Workspace ws, PrintWriter out) throws Exception {
        Path output = csvOutput.file();
        CatalogCheck.Summary s;
        try (TerminalProgress progress = progress("Checking the catalog")) {
            s = CatalogCheck.run(ws, progress);
        }
        long[] rows = new long[1];
        Path parent = output.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8); CSVWriter csv = new CSVWriter(w)) {
                csv.writeNext(new String[] {"product_id", "attribute", "value", "confidence", "source"}, false);
                new CatalogStore(ws).streamValues((id, attr, value, conf, source) -> {
                    csv.writeNext(new String[] {CsvExporter.spreadsheetSafe(id), attr, CsvExporter.spreadsheetSafe(value),
                        String.format(Locale.ROOT, "%.4f", conf), source}, false);
                    rows[0]++;
                });
            }
        } catch (IOException e) {
            throw new WorkbenchException(WorkbenchException.Kind.INPUT_UNUSABLE, "Cannot write " + output + ": " + e.getMessage()
                    + ". Choose a writable file.", e);
        }
        out.printf("Checked %,d products in %.1f s: colour read from %,d titles, material from %,d; %,d images (%,d missing, %,d "
                + "unreadable). Flags: %s. Wrote %,d values to %s.%n", s.products(), s.millis() / 1000.0,
                s.extracted().getOrDefault("color", 0), s.extracted().getOrDefault("material", 0), s.images(), s.imagesMissing(),
                s.imagesUnreadable(), s.flags().isEmpty() ? "none" : s.flags().toString().replaceAll("[{}]", ""), rows[0], output);
        for (CatalogStore.ImageCheck c : s.imageProblems().stream().limit(20).toList()) {
            out.printf("  image of %s: %s (%s)%n", c.productId(), c.status(), c.message());
        }
        if (s.imageProblems().size() > 20) {
            out.printf("  ... and %,d more image problems (table catalog_image_checks).%n", s.imageProblems().size() - 20);
        }
        if (options.json()) {
            JsonSummary.print(out, JsonSummary.object("what", "attributes", "products", s.products(), "rows", rows[0],
                    "color_from_title", s.extracted().getOrDefault("color", 0), "material_from_title",
                    s.extracted().getOrDefault("material", 0), "images", s.images(), "images_missing", s.imagesMissing(),
                    "images_unreadable", s.imagesUnreadable(), "flags", s.flags()));
        }
    }
}
