package in.workbench.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import in.workbench.analytics.imports.ColumnType;
import in.workbench.analytics.imports.ImportSummary;
import in.workbench.analytics.lab.Algorithm;
import in.workbench.analytics.lab.CandidateResult;
import in.workbench.analytics.lab.GenericTableImporter;
import in.workbench.analytics.lab.LabColumn;
import in.workbench.analytics.lab.LabModel;
import in.workbench.analytics.lab.LabNames;
import in.workbench.analytics.lab.LabPlan;
import in.workbench.analytics.lab.LabResult;
import in.workbench.analytics.lab.LabScoring;
import in.workbench.analytics.lab.LabSpec;
import in.workbench.analytics.lab.LabStore;
import in.workbench.analytics.lab.LabTask;
import in.workbench.analytics.lab.LabTrainer;
import in.workbench.analytics.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The model lab on the command line: {@code import -t table}, {@code train lab}, {@code lab list}
 * and {@code predict lab}. The shared commands call in here with one line each, so that the lab's
 * options and output live in one place.
 */
final class LabCommands {

    private LabCommands() {
    }

    /** The options of {@code train lab}. */
    static final class TrainOptions {
        @Option(names = "--table", paramLabel = "T", description = "lab: the table or view to learn from.")
        String table;

        @Option(names = "--target", paramLabel = "C", description = "lab: the column to predict.")
        String target;

        @Option(names = "--features", paramLabel = "A,B…", split = ",", description = "lab: the feature columns (default: every column "
                + "but ids, blank, constant and free-text ones).")
        List<String> features;

        @Option(names = "--algorithm", paramLabel = "NAME", split = ",", description = "lab: logistic-regression, linear-regression, "
                + "xgboost, cart, random-forest, extra-trees or knn; several with commas (default: all that suit the target and size).")
        List<String> algorithms;

        @Option(names = "--name", paramLabel = "M", description = "lab: the model's name (default: TABLE_TARGET).")
        String name;

        @Option(names = "--task", paramLabel = "TASK", description = "lab: classification or regression (default: from the target's type).")
        String task;

        @Option(names = "--time-column", paramLabel = "C", description = "lab: validate by time on this date column (train on the "
                + "earliest 80 %%, test on the latest 20 %%) instead of k-fold.")
        String timeColumn;
    }

