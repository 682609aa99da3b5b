package in.workbench.sample;

import in.workbench.analytics.geo.Place;
import in.workbench.analytics.geo.PostalDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The sample world's app sessions (sessions.csv) for the slow-network model: customers with a
 * device, a carrier and a home pincode from the postal directory; towers per pincode and carrier,
 * each congested at its own hours; phones that move between a home and a work tower (switching
 * towers) or sit on wifi at home. A page load is log-normal: its log-mean grows with the radio,
 * the tower's congestion at that hour, a weak signal, little memory, an old OS and a fresh tower
 * switch, so the true P(slow) of every session is known (truth/sessions_truth.csv). The last day's
 * sessions have no outcome yet (to predict); a few rows carry the defects an export has.
 *
 * <p>Deterministic for a seed. Not thread-safe.
 */
public final class SessionSampler {

    /** page_load_ms above this is slow (the workspace default). */
    static final int THRESHOLD_MS = 5_000;
    static final OffsetDateTime FIRST = OffsetDateTime.of(2026, 1, 5, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30));
    private static final double SIGMA = 0.55;
    private static final String[] CARRIERS = {"jio", "airtel", "vi", "bsnl"};
    private static final double[] CARRIER_SHARE = {0.45, 0.32, 0.15, 0.08};
    /** Device model, RAM in GB, OS, 5g capable, log-mean penalty of the device. */
    private static final Object[][] DEVICES = {
        {"Redmi 9A", 2.0, "android 10", false, 0.25}, {"Redmi Note 12", 4.0, "android 13", true, 0.05},
        {"Samsung Galaxy M13", 4.0, "android 12", false, 0.08}, {"Samsung Galaxy A14", 4.0, "android 13", true, 0.05},
        {"Realme C35", 4.0, "android 12", false, 0.10}, {"Vivo Y16", 3.0, "android 12", false, 0.15}, {"itel A60", 1.0, "android 8", false, 0.45},
        {"Nokia C12", 2.0, "android 12", false, 0.28}, {"OnePlus Nord CE 3", 8.0, "android 13", true, -0.05},
        {"iPhone 13", 4.0, "ios 17.5", true, -0.05}, {"iPhone 11", 4.0, "ios 16.7", false, 0.0}, {"Poco M6 Pro", 6.0, "android 14", true, 0.0}};
    private static final double[] DEVICE_SHARE = {0.14, 0.10, 0.10, 0.08, 0.09, 0.09, 0.06, 0.07, 0.06, 0.07, 0.06, 0.08};

    /**
     * What to generate.
     *
     * @param sessions number of sessions
     * @param days days they span (from Monday 5 January 2026, IST)
     * @param seed random seed
     */
    public record Config(int sessions, int days, long seed) {
        /** The sample's sessions: 150,000 over six weeks. */
        public static Config sample(long seed) {
            return new Config(150_000, 42, seed);
        }

        /** The sessions bundled with the product ({@link BundledSample#copySessionsTo}): 40,000 over six weeks, the sample's seed. */
        public static Config bundled() {
            return new Config(40_000, 42, SampleGenerator.Config.bundled().seed());
        }
    }

    private record Tower(String id, double base, double peakHour, double peakWidth, double amplitude, double signalMean) {
        double congestion(double hour) {
            double d = Math.abs(hour - peakHour);
            d = Math.min(d, 24 - d);
            return base + amplitude * Math.exp(-d * d / (2 * peakWidth * peakWidth));
        }
    }

    private record Customer(String id, int device, int carrier, Place home, Tower homeTower, Tower workTower, boolean wifiAtHome,
            boolean locationPermission, double activity) {
    }

    /** One generated session with its truth. */
    record Generated(String sessionId, String customerId, OffsetDateTime ts, String device, String os, Double ram, String network,
            String carrier, String tower, Integer signal, Integer lastLatency, String pincode, Integer pageLoad, Boolean slow, double pSlow,
            String defect) {
    }

    private final Config config;
    private final PostalDirectory directory;

    public SessionSampler(Config config, PostalDirectory directory) {
        this.config = config;
        this.directory = directory;
    }

    /** Writes sessions.csv into {@code out} and truth/sessions_truth.csv (session_id,p_slow). */
    public void write(Path out) throws IOException {
        SessionFiles.write(out, generate(), SessionSampler::csvLine, Generated::sessionId, Generated::pSlow);
    }

    /** A session's row of sessions.csv, without its line end. */
    static String csvLine(Generated g) {
        return String.join(",", g.sessionId(), g.customerId(), g.ts().toString(), s(g.device()), s(g.os()), g.ram() == null ? "" : trim(g.ram()),
                g.network(), s(g.carrier()), s(g.tower()), s(g.signal()), s(g.lastLatency()), s(g.pincode()), s(g.pageLoad()), s(g.slow()));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Double.toString(v);
    }

    private static String s(Object o) {
        return o == null ? "" : o.toString();
    }

    /** The sessions in time order. */
    List<Generated> generate() {
        SplittableRandom r = new SplittableRandom(config.seed() ^ 0x5E55_10E5L);
        List<Place> places = directory.places().stream().filter(p -> p.latitude() != 0 && p.accuracy() >= 3).toList();
        int pincodes = Math.max(20, config.sessions() / 600);
        List<Place> homes = new ArrayList<>();
        for (int i = 0; i < pincodes; i++) {
            homes.add(places.get(r.nextInt(places.size())));
        }
        int towersPerPin = 3;
        Tower[][][] towers = new Tower[pincodes][CARRIERS.length][towersPerPin];
        for (int p = 0; p < pincodes; p++) {
            for (int c = 0; c < CARRIERS.length; c++) {
                for (int k = 0; k < towersPerPin; k++) {
                    boolean busy = r.nextDouble() < 0.3;
                    double peak = r.nextDouble() < 0.6 ? 19 + 3 * r.nextDouble() : 8 + 3 * r.nextDouble();
                    towers[p][c][k] = new Tower(String.format("%03d-%s-%05d", 404 + c, CARRIERS[c], p * 10 + k), 0.1 * r.nextDouble(), peak,
                            1 + 2 * r.nextDouble(), busy ? 0.8 + 0.8 * r.nextDouble() : 0.15 * r.nextDouble(), -85 - 20 * r.nextDouble());
                }
            }
        }
        int customers = Math.max(30, config.sessions() / 25);
        List<Customer> people = new ArrayList<>(customers);
        for (int i = 0; i < customers; i++) {
            int device = pick(r, DEVICE_SHARE);
            int carrier = pick(r, CARRIER_SHARE);
            int home = r.nextInt(pincodes);
            int work = r.nextDouble() < 0.6 ? r.nextInt(pincodes) : home;
            people.add(new Customer(String.format("C%06d", i), device, carrier, homes.get(home), towers[home][carrier][r.nextInt(towersPerPin)],
                    towers[work][carrier][r.nextInt(towersPerPin)], r.nextDouble() < 0.35, r.nextDouble() < 0.85,
                    Math.exp(r.nextGaussian() * 0.8)));
        }
        double totalActivity = people.stream().mapToDouble(Customer::activity).sum();
        double[] cumulative = new double[customers];
        double acc = 0;
        for (int i = 0; i < customers; i++) {
            acc += people.get(i).activity() / totalActivity;
            cumulative[i] = acc;
        }
        record Start(long minute, int second, int customer) {
        }
        List<Start> starts = new ArrayList<>(config.sessions());
        for (int k = 0; k < config.sessions(); k++) {
            int day = r.nextInt(config.days());
            double hour = diurnalHour(r);
            int c = Math.min(customers - 1, search(cumulative, r.nextDouble()));
            starts.add(new Start(day * 1440L + (long) (hour * 60), r.nextInt(60), c));
        }
        starts.sort(Comparator.comparingLong(Start::minute).thenComparingInt(Start::second));
        Object[][] last = new Object[customers][];
        List<Generated> out = new ArrayList<>(config.sessions());
        long unlabelledFrom = (config.days() - 1) * 1440L;
        for (int k = 0; k < starts.size(); k++) {
            Start st = starts.get(k);
            Customer cu = people.get(st.customer());
            OffsetDateTime ts = FIRST.plusMinutes(st.minute()).plusSeconds(st.second());
            double hour = ts.getHour() + ts.getMinute() / 60.0;
            boolean atHome = hour < 9 || hour >= 19 || ts.getDayOfWeek().getValue() >= 6 || r.nextDouble() < 0.3;
            Tower tower = atHome ? cu.homeTower() : cu.workTower();
            if (r.nextDouble() < 0.08) {
                tower = towers[r.nextInt(pincodes)][cu.carrier()][r.nextInt(towersPerPin)];
            }
            Object[] dev = DEVICES[cu.device()];
            boolean wifi = cu.wifiAtHome() && atHome && r.nextDouble() < 0.8;
            String network;
            double mu;
            if (wifi) {
                network = "wifi";
                mu = Math.log(1400) + (hour >= 20 && hour < 23 ? 0.25 : 0);
            } else {
                double u = r.nextDouble();
                boolean bsnl = cu.carrier() == 3;
                if (bsnl) {
                    network = u < 0.55 ? "4g" : u < 0.85 ? "3g" : "2g";
                } else {
                    network = (Boolean) dev[3] && u < 0.35 ? "5g" : u < 0.85 ? "4g" : u < 0.95 ? "3g" : "2g";
                }
                double netBase = switch (network) {
                    case "5g" -> Math.log(1200);
                    case "4g" -> Math.log(1900);
                    case "3g" -> Math.log(3300);
                    default -> Math.log(5600);
                };
                mu = netBase + 0.9 * tower.congestion(hour);
            }
            Integer signal = null;
            if (!wifi) {
                double dbm = tower.signalMean() + 9 * r.nextGaussian() - (atHome ? 0 : 4);
                signal = (int) Math.max(-140, Math.min(-50, Math.round(dbm)));
                mu += Math.max(0, (-100 - signal) * 0.025);
            } else if (r.nextDouble() < 0.5) {
                signal = (int) Math.round(-55 - 15 * r.nextDouble());
            }
            mu += (Double) dev[4];
            Object[] prev = last[st.customer()];
            boolean switched = prev != null && !wifi && prev[1] != null && !prev[1].equals(tower.id());
            long gapMin = prev == null ? Long.MAX_VALUE : st.minute() - (Long) prev[0];
            if (switched && gapMin < 30) {
                mu += 0.35;
            }
            double pSlow = 1 - normalCdf((Math.log(THRESHOLD_MS) - mu) / SIGMA);
            int load = (int) Math.round(Math.exp(mu + SIGMA * r.nextGaussian()));
            boolean slow = load > THRESHOLD_MS;
            Integer lastLatency = prev == null ? null : (int) Math.round((Integer) prev[2] * (0.15 + 0.1 * r.nextDouble()));
            boolean ios = ((String) dev[2]).startsWith("ios");
            String towerId = wifi || ios || !cu.locationPermission() ? null : tower.id();
            boolean unlabelled = st.minute() >= unlabelledFrom;
            String id = String.format("S%08d", k);
            String defect = null;
            String net = network;
            Integer sig = signal;
            Integer lat = lastLatency;
            double d = r.nextDouble();
            if (d < 0.0002) {
                net = "6g";
                defect = "unknown network type";
            } else if (d < 0.0004) {
                sig = -5;
                defect = "impossible signal";
            } else if (d < 0.0006 && lat != null) {
                lat = -lat - 1;
                defect = "negative latency";
            } else if (!wifi && sig != null && !ios && d < 0.02) {
                sig = Integer.MAX_VALUE;
            }
            Boolean slowFlag = unlabelled ? null : (d > 0.998 ? Boolean.valueOf(!slow) : r.nextDouble() < 0.5 ? Boolean.valueOf(slow) : null);
            out.add(new Generated(id, cu.id(), ts, (String) dev[0], (String) dev[2], r.nextDouble() < 0.05 ? null : (Double) dev[1], net,
                    CARRIERS[cu.carrier()], towerId, sig, lat, r.nextDouble() < 0.05 ? null : cu.home().pincode(), unlabelled ? null : load,
                    slowFlag, pSlow, defect));
            last[st.customer()] = new Object[] {st.minute(), wifi ? null : tower.id(), load};
        }
        return out;
    }

    /** Hours of app use: low at night, a lunch bump and an evening peak. */
    private static double diurnalHour(SplittableRandom r) {
        double u = r.nextDouble();
        if (u < 0.08) {
            return r.nextDouble() * 7;
        }
        if (u < 0.45) {
            return 7 + r.nextDouble() * 11;
        }
        return Math.min(23.99, Math.max(18, 21 + 1.6 * r.nextGaussian()));
    }

    private static int pick(SplittableRandom r, double[] shares) {
        double u = r.nextDouble();
        double acc = 0;
        for (int i = 0; i < shares.length; i++) {
            acc += shares[i];
            if (u < acc) {
                return i;
            }
        }
        return shares.length - 1;
    }

    private static int search(double[] cumulative, double x) {
        int i = java.util.Arrays.binarySearch(cumulative, x);
        return i >= 0 ? i : -i - 1;
    }

    /** Standard normal distribution function (Abramowitz–Stegun 7.1.26 through erf). */
    static double normalCdf(double z) {
        double t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.sqrt(2));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
                * Math.exp(-z * z / 2);
        return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
    }
}
