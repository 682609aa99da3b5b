package in.workbench.analytics.network;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One app session as sessions.csv describes it: the first page request's own columns and, once
 * known, its outcome. Optional columns are null when blank. Immutable.
 *
 * @param sessionId the session
 * @param customerId the customer (app install)
 * @param ts when the request was made, with the offset it was made in (the local time of day)
 * @param deviceModel e.g. {@code Redmi 9A}
 * @param os {@code FAMILY VERSION}, e.g. {@code android 11}
 * @param ramGb device memory
 * @param networkType the radio
 * @param carrier SIM operator, lower case
 * @param towerId serving cell id
 * @param signalDbm signal strength
 * @param lastLatencyMs latency of the customer's previous request
 * @param pincode the delivery pincode selected in the app
 * @param pageLoadMs outcome: request to page usable
 * @param slow outcome: page_load_ms above the workspace threshold (or as the file gave it)
 */
public record SessionRow(String sessionId, String customerId, OffsetDateTime ts, String deviceModel, String os, Double ramGb,
        NetworkType networkType, String carrier, String towerId, Integer signalDbm, Integer lastLatencyMs, String pincode,
        Integer pageLoadMs, Boolean slow) {

    public SessionRow {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(networkType, "networkType");
    }

    /** The same session without its outcome, as it is when the page decision is made. */
    public SessionRow withoutOutcome() {
        return new SessionRow(sessionId, customerId, ts, deviceModel, os, ramGb, networkType, carrier, towerId, signalDbm,
                lastLatencyMs, pincode, null, null);
    }
}
