package in.workbench.sample.crisp;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * An outbreak simulator written independently of the CRISP model and of {@link WorkforceWorld},
 * used only to judge the model ("Done when" of issue 19), never to tune it. Its own world: depots
 * with crews on rotating rosters, workers placed in work zones each shift where zone-mates meet
 * at random, crews sharing vans; its own disease course (latent 1 + Poisson(3.5) days, infectious
 * 5 + Poisson(12) days, some infected already at the start), its own test behaviour (half the
 * infected get symptoms after a geometric delay and most of those get a test; random surveillance;
 * crew-mates of a positive tested the next day; imperfect tests) and its own parameter values.
 * Transmission per encounter has the form the issue states, so that a true p1 exists for every
 * encounter. Writes the same files as the sample world. Deterministic for a seed; not thread-safe.
 */
public final class OutbreakSimulator {

    /**
     * The simulator's parameters.
     *
     * @param workers workforce size
     * @param horizon days simulated (the last one is the as-of day)
     * @param background daily probability of catching it outside work
     */
    public record Settings(int workers, int horizon, long seed, LocalDate start, double background, double baseHazard, double hazardPerHour,
            double closeHazard, double indoorHazard, double initiallyInfected, double falseNegative, double falsePositive) {

        /** The settings the README's evaluation uses. */
        public static Settings evaluation(long seed) {
            return new Settings(8_000, 60, seed, LocalDate.of(2026, 6, 1), 0.0002, 0.01, 0.03, 0.04, 0.02, 0.01, 0.02, 0.003);
        }
    }

    /** The true p1 of an encounter under these settings. */
    public double trueP1(double minutes, double metres, boolean indoor) {
        double h = s.baseHazard() + s.hazardPerHour() * minutes / 60 + (metres < 2 ? s.closeHazard() : 0) + (indoor ? s.indoorHazard() : 0);
        return 1 - Math.exp(-h);
    }

    /** The result. */
    public record Outcome(int workers, long encounters, long tests, long positives, long infectedAtEnd) {
    }

    private static final class Worker {
        final String code;
        final int depot;
        final int crew;
        final int rosterOffset;
        int latentUntil = -1;
        int infectiousUntil = -1;
        int infectedOn = Integer.MIN_VALUE;
        boolean infected;
        int symptomsOn = -1;
        int testOn = -1;
        String testWhy;
        int homeUntil = -1;

        Worker(String code, int depot, int crew, int rosterOffset) {
            this.code = code;
            this.depot = depot;
            this.crew = crew;
            this.rosterOffset = rosterOffset;
        }

        boolean infectiousOn(int day) {
            return infected && day >= latentUntil && day < infectiousUntil;
        }

        boolean latentOn(int day) {
            return infected && day >= infectedOn && day < latentUntil;
        }

        boolean onDuty(int day) {
            return (day + rosterOffset) % 7 < 5 && day > homeUntil;
        }
    }

    private final Settings s;

    public OutbreakSimulator(Settings settings) {
        this.s = settings;
    }

