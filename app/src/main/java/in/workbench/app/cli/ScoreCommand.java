package in.workbench.app.cli;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.AddressScoring;
import in.workbench.analytics.address.DeliverabilityModel;
import in.workbench.analytics.address.FlagThreshold;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code workbench score -w DIR deliverability -o FILE}: scores every address. */
@Command(name = "score", description = {"Score every address: CSV address_id,score,flagged,reasons.",
    "score = probability that a shipment to the address is delivered; reasons ';'-separated, biggest effect first."})
public final class ScoreCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOptions options;

    @Parameters(index = "0", paramLabel = "MODEL", description = "deliverability")
    String model;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path output;

    @Option(names = "--threshold", description = "Flag addresses scoring below this (default: the one chosen on the Model screen, else 0.5).")
    Double threshold;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!model.equals("deliverability")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Unknown model '" + model + "'. This version scores: deliverability.");
        }
        if (threshold != null && (threshold <= 0 || threshold >= 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threshold must be between 0 and 1.");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = options.open()) {
            DeliverabilityModel m = DeliverabilityModel.load(ws.modelsDir());
            m = m.withThreshold(threshold != null ? threshold : FlagThreshold.of(ws, m.threshold()));
            AddressScoring.Summary s;
            try (TerminalProgress progress = new TerminalProgress("Scoring addresses", options.quiet(), System.err)) {
                s = new AddressScoring(ws, new AddressParser(PostalDirectory.load())).scoreAll(m, output, progress);
            }
            out.printf("Scored %,d addresses; %,d flagged (score below %.2f). Wrote %s.%n", s.addresses(), s.flagged(), s.threshold(), output);
            if (options.json()) {
                out.printf("{\"model\":\"deliverability\",\"addresses\":%d,\"flagged\":%d,\"threshold\":%.4f}%n", s.addresses(), s.flagged(),
                        s.threshold());
            }
        }
        return 0;
    }
}
