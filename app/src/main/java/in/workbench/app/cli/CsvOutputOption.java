package in.workbench.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code -o FILE} option of the commands that write a CSV file, as a picocli mixin. Declare it
 * after a command's positional parameter so that picocli lists the missing ones in the order of
 * docs/cli.md ({@code -w}, the positional, {@code -o}).
 */
final class CsvOutputOption {

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path file;

    /** The CSV file to write, as given. */
    Path file() {
        return file;
    }
}