    /** Runs the outbreak and writes people.csv, contacts.csv, tests.csv and truth/ into {@code dir}. */
    public Outcome run(Path dir) {
        Random rng = new Random(s.seed());
        List<Worker> workers = new ArrayList<>();
        int depots = Math.max(1, s.workers() / 400);
        for (int i = 0; i < s.workers(); i++) {
            int depot = i % depots;
            workers.add(new Worker(String.format(Locale.ROOT, "W-%05d", i), depot, i / 6, rng.nextInt(7)));
        }
        try (CrispCsv people = new CrispCsv(dir.resolve("people.csv"), "person_id,site,site_type,shift,team")) {
            for (Worker w : workers) {
                people.row(w.code + ",DEPOT-" + w.depot + "," + (w.depot % 3 == 0 ? "delivery_station" : "warehouse") + ","
                        + (w.crew % 2 == 0 ? "day" : "night") + ",CREW-" + w.crew);
            }
        }
        for (Worker w : workers) {
            if (rng.nextDouble() < s.initiallyInfected()) {
                infect(w, -rng.nextInt(15), rng);
            }
        }
        long encounters = 0;
        long tests = 0;
        long positives = 0;
        try (CrispCsv enc = new CrispCsv(dir.resolve("contacts.csv"), "person_a,person_b,day,duration_min,distance_m,setting");
                CrispCsv lab = new CrispCsv(dir.resolve("tests.csv"), "person_id,day,result,reason")) {
            for (int day = 0; day < s.horizon(); day++) {
                String date = s.start().plusDays(day).toString();
                double[] pressure = new double[workers.size()];
                for (int depot = 0; depot < depots; depot++) {
                    List<Worker> present = new ArrayList<>();
                    for (int i = depot; i < workers.size(); i += depots) {
                        if (workers.get(i).onDuty(day)) {
                            present.add(workers.get(i));
                        }
                    }
                    Collections.shuffle(present, rng);
                    for (int z = 0; z < present.size(); z += 8) {
                        boolean indoorZone = rng.nextDouble() < 0.7;
                        List<Worker> zone = present.subList(z, Math.min(present.size(), z + 8));
                        for (int x = 0; x < zone.size(); x++) {
                            for (int y = x + 1; y < zone.size(); y++) {
                                if (rng.nextDouble() < 0.3) {
                                    double minutes = Math.min(600, Math.exp(2.6 + 0.9 * rng.nextGaussian()));
                                    double metres = Math.min(20, -Math.log(1 - rng.nextDouble()) * 2.2);
                                    encounters += meet(enc, zone.get(x), zone.get(y), day, date, minutes, metres, indoorZone, workers, pressure);
                                }
                            }
                        }
                    }
                }
                for (int crew = 0; crew * 6 < workers.size(); crew++) {
                    int first = crew * 6;
                    if (rng.nextDouble() < 0.5) {
                        Worker a = workers.get(first);
                        Worker b = workers.get(Math.min(workers.size() - 1, first + 1 + rng.nextInt(5)));
                        if (a != b && a.onDuty(day) && b.onDuty(day)) {
                            encounters += meet(enc, a, b, day, date, 90 + rng.nextInt(240), 0.7, true, workers, pressure);
                        }
                    }
                }
                for (int i = 0; i < workers.size(); i++) {
                    Worker w = workers.get(i);
                    String why = null;
                    if (w.testOn == day) {
                        why = w.testWhy;
                    } else if (w.onDuty(day) && rng.nextDouble() < 0.004) {
                        why = "screening";
                    } else if (!w.infectiousOn(day) && rng.nextDouble() < 0.0008) {
                        why = "symptoms";
                    }
                    if (why == null) {
                        continue;
                    }
                    boolean detectable = w.infectiousOn(day);
                    boolean pos = detectable ? rng.nextDouble() > s.falseNegative() : rng.nextDouble() < s.falsePositive();
                    lab.row(w.code + "," + date + "," + (pos ? "POSITIVE" : "Negative") + "," + why);
                    tests++;
                    if (pos) {
                        positives++;
                        w.homeUntil = day + 14;
                        for (int j = w.crew * 6; j < Math.min(workers.size(), w.crew * 6 + 6); j++) {
                            Worker m = workers.get(j);
                            if (m != w && m.testOn <= day && rng.nextDouble() < 0.5) {
                                m.testOn = day + 1;
                                m.testWhy = "contact";
                            }
                        }
                    }
                }
                for (int i = 0; i < workers.size(); i++) {
                    Worker w = workers.get(i);
                    if (w.infected) {
                        continue;
                    }
                    double stay = (1 - s.background()) * Math.exp(-pressure[i]);
                    if (rng.nextDouble() > stay) {
                        infect(w, day + 1, rng);
                    }
                }
            }
        }
        int last = s.horizon() - 1;
        long infectedAtEnd = 0;
        try (CrispCsv truth = new CrispCsv(dir.resolve("truth").resolve("crisp_truth.csv"),
                "person_id,state_on_as_of,exposed_day,infectious_day,removed_day")) {
            for (Worker w : workers) {
                String state = !w.infected || w.infectedOn > last ? "S" : w.latentOn(last) ? "E" : w.infectiousOn(last) ? "I" : "R";
                if (state.equals("E") || state.equals("I")) {
                    infectedAtEnd++;
                }
                truth.row(w.code + "," + state + "," + date(w.infected ? w.infectedOn : Integer.MIN_VALUE) + ","
                        + date(w.infected ? w.latentUntil : Integer.MIN_VALUE) + "," + date(w.infected ? w.infectiousUntil : Integer.MIN_VALUE));
            }
        }
        try (CrispCsv p = new CrispCsv(dir.resolve("truth").resolve("crisp_parameters.json"), String.format(Locale.ROOT,
                "{\"generator\":\"outbreak-simulator\",\"p0\":%s,\"weights\":{\"intercept\":%s,\"duration_h\":%s,\"close\":%s,\"indoor\":%s},"
                + "\"workers\":%d,\"days\":%d,\"seed\":%d}", s.background(), s.baseHazard(), s.hazardPerHour(), s.closeHazard(),
                s.indoorHazard(), s.workers(), s.horizon(), s.seed()))) {
            // header only
        }
        return new Outcome(workers.size(), encounters, tests, positives, infectedAtEnd);
    }

    private String date(int day) {
        return day == Integer.MIN_VALUE || day >= s.horizon() || day < 0 ? "" : s.start().plusDays(day).toString();
    }

    private int meet(CrispCsv enc, Worker a, Worker b, int day, String date, double minutes, double metres, boolean indoor, List<Worker> all,
            double[] pressure) {
        boolean flip = (a.code.hashCode() ^ day) % 2 == 0;
        Worker first = flip ? a : b;
        Worker second = flip ? b : a;
        enc.row(String.format(Locale.ROOT, "%s,%s,%s,%.0f,%.2f,%s", first.code, second.code, date, Math.max(1, minutes), metres,
                indoor ? "Indoor" : "OUTDOOR"));
        double hazard = -Math.log(1 - trueP1(Math.max(1, Math.round(minutes)), Math.round(metres * 100) / 100.0, indoor));
        if (a.infectiousOn(day)) {
            pressure[Integer.parseInt(b.code.substring(2))] += hazard;
        }
        if (b.infectiousOn(day)) {
            pressure[Integer.parseInt(a.code.substring(2))] += hazard;
        }
        return 1;
    }

    private void infect(Worker w, int day, Random rng) {
        w.infected = true;
        w.infectedOn = day;
        w.latentUntil = day + 1 + Math.min(13, poisson(3.5, rng));
        w.infectiousUntil = w.latentUntil + 5 + Math.min(32, poisson(12, rng));
        if (rng.nextDouble() < 0.5) {
            int delay = 0;
            while (rng.nextDouble() < 0.5) {
                delay++;
            }
            w.symptomsOn = w.latentUntil + delay;
            if (rng.nextDouble() < 0.8) {
                w.testOn = Math.max(w.symptomsOn + rng.nextInt(3), w.testOn);
                w.testWhy = "symptoms";
            }
        }
    }

    private static int poisson(double mean, Random rng) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= rng.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
