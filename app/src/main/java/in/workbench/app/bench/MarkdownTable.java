package in.workbench.app.bench;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The markdown tables the benchmarks print for the README: a header whose first column is text
 * (left-aligned) and whose other columns are figures (right-aligned), and rows of cells. Stateless.
 */
final class MarkdownTable {

    private MarkdownTable() {
    }

    /** Prints the header line and the alignment line. */
    static void header(PrintWriter out, String... columns) {
        out.println(row(columns));
        out.println(alignment(columns.length));
    }

    /** "| a | b |". */
    static String row(String... cells) {
        return Arrays.stream(cells).collect(Collectors.joining(" | ", "| ", " |"));
    }

    /** "|---|---:|…": the first column left-aligned, the others right-aligned. */
    static String alignment(int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("a table has at least one column");
        }
        return "|---|" + "---:|".repeat(columns - 1);
    }
}
