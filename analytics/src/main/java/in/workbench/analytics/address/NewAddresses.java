package in.workbench.analytics.address;

import com.opencsv.CSVReader;
import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import com.opencsv.exceptions.CsvException;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.task.ProgressMonitor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Addresses that are not in a workspace (a CSV of new addresses, as a script or a service would
 * send them when an address is typed), or some addresses of one, scored by a workspace's trained
 * model without importing them or touching any table ({@code AddressSegmenting} segments them). The CSV has {@code address_text} and optionally
 * {@code address_id}, {@code city}, {@code state}, {@code pincode} (the columns of addresses.csv);
 * without {@code address_id} the row number is the id. Stateless; thread-safe.
 */
public final class NewAddresses {

    /** Rows scored or segmented in one batch. */
    private static final int BATCH = 2_000;

    private NewAddresses() {
    }

    /** One address to score or segment. */
    public record Row(String id, String text, String city, String state, String pincode) {
    }

    /** Reads the CSV; INPUT_UNUSABLE when it has no {@code address_text} column or cannot be read. */
    public static List<Row> read(Reader in, String name) {
        try (CSVReader csv = new CSVReader(in instanceof BufferedReader ? in : new BufferedReader(in))) {
            String[] header = csv.readNext();
            if (header == null) {
                return List.of();
            }
            List<String> h = Arrays.stream(header).map(c -> c.trim().toLowerCase(Locale.ROOT).replace("\uFEFF", "")).toList();
            int text = h.indexOf("address_text");
            if (text < 0) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, name + " has no address_text column. Give a CSV with the columns of "
                        + "addresses.csv (address_text, and address_id, city, state, pincode where known).");
            }
            int id = h.indexOf("address_id");
            int city = h.indexOf("city");
            int state = h.indexOf("state");
            int pin = h.indexOf("pincode");
            List<Row> out = new ArrayList<>();
            String[] row;
            int n = 0;
            while ((row = csv.readNext()) != null) {
                n++;
                if (row.length == 1 && row[0].isEmpty()) {
                    continue;
                }
                out.add(new Row(id >= 0 ? cell(row, id) : String.valueOf(n), cell(row, text), cell(row, city), cell(row, state), cell(row, pin)));
            }
            return out;
        } catch (IOException | CsvException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Could not read " + name + ": " + e.getMessage() + ".", e);
        }
    }

    /** Reads address ids, one a line (a header line {@code address_id} and blank lines are skipped). */
    public static Set<String> readIds(Path file) {
        try {
            Set<String> ids = new LinkedHashSet<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String id = line.replace("\uFEFF", "").trim();
                int comma = id.indexOf(',');
                if (comma >= 0) {
                    id = id.substring(0, comma).trim();
                }
                if (!id.isEmpty() && !id.equalsIgnoreCase("address_id")) {
                    ids.add(id.replace("\"", ""));
                }
            }
            if (ids.isEmpty()) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, file + " lists no address ids. Give one address_id a line.");
            }
            return ids;
        } catch (IOException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Could not read " + file + ": " + e.getMessage() + ".", e);
        }
    }

    private static String cell(String[] row, int i) {
        return i >= 0 && i < row.length ? row[i] : "";
    }

    /** Scores the rows and writes {@code address_id,score,flagged,reasons}; returns how many were flagged. */
    public static long score(DeliverabilityModel model, AddressParser parser, List<Row> rows, Writer out, ProgressMonitor monitor) {
        long flagged = 0;
        try {
            ICSVWriter csv = new CSVWriter(out, ',', '"', '"', "\n");
            csv.writeNext(new String[] {"address_id", "score", "flagged", "reasons"}, false);
            for (int from = 0; from < rows.size(); from += BATCH) {
                monitor.checkCancelled();
                List<Row> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
                List<AddressScore> scores = model.scoreAll(parser, batch.stream()
                        .map(r -> new DeliverabilityModel.Input(r.text(), r.city(), r.state(), r.pincode())).toList());
                for (int i = 0; i < scores.size(); i++) {
                    AddressScore s = scores.get(i);
                    csv.writeNext(new String[] {batch.get(i).id(), String.format(Locale.ROOT, "%.4f", s.score()), String.valueOf(s.flagged()),
                        String.join("; ", s.reasons())}, false);
                    flagged += s.flagged() ? 1 : 0;
                }
                monitor.update(from + batch.size(), rows.size(), String.format("%,d of %,d addresses scored", from + batch.size(), rows.size()));
            }
            csv.flush();
        } catch (IOException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not write the scores: " + e.getMessage(), e);
        }
        return flagged;
    }
}
