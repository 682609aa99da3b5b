package in.workbench.sample;

import in.workbench.analytics.geo.Place;
import in.workbench.analytics.geo.PostalDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A second, independently written world of app sessions, used only to check the slow-network model
 * (never to train or tune it). It models the network rather than the outcome: cell sites with three
 * sectors each, a radio technology mix per site (rural sites without 4g), sector load following a
 * two-harmonic daily curve with a weekend shift, signal from distance and shadowing, interference
 * from the neighbouring sectors' load, subscribers commuting between two or three sites on a daily
 * schedule, home broadband of varying quality, and a page of a few megabytes fetched over several
 * round trips and rendered by a handset of some class. A load time is the deterministic time of that
 * state times a log-normal jitter, so the true P(slow) of each session is known.
 *
 * <p>Its parameters, vocabulary and structure are its own: it shares nothing with
 * {@link SessionSampler} but the file format and the postal directory. Deterministic for a seed
 * ({@link java.util.Random}, not the sampler's generator). Not thread-safe.
 */
public final class CellularSimulator {

    static final int SLOW_MS = 5_000;
    private static final double JITTER = 0.42;
    private static final OffsetDateTime START = OffsetDateTime.of(2026, 3, 2, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30));
    private static final String[] OPERATORS = {"airtel", "jio", "vi", "bsnl"};
    private static final double[] OPERATOR_MIX = {0.36, 0.40, 0.17, 0.07};
    /** Handset: model, os, memory GB, render ms, 5g radio. */
    private static final Object[][] HANDSETS = {
        {"Lava Blaze 5G", "android 13", 4.0, 700, true}, {"Tecno Spark 10", "android 13", 4.0, 650, false},
        {"Motorola g54", "android 14", 8.0, 420, true}, {"Infinix Hot 30i", "android 12", 2.0, 1300, false},
        {"Redmi 12C", "android 13", 3.0, 950, false}, {"Oppo A17k", "android 12", 3.0, 1000, false},
        {"Samsung Galaxy S23", "android 14", 8.0, 250, true}, {"iPhone 14", "ios 17.2", 6.0, 300, true},
        {"Jio Phone Next", "android 11", 2.0, 1700, false}, {"Samsung Galaxy A05", "android 14", 4.0, 800, false}};
    private static final double[] HANDSET_MIX = {0.09, 0.11, 0.08, 0.12, 0.14, 0.10, 0.05, 0.07, 0.10, 0.14};

    /**
     * What to simulate.
     *
     * @param subscribers subscribers (app installs)
     * @param days days from Monday 2 March 2026
     * @param seed random seed
     */
    public record Config(int subscribers, int days, long seed) {
        public static Config standard(long seed) {
            return new Config(6_000, 35, seed);
        }
    }

    private static final class Site {
        final String code;
        final String pincode;
        final double x;
        final double y;
        final boolean rural;
        final boolean has5g;
        final double[] capacityMbps = new double[3];
        final double[][] harmonics = new double[3][4];
        final double[] level = new double[3];

        Site(String code, String pincode, double x, double y, boolean rural, boolean has5g) {
            this.code = code;
            this.pincode = pincode;
            this.x = x;
            this.y = y;
            this.rural = rural;
            this.has5g = has5g;
        }

        /** Share of capacity in use on sector s at a fractional hour of the week. */
        double utilisation(int s, double hourOfDay, boolean weekend) {
            double w = 2 * Math.PI * (hourOfDay - (weekend ? 1.5 : 0)) / 24;
            double[] h = harmonics[s];
            double u = level[s] + h[0] * Math.cos(w) + h[1] * Math.sin(w) + h[2] * Math.cos(2 * w) + h[3] * Math.sin(2 * w);
            return Math.max(0.02, Math.min(0.97, u));
        }
    }

    private record Subscriber(String id, int operator, int handset, int[] sites, double[] px, double[] py, double broadbandMbps,
            boolean locationShared, double appetite) {
    }

    /** One simulated session and its true probability of being slow. */
    public record Session(String line, String sessionId, double pSlow) {
    }

    private final Config config;
    private final PostalDirectory directory;

    public CellularSimulator(Config config, PostalDirectory directory) {
        this.config = config;
        this.directory = directory;
    }

    /** Writes {@code sessions.csv} and {@code truth/sessions_truth.csv} (session_id,p_slow) into {@code out}. */
    public void write(Path out) throws IOException {
        SessionFiles.write(out, simulate(), Session::line, Session::sessionId, Session::pSlow);
    }

    /** The sessions in time order. */
    public List<Session> simulate() {
        Random rnd = new Random(config.seed() * 7919 + 13);
        List<Place> towns = directory.places().stream().filter(p -> p.latitude() != 0).toList();
        int siteCount = Math.max(12, config.subscribers() / 40);
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < siteCount; i++) {
            Place p = towns.get(rnd.nextInt(towns.size()));
            boolean rural = rnd.nextDouble() < 0.25;
            Site s = new Site(String.format("IN%04dX", 3000 + i), p.pincode(), rnd.nextDouble() * 40, rnd.nextDouble() * 40, rural,
                    !rural && rnd.nextDouble() < 0.5);
            for (int k = 0; k < 3; k++) {
                s.capacityMbps[k] = rural ? 25 + 30 * rnd.nextDouble() : 60 + 120 * rnd.nextDouble();
                s.level[k] = 0.25 + 0.35 * rnd.nextDouble();
                s.harmonics[k][0] = -0.10 - 0.25 * rnd.nextDouble();
                s.harmonics[k][1] = 0.15 * (rnd.nextDouble() - 0.5);
                s.harmonics[k][2] = 0.12 * (rnd.nextDouble() - 0.5);
                s.harmonics[k][3] = 0.12 * (rnd.nextDouble() - 0.5);
            }
            sites.add(s);
        }
        List<Subscriber> subs = new ArrayList<>();
        for (int i = 0; i < config.subscribers(); i++) {
            int n = rnd.nextDouble() < 0.3 ? 3 : 2;
            int[] own = new int[n];
            double[] px = new double[n];
            double[] py = new double[n];
            own[0] = rnd.nextInt(siteCount);
            for (int k = 0; k < n; k++) {
                if (k > 0) {
                    own[k] = rnd.nextDouble() < 0.2 ? own[0] : rnd.nextInt(siteCount);
                }
                px[k] = sites.get(own[k]).x + rnd.nextGaussian() * 0.6;
                py[k] = sites.get(own[k]).y + rnd.nextGaussian() * 0.6;
            }
            double broadband = rnd.nextDouble() < 0.4 ? 5 + 95 * Math.pow(rnd.nextDouble(), 2) : 0;
            subs.add(new Subscriber(String.format("u-%05d", i), choose(rnd, OPERATOR_MIX), choose(rnd, HANDSET_MIX), own, px, py, broadband,
                    rnd.nextDouble() < 0.8, 0.3 + rnd.nextDouble() * 1.7));
        }
        record Visit(double minute, int subscriber) {
        }
        PriorityQueue<Visit> queue = new PriorityQueue<>((a, b) -> Double.compare(a.minute, b.minute));
        double horizon = config.days() * 1440.0;
        for (int i = 0; i < subs.size(); i++) {
            queue.add(new Visit(next(rnd, 0, subs.get(i).appetite()), i));
        }
        double[] lastMinute = new double[subs.size()];
        String[] lastCell = new String[subs.size()];
        double[] lastRtt = new double[subs.size()];
        java.util.Arrays.fill(lastMinute, Double.NaN);
        List<Session> out = new ArrayList<>();
        int counter = 0;
        while (!queue.isEmpty()) {
            Visit v = queue.poll();
            if (v.minute >= horizon) {
                continue;
            }
            Subscriber sub = subs.get(v.subscriber);
            queue.add(new Visit(next(rnd, v.minute, sub.appetite()), v.subscriber));
            OffsetDateTime ts = START.plusSeconds((long) (v.minute * 60));
            double hod = ts.getHour() + ts.getMinute() / 60.0;
            boolean weekend = ts.getDayOfWeek().getValue() >= 6;
            int place = placeAt(rnd, sub, hod, weekend);
            Site site = sites.get(sub.sites()[place]);
            double dx = sub.px()[place] - site.x;
            double dy = sub.py()[place] - site.y;
            double km = Math.max(0.05, Math.sqrt(dx * dx + dy * dy));
            int sector = (int) Math.floor(((Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI)) * 3) % 3;
            Object[] hs = HANDSETS[sub.handset()];
            boolean onWifi = place == 0 && sub.broadbandMbps() > 0 && (hod < 9.5 || hod > 18.5 || weekend) && rnd.nextDouble() < 0.85;
            String rat;
            double det;
            double rtt;
            Integer rsrp = null;
            String cell = null;
            if (onWifi) {
                rat = "wifi";
                double contention = 1 + (hod > 20 && hod < 23.5 ? 0.8 : 0.2) * rnd.nextDouble();
                double mbps = sub.broadbandMbps() / contention;
                rtt = 25 + 30 * rnd.nextDouble();
                det = pageTime(mbps, rtt, (Integer) hs[3]);
                if (rnd.nextDouble() < 0.6) {
                    rsrp = -40 - rnd.nextInt(35);
                }
            } else {
                double draw = rnd.nextDouble();
                boolean fiveG = site.has5g && (Boolean) hs[4] && sub.operator() != 3 && draw < 0.55;
                if (fiveG) {
                    rat = "5g";
                } else if (site.rural) {
                    rat = draw < 0.5 ? "4g" : draw < 0.8 ? "3g" : "2g";
                } else {
                    rat = sub.operator() == 3 && draw < 0.3 ? "3g" : draw < 0.97 ? "4g" : "2g";
                }
                double shadow = rnd.nextGaussian() * 6;
                double signal = -68 - 28 * Math.log10(km * 10) + shadow;
                rsrp = (int) Math.round(Math.max(-138, Math.min(-48, signal)));
                double util = site.utilisation(sector, hod, weekend);
                double neighbour = (site.utilisation((sector + 1) % 3, hod, weekend) + site.utilisation((sector + 2) % 3, hod, weekend)) / 2;
                double sinrDb = (rsrp + 120) / 2.2 - 6 * neighbour;
                double spectral = Math.log(1 + Math.pow(10, sinrDb / 10)) / Math.log(2);
                double peak = switch (rat) {
                    case "5g" -> 3 * spectral * 20;
                    case "4g" -> spectral * 8;
                    case "3g" -> spectral * 1.5;
                    default -> 0.2;
                };
                double share = site.capacityMbps[sector] * (1 - util) * (rat.equals("5g") ? 2.5 : 1);
                double mbps = Math.max(0.05, Math.min(peak, share));
                double queueing = 40 * util / (1 - util);
                rtt = switch (rat) {
                    case "5g" -> 28;
                    case "4g" -> 55;
                    case "3g" -> 140;
                    default -> 480;
                } + queueing;
                boolean moved = lastCell[v.subscriber] != null && !Double.isNaN(lastMinute[v.subscriber])
                        && v.minute - lastMinute[v.subscriber] < 20;
                cell = site.code + "-" + (sector + 1) + "-" + OPERATORS[sub.operator()].substring(0, 2).toUpperCase(Locale.ROOT);
                if (moved && !cell.equals(lastCell[v.subscriber])) {
                    rtt += 180;
                }
                det = pageTime(mbps, rtt, (Integer) hs[3]);
            }
            double p = 1 - phi((Math.log(SLOW_MS) - Math.log(det)) / JITTER);
            int load = (int) Math.round(det * Math.exp(JITTER * rnd.nextGaussian()));
            Integer lastLatency = Double.isNaN(lastMinute[v.subscriber]) ? null : (int) Math.round(lastRtt[v.subscriber] * (0.8 + 0.4 * rnd.nextDouble()));
            boolean ios = ((String) hs[1]).startsWith("ios");
            String towerId = onWifi || ios || !sub.locationShared() ? null : cell;
            String id = String.format("sim-%07d", counter++);
            String line = String.join(",", id, sub.id(), ts.toString(), (String) hs[0], (String) hs[1], fmt((Double) hs[2]), rat,
                    OPERATORS[sub.operator()], towerId == null ? "" : towerId, rsrp == null ? "" : rsrp.toString(),
                    lastLatency == null ? "" : lastLatency.toString(), site.pincode, Integer.toString(load), "");
            out.add(new Session(line, id, p));
            lastMinute[v.subscriber] = v.minute;
            lastCell[v.subscriber] = onWifi ? null : cell;
            lastRtt[v.subscriber] = rtt;
        }
        return out;
    }

    /** Milliseconds to a usable page of about 2.4 MB over 6 round trips, rendered on the handset. */
    private static double pageTime(double mbps, double rttMs, int renderMs) {
        return 6 * rttMs + 2.4 * 8 / mbps * 1000 + renderMs;
    }

    private static int placeAt(Random rnd, Subscriber s, double hod, boolean weekend) {
        if (s.sites().length == 1 || hod < 8 || hod > 20 || weekend && rnd.nextDouble() < 0.7) {
            return 0;
        }
        if (s.sites().length == 3 && rnd.nextDouble() < 0.25) {
            return 2;
        }
        return rnd.nextDouble() < 0.85 ? 1 : 0;
    }

    /** The next visit: exponential gaps whose rate follows the subscriber's appetite and the time of day. */
    private static double next(Random rnd, double minute, double appetite) {
        double t = minute;
        while (true) {
            t += -Math.log(1 - rnd.nextDouble()) * 1440 / (appetite * 2.2);
            double hod = (t % 1440) / 60;
            double intensity = 0.15 + 0.85 * Math.exp(-Math.pow(hod - 21, 2) / 8) + 0.5 * Math.exp(-Math.pow(hod - 13, 2) / 3);
            if (rnd.nextDouble() < intensity / 1.1) {
                return t;
            }
        }
    }

    private static int choose(Random rnd, double[] mix) {
        double u = rnd.nextDouble();
        for (int i = 0; i < mix.length; i++) {
            u -= mix[i];
            if (u < 0) {
                return i;
            }
        }
        return mix.length - 1;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Double.toString(v);
    }

    /** The standard normal distribution function, by the complementary error function's continued-fraction-free series. */
    static double phi(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double y = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? y : 2 - y;
    }
}
