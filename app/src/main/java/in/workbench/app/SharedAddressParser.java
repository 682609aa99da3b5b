package in.workbench.app;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import java.util.function.Supplier;

/**
 * The address parser that the window's screens and its imports share: built on the first worker
 * that asks (it indexes the process's one {@link PostalDirectory}, about a second the first time),
 * then the same instance for every caller. Thread-safe.
 */
public final class SharedAddressParser implements Supplier<AddressParser> {

    private volatile AddressParser parser;

    @Override
    public AddressParser get() {
        AddressParser p = parser;
        if (p == null) {
            synchronized (this) {
                p = parser;
                if (p == null) {
                    p = new AddressParser(PostalDirectory.load());
                    parser = p;
                }
            }
        }
        return p;
    }
}
