package in.workbench.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MarkdownTableTest {

    @Test
    void headerAlignsTheFirstColumnLeftAndTheFiguresRight() {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            MarkdownTable.header(out, "step", "time", "rows/s");
        }
        assertEquals("| step | time | rows/s |" + System.lineSeparator() + "|---|---:|---:|" + System.lineSeparator(), text.toString());
    }

    @Test
    void rowSeparatesCellsWithBars() {
        assertEquals("| a | 1.5 s |  |", MarkdownTable.row("a", "1.5 s", ""));
    }

    @Test
    void aTableWithoutColumnsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MarkdownTable.alignment(0));
    }
}
