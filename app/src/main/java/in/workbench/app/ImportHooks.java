package in.workbench.app;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.imports.ImportHook;
import in.workbench.analytics.regional.AddressStates;
import in.workbench.analytics.regional.RegionalAggregates;
import java.util.List;
import java.util.function.Supplier;

/**
 * The features' work that runs inside every import's transaction, in one list, so that the
 * window, the first-run sample and the command line all import the same way. Build one per
 * process (or per command); the address parser behind it is built on first need.
 * Thread-safe.
 */
public final class ImportHooks {

    private final RegionalAggregates regional;

    /** Hooks with a parser of their own (the command line). */
    public ImportHooks() {
        this(new SharedAddressParser());
    }

    /** Hooks resolving states with {@code parser}, the one the window's screens use too. */
    public ImportHooks(Supplier<AddressParser> parser) {
        this.regional = new RegionalAggregates(() -> new AddressStates(parser.get()));
    }

    /** The regional and dashboard aggregates (also built once on opening an older workspace). */
    public RegionalAggregates regional() {
        return regional;
    }

    /** Every hook, in the order they run. */
    public List<ImportHook> all() {
        return List.of(regional, in.workbench.analytics.network.SessionStore.outcomesHook());
    }
}
