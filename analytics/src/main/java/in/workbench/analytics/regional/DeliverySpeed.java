package in.workbench.analytics.regional;

import in.workbench.analytics.workspace.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivery speed: promised versus actual days, and the share delivered late, by state and
 * package type. Only shipments with both a promise and an actual delivery time count as timed.
 * Read from {@code agg_delivery_by_state_package} (kept up to date at import). Thread-safe.
 */
public final class DeliverySpeed {

    /**
     * Delivery of one state × package type, or a total over one of them.
     *
     * @param state the state (or "All states")
     * @param packageType the package type (or "All packages")
     * @param shipments all shipments
     * @param timed shipments with promised and actual days
     * @param promisedSum sum of promised days of the timed shipments
     * @param actualSum sum of actual days of the timed shipments
     * @param late timed shipments delivered after the promise
     */
    public record Speed(String state, String packageType, long shipments, long timed, long promisedSum, long actualSum, long late) {

        /** Mean promised days, or NaN when nothing was timed. */
        public double meanPromised() {
            return timed == 0 ? Double.NaN : promisedSum / (double) timed;
        }

        /** Mean actual days, or NaN when nothing was timed. */
        public double meanActual() {
            return timed == 0 ? Double.NaN : actualSum / (double) timed;
        }

        /** Share delivered later than promised, or NaN when nothing was timed. */
        public double lateShare() {
            return timed == 0 ? Double.NaN : late / (double) timed;
        }

        Speed plus(Speed o) {
            return new Speed(state, packageType, shipments + o.shipments, timed + o.timed, promisedSum + o.promisedSum,
                    actualSum + o.actualSum, late + o.late);
        }
    }

    /** The label of totals over all states. */
    public static final String ALL_STATES = "All states";
    /** The label of totals over all package types. */
    public static final String ALL_PACKAGES = "All packages";

    private final List<Speed> cells;

    private DeliverySpeed(List<Speed> cells) {
        this.cells = cells;
    }

    /** Reads the delivery aggregate. */
    public static DeliverySpeed load(Workspace workspace) {
        List<Speed> cells = RegionalStore.deliveryCells(workspace);
        return new DeliverySpeed(List.copyOf(cells));
    }

    /** Every state × package type cell. */
    public List<Speed> cells() {
        return cells;
    }

    /** Totals per state over all package types, by state name. */
    public List<Speed> byState() {
        Map<String, Speed> out = new LinkedHashMap<>();
        for (Speed s : cells) {
            out.merge(s.state(), new Speed(s.state(), ALL_PACKAGES, s.shipments(), s.timed(), s.promisedSum(), s.actualSum(), s.late()),
                    Speed::plus);
        }
        return List.copyOf(out.values());
    }

    /** Totals per package type over all states. */
    public List<Speed> byPackage() {
        Map<String, Speed> out = new java.util.TreeMap<>();
        for (Speed s : cells) {
            out.merge(s.packageType(), new Speed(ALL_STATES, s.packageType(), s.shipments(), s.timed(), s.promisedSum(),
                    s.actualSum(), s.late()), Speed::plus);
        }
        return List.copyOf(out.values());
    }

    /** One state's cells, one per package type. */
    public List<Speed> ofState(String state) {
        return cells.stream().filter(s -> s.state().equals(state)).toList();
    }

    /** The whole country. */
    public Speed national() {
        Speed total = new Speed(ALL_STATES, ALL_PACKAGES, 0, 0, 0, 0, 0);
        for (Speed s : cells) {
            total = total.plus(s);
        }
        return total;
    }
}
