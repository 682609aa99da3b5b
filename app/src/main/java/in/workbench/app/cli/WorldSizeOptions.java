package in.workbench.app.cli;

import in.workbench.sample.SampleGenerator;
import picocli.CommandLine.Option;

/**
 * The {@code --products} and {@code --shipments} options of the commands and benchmarks that
 * generate a sample world, as a picocli mixin: declared once, with each command's own defaults
 * given where the command declares the mixin
 * ({@code @Mixin WorldSizeOptions size = new WorldSizeOptions(3000, 100_000);}), which its help
 * shows. One instance serves one invocation; not thread-safe.
 */
public final class WorldSizeOptions {

    @Option(names = "--products", description = "Products to generate (default ${DEFAULT-VALUE}).")
    private int products;

    @Option(names = "--shipments", description = "Shipments to generate (default ${DEFAULT-VALUE}).")
    private int shipments;

    /** The options with these defaults when they are not given. */
    public WorldSizeOptions(int defaultProducts, int defaultShipments) {
        this.products = defaultProducts;
        this.shipments = defaultShipments;
    }

    public int products() {
        return products;
    }

    public int shipments() {
        return shipments;
    }

    /** The generator's settings for these sizes with {@code addresses} addresses and {@code seed}. */
    public SampleGenerator.Config config(int addresses, long seed) {
        return new SampleGenerator.Config(products, addresses, shipments, seed);
    }
}
