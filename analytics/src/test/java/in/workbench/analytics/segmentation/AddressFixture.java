package in.workbench.analytics.segmentation;

import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.geo.Place;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Small workspaces of addresses written the way customers write them, on real pincodes. */
public final class AddressFixture {

    static final String[] BUILDINGS = {"Shanti Apartments", "Sai Krupa Residency", "Green Valley Society", "Prestige Towers"};

    private AddressFixture() {
    }

    /** The text of address {@code i} on place {@code p}. */
    public static String text(int i, Place p, Random r) {
        StringBuilder t = new StringBuilder();
        if (i % 3 != 2) {
            t.append("Flat ").append(100 + r.nextInt(800)).append(", ");
        }
        if (i % 4 == 0) {
            t.append(BUILDINGS[r.nextInt(BUILDINGS.length)]).append(", ");
        }
        if (i % 5 == 1) {
            t.append(r.nextInt(12) + 4).append("th Cross, ");
        }
        if (i % 7 == 3) {
            t.append("near Bus Stand, ");
        }
        String office = p.officeName().replaceAll("\\s+[SBHG]\\.?O\\.?$", "").replaceAll("\\s*\\(.*\\)$", "").trim();
        t.append(office).append(", ").append(p.district());
        if (i % 6 != 5) {
            t.append(" ").append(p.pincode());
        }
        return t.toString();
    }

    /** Writes {@code n} addresses as addresses.csv (plus {@code extra} raw lines) and imports them into {@code ws}. */
    public static void load(Workspace ws, Path dir, PostalDirectory directory, int n, long seed, List<String> extra) throws IOException {
        Random r = new Random(seed);
        List<Place> places = directory.places();
        StringBuilder csv = new StringBuilder("address_id,customer_id,address_text,city,state,pincode\n");
        for (int i = 0; i < n; i++) {
            Place p = places.get(r.nextInt(places.size()));
            csv.append(String.format("A%04d,C%04d,\"%s\",%s,,%s%n", i, i / 2, text(i, p, r), p.district(), i % 6 == 5 ? "" : p.pincode()));
        }
        extra.forEach(l -> csv.append(l).append('\n'));
        Path file = dir.resolve("addresses-" + seed + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        new CsvImporter(ws).importFile(file, DataTable.ADDRESSES, ImportOptions.defaults(), ProgressMonitor.NONE);
    }
}
