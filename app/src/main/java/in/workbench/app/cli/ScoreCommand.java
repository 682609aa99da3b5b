package in.workbench.app.cli;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.AddressScoring;
import in.workbench.analytics.address.DeliverabilityModel;
import in.workbench.analytics.address.FlagThreshold;
import in.workbench.analytics.address.NewAddresses;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.workspace.Workspace;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code workbench score -w DIR deliverability -o FILE}: scores every address. */
@Command(name = "score", description = {"Score every address: CSV address_id,score,flagged,reasons (--input: new addresses; --ids: some).",
    "score = probability that a shipment to the address is delivered; reasons ';'-separated, biggest effect first.",
    "crisp: CSV person_id,risk,p_s,p_e,p_i,p_r, risk = P(exposed or infectious) on the as-of day."})
public final class ScoreCommand extends WorkspaceCommand {

    @Parameters(index = "0", paramLabel = "MODEL", description = "deliverability or crisp")
    String model;

    @Mixin
    CsvOutputOption csvOutput;

    @Mixin
    NewAddressOptions addresses;

    @Option(names = "--threshold", description = "Flag addresses scoring below this (default: the one chosen on the Model screen, else 0.5).")
    Double threshold;

    @Mixin
    CrispCommands.ScoreOptions crisp;

    @Override
    void checkArguments() {
        if (model.equals("crisp")) {
            CrispCommands.checkScoreArguments(crisp, spec);
            return;
        }
        if (!model.equals("deliverability")) {
            throw usageError("Unknown model '" + model + "'. This version scores: deliverability, crisp.");
        }
        if (threshold != null && (threshold <= 0 || threshold >= 1)) {
            throw usageError("--threshold must be between 0 and 1.");
        }
        if (addresses.conflict() != null) {
            throw usageError(addresses.conflict());
        }
    }

    @Override
    void run(Workspace ws, PrintWriter out) throws java.io.IOException {
        if (model.equals("crisp")) {
            CrispCommands.score(ws, options, crisp, csvOutput.file(), out);
            return;
        }
        DeliverabilityModel m = DeliverabilityModel.load(ws.modelsDir());
        m = m.withThreshold(threshold != null ? threshold : FlagThreshold.of(ws, m.threshold()));
        if (addresses.selected()) {
            DeliverabilityModel model = m;
            addresses.writeSelected(ws, options, "Scoring addresses", csvOutput.file(), out,
                    (parser, rows, csv, progress) -> NewAddresses.score(model, parser, rows, csv, progress), (summary, n, flagged) -> {
                        summary.printf("Scored %,d addresses; %,d flagged (score below %.2f); no table changed. Wrote %s.%n", n, flagged,
                                model.threshold(), csvOutput.file());
                        if (options.json()) {
                            JsonSummary.print(summary, JsonSummary.object("model", "deliverability", "addresses", n, "flagged", flagged,
                                    "threshold", model.threshold()));
                        }
                    });
            return;
        }
        AddressScoring.Summary s;
        try (TerminalProgress progress = progress("Scoring addresses")) {
            s = new AddressScoring(ws, new AddressParser(PostalDirectory.load())).scoreAll(m, csvOutput.file(), progress);
        }
        out.printf("Scored %,d addresses; %,d flagged (score below %.2f). Wrote %s.%n", s.addresses(), s.flagged(), s.threshold(),
                csvOutput.file());
        if (options.json()) {
            JsonSummary.print(out, JsonSummary.object("model", "deliverability", "addresses", s.addresses(), "flagged", s.flagged(),
                    "threshold", s.threshold()));
        }
    }
}
