package in.workbench.analytics.lab;

import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Small synthetic tables for the lab's tests, with a known signal: {@code churned} depends on
 * {@code spend} and {@code visits} (and the {@code city}), {@code basket_inr} on {@code spend};
 * {@code shop} has 1,000 levels, {@code note} is blank everywhere, {@code channel} is constant.
 */
final class LabTables {

    private LabTables() {
    }

    static Path writeCustomers(Path dir, int rows, long seed) throws IOException {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder("customer_id,signup,spend,visits,city,shop,note,channel,churned,basket_inr\n");
        String[] cities = {"Pune", "Delhi", "Mumbai", "Chennai", "Kolkata"};
        for (int i = 0; i < rows; i++) {
            double spend = r.nextGaussian();
            double visits = r.nextGaussian();
            int city = r.nextInt(cities.length);
            double logit = 2.2 * spend - 1.4 * visits + (city == 0 ? 1.0 : 0) - 0.3;
            boolean churned = r.nextDouble() < 1 / (1 + Math.exp(-logit));
            double basket = 500 + 120 * spend + 30 * visits + r.nextGaussian() * 20;
            b.append(String.format(Locale.ROOT, "C%05d,2026-%02d-%02d,%.4f,%s,%s,S%03d,,app,%s,%.2f%n", i, 1 + i * 12 / rows,
                    1 + r.nextInt(28), spend, i % 37 == 0 ? "" : String.format(Locale.ROOT, "%.3f", visits), cities[city],
                    i < 1000 ? i : (int) (1000 * Math.pow(r.nextDouble(), 4)), churned, basket));
        }
        Path f = dir.resolve("customers.csv");
        Files.writeString(f, b.toString());
        return f;
    }

    static void importCustomers(Workspace ws, Path dir, int rows) throws IOException {
        Path f = writeCustomers(dir, rows, 7);
        new GenericTableImporter(new LabStore(ws)).importFile(
                new GenericTableImporter.Request(f, "customers", "customer_id", Map.of(), null), ProgressMonitor.NONE);
    }
}
