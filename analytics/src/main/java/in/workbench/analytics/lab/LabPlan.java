package in.workbench.analytics.lab;

import java.util.List;

/**
 * What the lab will do with a table before it trains: the task, the target's classes, each
 * column's role with the reason in plain words, and notes the analyst should read. Immutable.
 *
 * @param table the table or view
 * @param target the target column
 * @param task classification or regression
 * @param classes the target's classes (classification), most frequent first
 * @param columns every column but the target, with its role
 * @param rows rows with a target value
 * @param rowsWithoutTarget rows left out because their target is blank
 * @param notes plain sentences about columns left out, pooled categories and rows dropped
 */
public record LabPlan(String table, String target, LabTask task, List<String> classes, List<ColumnChoice> columns, long rows,
        long rowsWithoutTarget, List<String> notes) {

    public LabPlan {
        classes = List.copyOf(classes);
        columns = List.copyOf(columns);
        notes = List.copyOf(notes);
    }

    /**
     * A column and what the lab does with it.
     *
     * @param column the column name
     * @param kind number, date, timestamp, boolean, category or text
     * @param used whether it is a feature
     * @param reason why it is left out (or how it is encoded), in plain words
     */
    public record ColumnChoice(String column, String kind, boolean used, String reason) {
    }

    /** The feature columns, in table order. */
    public List<String> features() {
        return columns.stream().filter(ColumnChoice::used).map(ColumnChoice::column).toList();
    }
}
