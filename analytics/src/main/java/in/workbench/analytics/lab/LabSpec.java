package in.workbench.analytics.lab;

import java.util.List;

/**
 * What to train: the table or view, the target column, and optionally the task, the feature
 * columns, the candidate algorithms and the validation. Null means "choose for me": the task
 * from the target's type, the features by the lab's defaults, the algorithms that suit the task
 * and the table's size, 5-fold cross-validation. Immutable.
 *
 * @param table a table or view of the workspace
 * @param target the column to predict
 * @param task classification or regression, or null to decide from the target's type
 * @param features the feature columns, or null for the defaults
 * @param algorithms the candidates, or null for the defaults
 * @param validation how candidates are measured
 * @param seed the seed of every random choice (folds, trainers)
 */
public record LabSpec(String table, String target, LabTask task, List<String> features, List<Algorithm> algorithms,
        Validation validation, long seed) {

    public LabSpec {
        features = features == null ? null : List.copyOf(features);
        algorithms = algorithms == null ? null : List.copyOf(algorithms);
        validation = validation == null ? Validation.kFold(5) : validation;
    }

    /**
     * How candidates are measured: k-fold cross-validation on shuffled rows, or by time (train on
     * the earlier rows, test on the latest {@code testShare} of them by {@code timeColumn}).
     *
     * @param folds the number of folds (k-fold), at least 2
     * @param timeColumn the date, timestamp or number column that orders rows in time, or null for k-fold
     * @param testShare the share of the latest rows held out (time-based)
     */
    public record Validation(int folds, String timeColumn, double testShare) {

        /** k-fold cross-validation. */
        public static Validation kFold(int folds) {
            return new Validation(folds, null, 0);
        }

        /** Train on the earliest 80 % by {@code timeColumn}, test on the latest 20 %. */
        public static Validation byTime(String timeColumn) {
            return new Validation(0, timeColumn, 0.2);
        }

        /** True for time-based validation. */
        public boolean timeBased() {
            return timeColumn != null;
        }

        /** In words, for results and provenance. */
        public String describe() {
            return timeBased() ? String.format("by time: trained on the earliest %.0f %% by %s, tested on the latest %.0f %%",
                    100 * (1 - testShare), timeColumn, 100 * testShare) : folds + "-fold cross-validation";
        }
    }
}
