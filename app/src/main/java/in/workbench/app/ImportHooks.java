package in.workbench.app;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.imports.ImportHook;
import in.workbench.analytics.regional.AddressStates;
import in.workbench.analytics.regional.RegionalAggregates;
import java.util.List;

/**
 * The features' work that runs inside every import's transaction, in one list, so that the
 * window, the first-run sample and the command line all import the same way. Build one per
 * process (or per command); the postal directory behind it loads on first need.
 * Thread-safe.
 */
public final class ImportHooks {

    private final RegionalAggregates regional = new RegionalAggregates(
            () -> new AddressStates(new AddressParser(PostalDirectory.load())));

    /** The regional and dashboard aggregates (also built once on opening an older workspace). */
    public RegionalAggregates regional() {
        return regional;
    }

    /** Every hook, in the order they run. */
    public List<ImportHook> all() {
        return List.of(regional, in.workbench.analytics.network.SessionStore.outcomesHook());
    }
}
