package in.workbench.sample.crisp;

import in.workbench.analytics.task.ProgressMonitor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The sample CRISP world of {@code workbench generate-sample --world workforce}: people of
 * warehouses and delivery stations in shifts and teams over 60 days, their encounters (teammates,
 * others on the shift, delivery-van partners), an epidemic drawn from the CRISP model with known
 * parameters, isolation after a positive test, and realistic testing (symptomatic people, weekly
 * screening at warehouses, teammates of positives). Writes people.csv, contacts.csv, tests.csv and
 * truth/crisp_truth.csv, truth/crisp_parameters.json. Deterministic for a seed; not thread-safe.
 */
public final class WorkforceWorld {

    /**
     * Sizes and the true parameters.
     *
     * @param people workforce size
     * @param days days from the first to the as-of day
     */
    public record Config(int people, int days, long seed, LocalDate firstDay, double p0, double intercept, double durationH, double close,
            double indoor, double alpha, double beta) {

        /** About 20,000 people over 60 days, over a million encounters. */
        public static Config standard(long seed) {
            return new Config(20_000, 60, seed, LocalDate.of(2026, 9, 1), 0.0003, 0.004, 0.02, 0.02, 0.01, 0.001, 0.01);
        }

        /** The same world with another number of people. */
        public Config withPeople(int n) {
            return new Config(n, days, seed, firstDay, p0, intercept, durationH, close, indoor, alpha, beta);
        }
    }

    /** What was generated. */
    public record Summary(int people, long contacts, long tests, long positives, long infectedOnAsOf, long everInfected) {
    }

    private static final double[] EXPOSED = {0, 0.05908981283, 0.1656874653, 0.1819578343, 0.154807057, 0.1198776096, 0.08938884645,
        0.06572939883, 0.04819654533, 0.03543733758, 0.02620080839, 0.01950646727, 0.01463254844, 0.0110616426, 0.008426626119};
    private static final double[] INFECTIOUS = {0, 0, 0, 0, 0, 0.0001178655952, 0.0006658439543, 0.002319264193, 0.005825713197,
        0.01160465163, 0.01949056696, 0.02877007836, 0.03842711373, 0.04743309657, 0.05496446107, 0.06050719418, 0.06386313651,
        0.065094874, 0.06444537162, 0.06225794729, 0.0589104177, 0.05476817903, 0.05015542853, 0.0453410888, 0.04053528452,
        0.03589255717, 0.03151878504, 0.02747963753, 0.02380914891, 0.02051758911, 0.01759822872, 0.01503287457, 0.0127962154,
        0.01085910889, 0.009190974483, 0.007761463001, 0.006541562648, 0.005504277076};
    private static final String[] WAREHOUSES = {"BLR-FC1", "DEL-FC2", "BOM-FC1", "HYD-FC1", "MAA-FC1", "CCU-FC1", "PNQ-FC1", "AMD-FC1"};
    private static final String[] CITIES = {"BLR", "DEL", "BOM", "HYD", "MAA", "CCU", "PNQ", "AMD"};

    private final Config config;

    public WorkforceWorld(Config config) {
        this.config = config;
    }

    /** Generates the world into {@code dir}. */
    public Summary generate(Path dir, ProgressMonitor monitor) {
        Config c = config;
        SplittableRandom r = new SplittableRandom(c.seed());
        int n = c.people();
        int days = c.days();
        String[] site = new String[n];
        boolean[] warehouse = new boolean[n];
        String[] shift = new String[n];
        int[] team = new int[n];
        int stations = Math.max(1, n * 2 / 5 / 200);
        int warehousePeople = n - n * 2 / 5;
        List<List<Integer>> teams = new ArrayList<>();
        int[] vanPartner = new int[n];
        Arrays.fill(vanPartner, -1);
        try (CrispCsv people = new CrispCsv(dir.resolve("people.csv"), "person_id,site,site_type,shift,team")) {
            int i = 0;
            for (int w = 0; w < WAREHOUSES.length && i < warehousePeople; w++) {
                int size = warehousePeople / WAREHOUSES.length + (w < warehousePeople % WAREHOUSES.length ? 1 : 0);
                for (int k = 0; k < size; k++, i++) {
                    site[i] = WAREHOUSES[w];
                    warehouse[i] = true;
                    shift[i] = new String[] {"early", "late", "night"}[k % 3];
                }
            }
            for (int s = 0; i < n; s++) {
                int size = (n - warehousePeople) / stations + 1;
                String name = String.format(Locale.ROOT, "%s-DS%02d", CITIES[s % CITIES.length], s / CITIES.length + 1);
                for (int k = 0; k < size && i < n; k++, i++) {
                    site[i] = name;
                    shift[i] = k % 2 == 0 ? "early" : "late";
                    if (k % 4 == 1) {
                        vanPartner[i] = i - 1;
                        vanPartner[i - 1] = i;
                    }
                }
            }
            // teams of about 12 within site and shift
            java.util.Map<String, List<Integer>> groups = new java.util.LinkedHashMap<>();
            for (int p = 0; p < n; p++) {
                groups.computeIfAbsent(site[p] + "|" + shift[p], x -> new ArrayList<>()).add(p);
            }
            for (List<Integer> g : groups.values()) {
                for (int k = 0; k < g.size(); k += 12) {
                    List<Integer> t = new ArrayList<>(g.subList(k, Math.min(g.size(), k + 12)));
                    for (int p : t) {
                        team[p] = teams.size();
                    }
                    teams.add(t);
                }
            }
            for (int p = 0; p < n; p++) {
                people.row(String.format(Locale.ROOT, "%s,%s,%s,%s,T%05d", id(p), site[p], warehouse[p] ? "warehouse" : "delivery_station",
                        shift[p], team[p]));
            }
            List<List<Integer>> shiftGroups = new ArrayList<>(groups.values());
            int[] groupOf = new int[n];
            for (int g = 0; g < shiftGroups.size(); g++) {
                for (int p : shiftGroups.get(g)) {
                    groupOf[p] = g;
                }
            }
            return simulate(dir, site, warehouse, team, teams, vanPartner, shiftGroups, groupOf, r, monitor);
        }
    }

