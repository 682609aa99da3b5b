package in.workbench.app.cli;

import in.workbench.sample.SampleGenerator;
import picocli.CommandLine.Option;

/**
 * The {@code --addresses} option of the commands and benchmarks that generate addresses, as a
 * picocli mixin: declared once, with each command's own default given where the command declares
 * the mixin ({@code @Mixin AddressesOption addresses = new AddressesOption(20_000);}), which its
 * help shows. One instance serves one invocation; not thread-safe.
 */
public final class AddressesOption {

    @Option(names = "--addresses", description = "Addresses to generate (default ${DEFAULT-VALUE}).")
    private int addresses;

    /** The option with {@code defaultAddresses} when {@code --addresses} is not given. */
    public AddressesOption(int defaultAddresses) {
        this.addresses = defaultAddresses;
    }

    /** The number given, or the command's default. */
    public int value() {
        return addresses;
    }

    /**
     * The generator's settings of an address world: these addresses, 5 shipments per address and
     * {@code products} products, drawn with {@code seed}.
     */
    public SampleGenerator.Config addressWorld(int products, long seed) {
        return new SampleGenerator.Config(products, addresses, addresses * 5, seed);
    }
}
