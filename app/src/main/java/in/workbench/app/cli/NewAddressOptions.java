package in.workbench.app.cli;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.AddressScoring;
import in.workbench.analytics.address.NewAddresses;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --input FILE|-} and {@code --ids FILE} options of {@code score} and {@code segment}:
 * new addresses from a CSV (or standard input) or some of the workspace's addresses, scored or
 * segmented into the CSV without importing anything or touching a table ({@code -o -} writes the
 * CSV to standard output). A picocli mixin; one instance serves one invocation.
 */
final class NewAddressOptions {

    @Option(names = "--input", paramLabel = "FILE|-", description = "New addresses (CSV with address_text, and address_id, city, state, "
            + "pincode where known), or - for standard input: written to the CSV without importing them or changing any table.")
    String input;

    @Option(names = "--ids", paramLabel = "FILE", description = "Only these addresses of the workspace (one address_id a line); "
            + "written to the CSV without changing any table.")
    Path ids;

    /** True when the command works on given addresses rather than on every address of the workspace. */
    boolean selected() {
        return input != null || ids != null;
    }

    /** Why the options cannot be used together, or null. */
    String conflict() {
        return input != null && ids != null ? "Give --input or --ids, not both." : null;
    }

    /** The addresses to work on. */
    List<NewAddresses.Row> rows(Workspace ws, AddressParser parser) {
        if (ids != null) {
            return new AddressScoring(ws, parser).addresses(NewAddresses.readIds(ids));
        }
        if (input.equals("-")) {
            return NewAddresses.read(new InputStreamReader(System.in, StandardCharsets.UTF_8), "standard input");
        }
        Path file = Path.of(input);
        if (!Files.isReadable(file)) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Cannot read " + file + ". Check the path.");
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return NewAddresses.read(r, file.toString());
        } catch (IOException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Could not read " + file + ": " + e.getMessage() + ".", e);
        }
    }

    /** What a command does with the given addresses: writes their CSV rows to {@code csv} and returns its figure. */
    @FunctionalInterface
    interface Work<T> {
        T write(AddressParser parser, List<NewAddresses.Row> rows, Writer csv, ProgressMonitor progress);
    }

    /** How a command reports it: the one-line summary (and {@code --json}) on {@code summary}. */
    @FunctionalInterface
    interface Report<T> {
        void print(PrintWriter summary, int addresses, T figure);
    }

    /**
     * Works on the given addresses without changing any table: reads them, writes the CSV to
     * {@code output} ({@code -}: standard output) with a progress bar for {@code task}, and reports
     * on standard output, or on standard error when the CSV went to standard output.
     */
    <T> void writeSelected(Workspace ws, WorkspaceOptions options, String task, Path output, PrintWriter out, Work<T> work,
            Report<T> report) {
        AddressParser parser = new AddressParser(PostalDirectory.load());
        List<NewAddresses.Row> rows = rows(ws, parser);
        T figure;
        try (TerminalProgress progress = options.progress(task); Writer w = writer(output)) {
            figure = work.write(parser, rows, w, progress);
        } catch (IOException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not write " + output + ": " + e.getMessage() + ". Choose another file.", e);
        }
        PrintWriter summary = summary(output, out);
        report.print(summary, rows.size(), figure);
        summary.flush();
    }

    /** The CSV's writer: standard output for "-", else the file. */
    static Writer writer(Path output) {
        try {
            return output.toString().equals("-") ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            } : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not write " + output + ": " + e.getMessage() + ". Choose another file.", e);
        }
    }

    /** Where the one-line summary goes: standard error when the CSV itself goes to standard output. */
    static PrintWriter summary(Path output, PrintWriter out) {
        return output.toString().equals("-") ? new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true) : out;
    }
}
