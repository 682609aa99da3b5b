package in.workbench.app.bench;

import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportSummary;
import in.workbench.analytics.overview.Dashboard;
import in.workbench.analytics.regional.DeliverySpeed;
import in.workbench.analytics.regional.RankingPreview;
import in.workbench.analytics.regional.RegionalPreferences;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.ImportHooks;
import in.workbench.sample.SampleGenerator;
import in.workbench.app.cli.SeedOption;
import in.workbench.app.cli.WorldSizeOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code workbench bench charts --shipments N}: generates a sample world, imports it with the
 * aggregates kept up to date, then times a refresh of the overview dashboard's and the Regional
 * screen's chart queries (median and worst of repeated refreshes), next to the same monthly
 * chart computed by scanning the shipments.
 */
@Command(name = "charts", description = {
    "Generate a world with N shipments (the sample generator), import it with the aggregates kept up to date,",
    "then time a refresh of the overview dashboard's and the Regional screen's chart queries."})
final class BenchChartsCommand extends FolderBenchmark {

    private static final int REPEATS = 15;

    @Mixin
    WorldSizeOptions size = new WorldSizeOptions(3000, 1_000_000);

    @Mixin
    SeedOption seed = new SeedOption(20261124);

    @Override
    void measure(ScratchFolder base, PrintWriter out) throws Exception {
        importAndRefresh(base, out);
    }

    private void importAndRefresh(ScratchFolder base, PrintWriter out) throws Exception {
        Path world = base.resolve("world");
        int products = size.products();
        int shipments = size.shipments();
        int addresses = Math.max(20_000, shipments / 5);
        long t0 = System.nanoTime();
        new SampleGenerator(size.config(addresses, seed.value()), PostalDirectory.load())
                .generate(world, ProgressMonitor.NONE);
        out.printf("Generated %,d products, %,d addresses, %,d shipments in %.1f s%n", products, addresses, shipments,
                Samples.secondsSince(t0));
        Path workspace = base.fresh("ws");
        out.println();
        MarkdownTable.header(out, "step", "time", "rows/s");
        try (Workspace ws = Workspace.open(workspace)) {
            CsvImporter importer = new CsvImporter(ws, new ImportHooks().all());
            for (GeneratedFile file : List.of(new GeneratedFile("package_types.csv", DataTable.PACKAGE_TYPES),
                    new GeneratedFile("catalog.csv", DataTable.PRODUCTS), new GeneratedFile("addresses.csv", DataTable.ADDRESSES),
                    new GeneratedFile("shipments.csv", DataTable.SHIPMENTS))) {
                long t = System.nanoTime();
                ImportSummary s = file.importInto(importer, world);
                double secs = Samples.secondsSince(t);
                out.printf("| import %s with aggregates (%,d rows) | %.1f s | %,.0f |%n", file.name(), s.imported(), secs, s.imported() / secs);
            }
            out.println();
            MarkdownTable.header(out, String.format("chart refresh at %,d shipments (%d refreshes)", shipments, REPEATS), "median", "worst");
            time(out, "overview dashboard: months, damage by package, map, flagged tiles", () -> Dashboard.load(ws));
            time(out, "Regional screen: lifts, delivery speed, a state's top products", () -> {
                RegionalPreferences prefs = RegionalPreferences.load(ws);
                DeliverySpeed.load(ws);
                prefs.topProducts("Gujarat", 10);
            });
            RegionalPreferences prefs = RegionalPreferences.load(ws);
            DeliverySpeed speed = DeliverySpeed.load(ws);
            time(out, "ranking preview: \"saree\" for Gujarat", () -> new RankingPreview(ws).rank("saree", "Gujarat",
                    RankingPreview.Weights.equal(), prefs, speed, 30));
            time(out, "for contrast: shipments per month by scanning the shipments", () -> {
                try (Connection c = ws.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT FORMATDATETIME(order_date, 'yyyy-MM') AS m, status, COUNT(*) FROM shipments GROUP BY m, status")) {
                    while (rs.next()) {
                        rs.getLong(3);
                    }
                }
            });
        }
    }

    /** The median and worst of {@link #REPEATS} refreshes after three thrown away. */
    private static void time(PrintWriter out, String what, Samples.Work refresh) throws Exception {
        Samples ms = Samples.millis(3, REPEATS, refresh);
        out.printf("| %s | %.1f ms | %.1f ms |%n", what, ms.median(), ms.max());
        out.flush();
    }
}