    private Summary simulate(Path dir, String[] site, boolean[] warehouse, int[] team, List<List<Integer>> teams, int[] vanPartner,
            List<List<Integer>> shiftGroups, int[] groupOf, SplittableRandom r, ProgressMonitor monitor) {
        Config c = config;
        int n = c.people();
        int days = c.days();
        int[] exposed = new int[n];
        int[] infectious = new int[n];
        int[] removed = new int[n];
        Arrays.fill(exposed, Integer.MAX_VALUE);
        Arrays.fill(infectious, Integer.MAX_VALUE);
        Arrays.fill(removed, Integer.MAX_VALUE);
        int[] isolatedUntil = new int[n];
        Arrays.fill(isolatedUntil, -1);
        boolean[] symptomatic = new boolean[n];
        int[] testDueOn = new int[n];
        Arrays.fill(testDueOn, -1);
        String[] testDueReason = new String[n];
        boolean[] positiveEver = new boolean[n];
        double[] escape = new double[n];
        long contacts = 0;
        long tests = 0;
        long positives = 0;
        List<int[]> recentTeam = new ArrayList<>();
        try (CrispCsv contactsCsv = new CrispCsv(dir.resolve("contacts.csv"), "contact_id,person_a,person_b,day,duration_min,distance_m,setting");
                CrispCsv testsCsv = new CrispCsv(dir.resolve("tests.csv"), "person_id,day,result,test_type,reason")) {
            for (int d = 0; d < days; d++) {
                monitor.checkCancelled();
                monitor.update(d, days, "Simulating the workforce epidemic");
                LocalDate date = c.firstDay().plusDays(d);
                Arrays.fill(escape, 1 - c.p0());
                for (int p = 0; p < n; p++) {
                    if (!works(p, d, isolatedUntil)) {
                        continue;
                    }
                    List<Integer> mates = teams.get(team[p]);
                    int q = mates.get(r.nextInt(mates.size()));
                    if (q != p && works(q, d, isolatedUntil)) {
                        contacts += encounter(contactsCsv, contacts, p, q, d, date, 20 + r.nextDouble() * 220, 0.5 + r.nextDouble() * 2.5,
                                warehouse[p] || r.nextDouble() < 0.5, exposed, infectious, removed, escape);
                    }
                    if (r.nextDouble() < 0.3) {
                        List<Integer> g = shiftGroups.get(groupOf[p]);
                        int o = g.get(r.nextInt(g.size()));
                        if (o != p && works(o, d, isolatedUntil)) {
                            contacts += encounter(contactsCsv, contacts, p, o, d, date, 5 + r.nextDouble() * 25, 1 + r.nextDouble() * 4,
                                    warehouse[p] ? r.nextDouble() < 0.8 : r.nextDouble() < 0.4, exposed, infectious, removed, escape);
                        }
                    }
                    int v = vanPartner[p];
                    if (v > p && works(v, d, isolatedUntil) && r.nextDouble() < 0.5) {
                        contacts += encounter(contactsCsv, contacts, p, v, d, date, 120 + r.nextDouble() * 180, 0.8, true, exposed, infectious,
                                removed, escape);
                    }
                }
                // tests of day d reflect the state on day d
                for (int p = 0; p < n; p++) {
                    String reason = null;
                    if (testDueOn[p] == d) {
                        reason = testDueReason[p];
                    } else if (warehouse[p] && d % 7 == p % 7 && r.nextDouble() < 0.05 && works(p, d, isolatedUntil)) {
                        reason = "screening";
                    } else if (!(d >= infectious[p] && d < removed[p]) && r.nextDouble() < 0.0015) {
                        reason = "symptoms";
                    }
                    if (reason == null) {
                        continue;
                    }
                    boolean inf = d >= infectious[p] && d < removed[p];
                    boolean positive = inf ? r.nextDouble() >= c.alpha() : r.nextDouble() < c.beta();
                    testsCsv.row(String.format(Locale.ROOT, "%s,%s,%s,%s,%s", id(p), date, positive ? "positive" : "negative",
                            reason.equals("screening") ? "antigen" : "pcr", reason));
                    tests++;
                    if (positive) {
                        positives++;
                        positiveEver[p] = true;
                        isolatedUntil[p] = d + 10;
                        for (int m : teams.get(team[p])) {
                            if (m != p && testDueOn[m] < d && r.nextDouble() < 0.6) {
                                testDueOn[m] = d + 2;
                                testDueReason[m] = "contact";
                            }
                        }
                    }
                }
                // new exposures on day d+1 from day d's encounters; symptoms start after infectiousness
                for (int p = 0; p < n; p++) {
                    boolean seed = d == 0 && r.nextDouble() < 0.001;
                    if (exposed[p] == Integer.MAX_VALUE && (seed || r.nextDouble() >= escape[p])) {
                        exposed[p] = seed ? 0 : d + 1;
                        infectious[p] = exposed[p] + draw(EXPOSED, r);
                        removed[p] = infectious[p] + draw(INFECTIOUS, r);
                        symptomatic[p] = r.nextDouble() < 0.6;
                        if (symptomatic[p] && r.nextDouble() < 0.75) {
                            testDueOn[p] = infectious[p] + 1 + r.nextInt(3);
                            testDueReason[p] = "symptoms";
                        }
                    }
                }
            }
        }
        long infectedNow = 0;
        long ever = 0;
        int last = days - 1;
        try (CrispCsv truth = new CrispCsv(dir.resolve("truth").resolve("crisp_truth.csv"),
                "person_id,state_on_as_of,exposed_day,infectious_day,removed_day")) {
            for (int p = 0; p < n; p++) {
                String state = last < exposed[p] ? "S" : last < infectious[p] ? "E" : last < removed[p] ? "I" : "R";
                if (state.equals("E") || state.equals("I")) {
                    infectedNow++;
                }
                if (exposed[p] <= last) {
                    ever++;
                }
                truth.row(String.format(Locale.ROOT, "%s,%s,%s,%s,%s", id(p), state, day(exposed[p]), day(infectious[p]), day(removed[p])));
            }
        }
        writeParameters(dir.resolve("truth").resolve("crisp_parameters.json"));
        return new Summary(n, contacts, tests, positives, infectedNow, ever);
    }

