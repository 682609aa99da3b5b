package in.workbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/cli.md is generated from the picocli model; this fails when the committed file is stale. */
class CliReferenceTest {

    static final Path FILE = Path.of("..", "docs", "cli.md");

    @Test
    void theCommittedCommandLineReferenceMatchesTheCommands() throws Exception {
        String generated = CliReference.markdown();
        if (Boolean.getBoolean("cli.write")) {
            Files.writeString(FILE, generated, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(FILE), "docs/cli.md is missing: run this test with -Dcli.write=true");
        assertEquals(generated, Files.readString(FILE, StandardCharsets.UTF_8),
                "docs/cli.md is stale: a command changed. Regenerate it by running CliReferenceTest with -Dcli.write=true.");
    }

    @Test
    void everyRegisteredCommandHasItsSection() {
        String md = CliReference.markdown();
        for (String command : new String[] {"import", "info", "export", "train", "score", "segment", "extract", "predict", "recommend",
            "report"}) {
            assertTrue(md.contains("\n## `workbench " + command + "`\n"), command);
        }
    }
}
