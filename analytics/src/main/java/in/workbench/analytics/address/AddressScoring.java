package in.workbench.analytics.address;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores every address of a workspace with its deliverability model, in batches, into the
 * {@code address_scores} table (one transaction) and optionally a CSV
 * {@code address_id,score,flagged,reasons}. Thread-safe.
 */
public final class AddressScoring {

    private static final int BATCH = 5_000;
    private static final List<String> SCORE_COLUMNS = List.of("address_id", "score", "flagged", "reasons", "scored_at", "state_name",
            "city_name", "pincode_found");

    private final Workspace workspace;
    private final AddressParser parser;

    public AddressScoring(Workspace workspace, AddressParser parser) {
        this.workspace = workspace;
        this.parser = parser;
    }

    /** What scoring did. */
    public record Summary(long addresses, long flagged, double threshold) {
    }

    /** The state an address is in: its pincode's, else the one it names; null when neither is known. */
    static String stateOf(AddressParts p) {
        if (p.pincodeState() != null) {
            return p.pincodeState().displayName();
        }
        return p.statedState() == null ? null : p.statedState().displayName();
    }

    /** The city (district) an address is in: its pincode's district, else the city it names. */
    static String cityOf(AddressParts p) {
        if (p.pincodeDistrict() != null) {
            return p.pincodeDistrict();
        }
        return p.statedCity() == null ? null : titleCase(p.statedCity());
    }

    private static String titleCase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean start = true;
        for (char ch : s.toCharArray()) {
            b.append(start ? Character.toUpperCase(ch) : ch);
            start = Character.isWhitespace(ch);
        }
        return b.toString();
    }

    /** The workspace's addresses with these ids, in the order given (ids not in the workspace are left out). */
    public List<NewAddresses.Row> addresses(java.util.Set<String> ids) {
        return new AddressStore(workspace).addresses(new ArrayList<>(ids));
    }

    /** Scores all addresses; writes the CSV when {@code csv} is not null. */
    public Summary scoreAll(DeliverabilityModel model, Path csv, ProgressMonitor monitor) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long[] flagged = {0};
        EveryAddressPass pass = new EveryAddressPass(workspace, "scored", "address_id", "score", "flagged", "reasons");
        try {
            long done = pass.run(csv, results -> new AddressStore(workspace).replaceResultsOfEveryAddress("address_scores", SCORE_COLUMNS,
                    BATCH, "Scoring failed and was undone", results), (batch, out) -> {
                        List<AddressScore> scores = model.scoreAll(parser, batch.stream()
                                .map(a -> new DeliverabilityModel.Input(a.text(), a.city(), a.state(), a.pincode())).toList());
                        List<Object[]> rows = new ArrayList<>(scores.size());
                        for (int i = 0; i < scores.size(); i++) {
                            AddressScore sc = scores.get(i);
                            String id = batch.get(i).id();
                            String reasons = String.join("; ", sc.reasons());
                            rows.add(new Object[] {id, sc.score(), sc.flagged(), reasons, now, stateOf(sc.parts()), cityOf(sc.parts()),
                                sc.parts().pincode()});
                            out.writeNext(new String[] {id, String.format(Locale.ROOT, "%.4f", sc.score()), String.valueOf(sc.flagged()),
                                reasons}, false);
                            flagged[0] += sc.flagged() ? 1 : 0;
                        }
                        return rows;
                    }, monitor);
            return new Summary(done, flagged[0], model.threshold());
        } catch (IOException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not write " + csv + ": " + e.getMessage(), e);
        }
    }
}