    /** {@code train -w DIR lab --table T --target C [--features …] [--algorithm …] [--name M]}. */
    static int train(WorkspaceOptions options, TrainOptions lab, long seed, int folds, CommandSpec spec) throws Exception {
        if (lab.table == null || lab.target == null) {
            throw new ParameterException(spec.commandLine(), "train lab needs --table T and --target C.");
        }
        List<Algorithm> algorithms = lab.algorithms == null ? null : lab.algorithms.stream().map(Algorithm::named).toList();
        LabTask task = lab.task == null ? null : LabTask.named(lab.task);
        String name = LabNames.checkName(lab.name != null ? lab.name : defaultName(lab.table, lab.target), "model");
        LabSpec.Validation validation = lab.timeColumn != null ? LabSpec.Validation.byTime(lab.timeColumn)
                : LabSpec.Validation.kFold(folds);
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = options.open()) {
            LabStore store = new LabStore(ws);
            LabResult result;
            try (TerminalProgress progress = options.progress("Training lab model " + name)) {
                result = new LabTrainer(store).train(new LabSpec(lab.table, lab.target, task, lab.features, algorithms, validation, seed),
                        progress);
            }
            LabModel.save(store, name, result);
            LabPlan plan = result.plan();
            out.printf("Lab model %s: %s of %s on %s, %,d rows, %s, seed %d.%n", name, plan.task().label(), plan.target(), plan.table(),
                    plan.rows(), result.spec().validation().describe(), seed);
            out.println("Features: " + String.join(", ", plan.features()));
            for (String note : plan.notes()) {
                out.println("Note: " + note);
            }
            for (CandidateResult c : result.candidates()) {
                if (c.failure() != null) {
                    out.printf("  %-22s %s%n", c.algorithm().id(), c.failure());
                    continue;
                }
                StringBuilder line = new StringBuilder(String.format("  %-22s", c.algorithm().id()));
                c.metrics().forEach((k, v) -> line.append(String.format(java.util.Locale.ROOT, "  %s %.4f", k, v)));
                line.append(String.format("  (%.1f s)", c.trainMillis() / 1000.0));
                if (c.algorithm() == result.kept()) {
                    line.append("  <- kept");
                }
                out.println(line);
            }
            CandidateResult kept = result.keptResult();
            if (!kept.importance().isEmpty()) {
                out.println("Most important: " + String.join(", ", kept.importance().stream().limit(5)
                        .map(i -> String.format(java.util.Locale.ROOT, "%s %.0f %%", i.column(), 100 * i.share())).toList()));
            }
            out.printf("Saved as %s; score a table with: workbench predict -w %s lab %s -o predictions.csv%n", name, ws.folder(), name);
            if (options.json()) {
                ObjectNode node = JsonSummary.object();
                node.put("model", "lab");
                node.put("name", name);
                node.put("table", plan.table());
                node.put("target", plan.target());
                node.put("task", plan.task().label());
                node.put("rows", plan.rows());
                node.put("validation", result.spec().validation().describe());
                node.put("seed", seed);
                node.put("kept", result.kept().id());
                node.put("primary_metric", result.primaryMetric());
                ArrayNode features = node.putArray("features");
                plan.features().forEach(features::add);
                ObjectNode candidates = node.putObject("candidates");
                for (CandidateResult c : result.candidates()) {
                    ObjectNode cn = candidates.putObject(c.algorithm().id());
                    if (c.failure() != null) {
                        cn.put("failure", c.failure());
                    }
                    c.metrics().forEach(cn::put);
                }
                ArrayNode notes = node.putArray("notes");
                plan.notes().forEach(notes::add);
                JsonSummary.print(out, node);
            }
        }
        return 0;
    }

    private static String defaultName(String table, String target) {
        String n = (table + "_" + target).trim().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        return n.length() > 48 ? n.substring(0, 48) : n;
    }

    /** Checks {@code predict lab NAME} before the workspace is opened. */
    static void checkPredict(String name, CommandSpec spec) {
        if (name == null || name.isBlank()) {
            throw new ParameterException(spec.commandLine(), "predict lab needs the model's NAME: workbench predict -w DIR lab NAME -o FILE.");
        }
    }

    /** {@code predict -w DIR lab NAME -o FILE [--table T]}. */
    static void predict(Workspace ws, String name, String table, Path file, WorkspaceOptions options, PrintWriter out) {
        LabStore store = new LabStore(ws);
        LabModel model = LabModel.load(store, name);
        LabScoring.Scored scored;
        try (TerminalProgress progress = options.progress("Scoring with " + name)) {
            scored = new LabScoring(store).score(model, table, file, progress);
        }
        out.printf("Predicted %,d rows of %s with %s (%s). Wrote %s; the predictions are also in the view %s.%n", scored.rows(),
                scored.table(), name, model.description().algorithm(), file, scored.view());
        if (options.json()) {
            ObjectNode node = JsonSummary.object();
            node.put("model", "lab");
            node.put("name", name);
            node.put("table", scored.table());
            node.put("rows", scored.rows());
            node.put("view", scored.view());
            ArrayNode cols = node.putArray("columns");
            scored.columns().forEach(cols::add);
            JsonSummary.print(out, node);
        }
    }

    /** {@code lab list -w DIR}: the lab's models. */
    @Command(name = "lab", description = "The model lab's saved models.", subcommands = LabCommands.LabList.class)
    static final class Lab implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "Name a lab command: list.");
        }
    }

    /** {@code lab list -w DIR}. */
    @Command(name = "list", description = "The lab's models with table, target, algorithm and validation figures.")
    static final class LabList extends WorkspaceCommand {
        @Override
        void run(Workspace ws, PrintWriter out) {
            List<LabStore.ModelEntry> models = new LabStore(ws).models();
            java.util.Map<String, in.workbench.analytics.workspace.ModelStore.StoredModel> trainedBy = ws.models().byModelName();
            if (models.isEmpty()) {
                out.println("No lab models yet. Train one with: workbench train -w " + ws.folder() + " lab --table T --target C");
            } else {
                out.printf("%-24s %-20s %-16s %-14s %-20s %-18s %10s  %s%n", "name", "table", "target", "task", "algorithm", "figure",
                        "rows", "trained");
                for (LabStore.ModelEntry m : models) {
                    var stored = trainedBy.get(m.name());
                    out.printf(java.util.Locale.ROOT, "%-24s %-20s %-16s %-14s %-20s %-18s %,10d  %s%n", m.name(), m.table(), m.target(),
                            m.task(), m.algorithm(), String.format(java.util.Locale.ROOT, "%s %.4f", m.primaryMetric(), m.primaryValue()),
                            m.rows(), stored != null ? stored.trainedByLine() : "trained " + m.trainedAt());
                }
            }
            if (options.json()) {
                ObjectNode root = JsonSummary.object();
                ArrayNode array = root.putArray("models");
                for (LabStore.ModelEntry m : models) {
                    ObjectNode n = array.addObject();
                    n.put("name", m.name());
                    n.put("table", m.table());
                    n.put("target", m.target());
                    n.put("task", m.task());
                    n.put("algorithm", m.algorithm());
                    n.put("validation", m.validation());
                    n.put(m.primaryMetric(), m.primaryValue());
                    n.put("rows", m.rows());
                    n.put("seed", m.seed());
                    n.put("trained_at", m.trainedAt());
                    if (trainedBy.containsKey(m.name())) {
                        n.put("trained_by", trainedBy.get(m.name()).trainedBy());
                    }
                    if (m.scoredView() != null) {
                        n.put("view", m.scoredView());
                    }
                }
                JsonSummary.print(out, root);
            }
        }
    }

    /**
     * Checks {@code import -t table --name NAME [--type COL=TYPE]...} before the workspace is opened:
     * the new table's name is given, and the column types it sets, by column.
     */
    static Map<String, ColumnType> columnTypes(List<String> types, String name, CommandSpec spec) {
        if (name == null || name.isBlank()) {
            throw new ParameterException(spec.commandLine(), "-t table needs --name NAME, the name of the new table.");
        }
        Map<String, ColumnType> overrides = new LinkedHashMap<>();
        for (String t : types) {
            if (t.equals("table")) {
                continue;
            }
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), "Give -t table once and column types as --type COL=TYPE, not '" + t + "'.");
            }
            overrides.put(t.substring(0, eq).trim(), LabStore.typeNamed(t.substring(eq + 1)));
        }
        return overrides;
    }

    /** {@code import -w DIR -t table --name NAME FILE [--id COL] [--type COL=TYPE]...}: any CSV as its own table. */
    static void importTable(Workspace ws, WorkspaceOptions options, GenericTableImporter.Request request, Path rejects, PrintWriter out) {
        GenericTableImporter.Result result;
        try (TerminalProgress progress = options.progress("Importing " + request.file().getFileName())) {
            result = new GenericTableImporter(new LabStore(ws)).importFile(request, progress);
        }
        ImportSummary summary = result.summary();
        out.printf("Imported %,d rows into table %s (id: %s); %,d rejected.%n", summary.imported(), result.table(),
                result.idColumn(), summary.rejected());
        for (LabColumn c : result.columns()) {
            out.printf("  %-28s %s%n", c.name(), LabStore.typeName(c.type()));
        }
        ImportCommand.reportRejects(ws, summary, rejects, out);
        if (options.json()) {
            ObjectNode node = JsonSummary.object();
            node.put("type", "table");
            node.put("table", result.table());
            node.put("imported", summary.imported());
            node.put("rejected", summary.rejected());
            node.put("unresolved", 0);
            node.putArray("ignored_columns");
            node.put("id_column", result.idColumn());
            ArrayNode columns = node.putArray("columns");
            for (LabColumn c : result.columns()) {
                columns.addObject().put("name", c.name()).put("header", c.header()).put("type", LabStore.typeName(c.type()));
            }
            node.put("run_id", summary.runId());
            JsonSummary.print(out, node);
        }
    }
}
