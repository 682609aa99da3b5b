package in.workbench.app.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --seed} option of the commands and benchmarks that draw random numbers, as a picocli
 * mixin: declared once, with each command's own default given where the command declares the
 * mixin ({@code @Mixin SeedOption seed = new SeedOption(42);}), which its help shows. One instance
 * serves one invocation; not thread-safe.
 */
public final class SeedOption {

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default ${DEFAULT-VALUE}).")
    private long seed;

    /** The option with {@code defaultSeed} when {@code --seed} is not given. */
    public SeedOption(long defaultSeed) {
        this.seed = defaultSeed;
    }

    /** The seed given, or the command's default. */
    public long value() {
        return seed;
    }
}