    private String day(int d) {
        return d == Integer.MAX_VALUE || d >= config.days() ? "" : config.firstDay().plusDays(d).toString();
    }

    private void writeParameters(Path file) {
        Config c = config;
        try (CrispCsv w = new CrispCsv(file, String.format(Locale.ROOT, "{\"generator\":\"workforce-world\",\"p0\":%s,\"weights\":"
                + "{\"intercept\":%s,\"duration_h\":%s,\"close\":%s,\"indoor\":%s},\"false_negative_rate\":%s,\"false_positive_rate\":%s,"
                + "\"first_day\":\"%s\",\"days\":%d,\"people\":%d,\"seed\":%d}", c.p0(), c.intercept(), c.durationH(), c.close(), c.indoor(),
                c.alpha(), c.beta(), c.firstDay(), c.days(), c.people(), c.seed()))) {
            // header only
        }
    }

    private int encounter(CrispCsv out, long index, int a, int b, int d, LocalDate date, double minutes, double distance, boolean indoor,
            int[] exposed, int[] infectious, int[] removed, double[] escape) {
        out.row(String.format(Locale.ROOT, "C%08d,%s,%s,%s,%.1f,%.1f,%s", index, id(a), id(b), date, minutes, distance,
                indoor ? "indoor" : "outdoor"));
        Config c = config;
        double lambda = c.intercept() + c.durationH() * minutes / 60 + (distance < 2 ? c.close() : 0) + (indoor ? c.indoor() : 0);
        double keep = Math.exp(-lambda);
        if (d >= infectious[b] && d < removed[b]) {
            escape[a] *= keep;
        }
        if (d >= infectious[a] && d < removed[a]) {
            escape[b] *= keep;
        }
        return 1;
    }

    private static boolean works(int p, int d, int[] isolatedUntil) {
        return d % 7 != p % 7 && d > isolatedUntil[p];
    }

    static String id(int p) {
        return String.format(Locale.ROOT, "E%06d", p);
    }

    private static int draw(double[] q, SplittableRandom r) {
        double u = r.nextDouble();
        for (int d = 1; d < q.length; d++) {
            u -= q[d];
            if (u < 0) {
                return d;
            }
        }
        return q.length - 1;
    }
}
