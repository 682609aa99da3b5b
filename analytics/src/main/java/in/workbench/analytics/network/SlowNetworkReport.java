package in.workbench.analytics.network;

import in.workbench.analytics.geo.Place;
import in.workbench.analytics.geo.PostalDirectory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where sessions are slow, from the sessions with an outcome: the slow share by network type,
 * carrier, device memory and local hour; towers ranked by congestion with their share per hour;
 * the share per state and per pincode (with the postal directory's coordinates). Computed in one
 * pass over the columns. Immutable once built.
 *
 * @param byNetwork slow share per network type
 * @param byCarrier per carrier (blank as "no SIM / wifi")
 * @param byRam per device-memory band
 * @param byHour per local hour, 0–23
 * @param towers towers with at least {@link #MIN_TOWER_SESSIONS} sessions, most congested first
 * @param byState per state's display name
 * @param pincodes per pincode with coordinates
 * @param stateCentres each state's mean latitude and longitude over the postal directory (to place points on a map)
 */
public record SlowNetworkReport(Map<String, Share> byNetwork, Map<String, Share> byCarrier, Map<String, Share> byRam, Share[] byHour,
        List<Tower> towers, Map<String, Share> byState, List<PincodePoint> pincodes, Map<String, double[]> stateCentres) {

    public static final int MIN_TOWER_SESSIONS = 30;

    /** Sessions and slow sessions of a group. */
    public record Share(long sessions, long slow) {
        public double share() {
            return sessions == 0 ? 0 : slow / (double) sessions;
        }

        Share plus(boolean isSlow) {
            return new Share(sessions + 1, slow + (isSlow ? 1 : 0));
        }
    }

    /** A tower's slow share overall and per local hour. */
    public record Tower(String towerId, Share overall, Share[] byHour) {
        /** The share at the tower's worst hour with at least ten sessions (the overall share if none). */
        public double peakShare() {
            double best = overall.share();
            for (Share s : byHour) {
                if (s.sessions() >= 10) {
                    best = Math.max(best, s.share());
                }
            }
            return best;
        }
    }

    /** A pincode on the map. */
    public record PincodePoint(String pincode, double latitude, double longitude, Share share) {
    }

    /** Builds the report from {@code s}. */
    public static SlowNetworkReport of(Sessions s, PostalDirectory directory) {
        return of(s, () -> directory);
    }

    /**
     * Builds the report from {@code s}, asking for the postal directory (to place pincodes on the
     * map) only when there are sessions: a workspace without sessions never loads it.
     */
    public static SlowNetworkReport of(Sessions s, java.util.function.Supplier<PostalDirectory> directories) {
        PostalDirectory directory = s.size() == 0 ? null : directories.get();
        Map<String, Share> network = new LinkedHashMap<>();
        for (NetworkType n : NetworkType.values()) {
            network.put(n.code(), new Share(0, 0));
        }
        Map<String, Share> carrier = new TreeMap<>();
        Map<String, Share> ram = new LinkedHashMap<>();
        for (String band : List.of("up to 2 GB", "3–4 GB", "6 GB or more", "unknown")) {
            ram.put(band, new Share(0, 0));
        }
        Share[] hour = new Share[24];
        java.util.Arrays.fill(hour, new Share(0, 0));
        Map<String, Share[]> towerHours = new LinkedHashMap<>();
        Map<String, Share> pincode = new LinkedHashMap<>();
        for (int i = 0; i < s.size(); i++) {
            if (!s.labelled(i)) {
                continue;
            }
            boolean slow = s.slow(i);
            network.merge(s.network(i).code(), new Share(1, slow ? 1 : 0), SlowNetworkReport::add);
            carrier.merge(s.carrier(i) == null ? "no SIM / wifi" : s.carrier(i), new Share(1, slow ? 1 : 0), SlowNetworkReport::add);
            float gb = s.ramGb(i);
            String band = Float.isNaN(gb) ? "unknown" : gb <= 2 ? "up to 2 GB" : gb <= 4 ? "3–4 GB" : "6 GB or more";
            ram.merge(band, new Share(1, slow ? 1 : 0), SlowNetworkReport::add);
            int h = s.localHour(i);
            hour[h] = hour[h].plus(slow);
            if (s.towerId(i) != null) {
                Share[] th = towerHours.computeIfAbsent(s.towerId(i), k -> {
                    Share[] a = new Share[24];
                    java.util.Arrays.fill(a, new Share(0, 0));
                    return a;
                });
                th[h] = th[h].plus(slow);
            }
            if (s.pincode(i) != null) {
                pincode.merge(s.pincode(i), new Share(1, slow ? 1 : 0), SlowNetworkReport::add);
            }
        }
        List<Tower> towers = new ArrayList<>();
        towerHours.forEach((id, hours) -> {
            long n = 0;
            long y = 0;
            for (Share x : hours) {
                n += x.sessions();
                y += x.slow();
            }
            if (n >= MIN_TOWER_SESSIONS) {
                towers.add(new Tower(id, new Share(n, y), hours));
            }
        });
        towers.sort(Comparator.comparingDouble(Tower::peakShare).reversed().thenComparing(Tower::towerId));
        Map<String, Share> states = new TreeMap<>();
        List<PincodePoint> points = new ArrayList<>();
        pincode.forEach((pin, share) -> {
            List<Place> places = directory.byPincode(pin);
            if (places.isEmpty()) {
                return;
            }
            Place p = places.get(0);
            states.merge(p.state().displayName(), share, SlowNetworkReport::add);
            if (p.latitude() != 0) {
                points.add(new PincodePoint(pin, p.latitude(), p.longitude(), share));
            }
        });
        Map<String, double[]> centres = new TreeMap<>();
        for (Place p : directory == null ? List.<Place>of() : directory.places()) {
            if (p.latitude() != 0 && p.state() != null) {
                double[] c = centres.computeIfAbsent(p.state().displayName(), k -> new double[3]);
                c[0] += p.latitude();
                c[1] += p.longitude();
                c[2]++;
            }
        }
        centres.replaceAll((k, c) -> new double[] {c[0] / c[2], c[1] / c[2]});
        return new SlowNetworkReport(network, carrier, ram, hour, List.copyOf(towers), states, List.copyOf(points), centres);
    }

    private static Share add(Share a, Share b) {
        return new Share(a.sessions() + b.sessions(), a.slow() + b.slow());
    }
}
