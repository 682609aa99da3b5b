package in.workbench.analytics.crisp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the kept Gibbs samples say: each person's probability of being susceptible, exposed,
 * infectious or removed on each day, the epidemic curve per site with 90 % bands, and the chains'
 * convergence (split R-hat of the number infected on the as-of day and of the number ever exposed).
 *
 * <p>Built by {@link Accumulator}s, one per chain, then merged; immutable once built and safe to
 * read from several threads.
 */
public final class CrispPosterior {

    /**
     * One day of the epidemic curve of one site ('' = everyone).
     *
     * @param exposedLow 5th percentile over the samples; {@code exposedHigh} the 95th
     * @param positiveTests positive tests taken that day
     */
    public record CurvePoint(String site, int day, double exposedMean, double exposedLow, double exposedHigh, double infectiousMean,
            double infectiousLow, double infectiousHigh, int positiveTests) {
    }

    private final CrispData data;
    private final int samples;
    private final int[] exposedCount;
    private final int[] infectiousCount;
    private final int[] removedCount;
    private final List<CurvePoint> curve;
    private final double rhat;
    private final double[][] chainRisk;

    private CrispPosterior(CrispData data, List<Accumulator> chains) {
        this.data = data;
        int n = data.people;
        int t = data.days;
        this.exposedCount = new int[n * t];
        this.infectiousCount = new int[n * t];
        this.removedCount = new int[n * t];
        int s = 0;
        for (Accumulator a : chains) {
            s += a.samples;
            for (int u = 0; u < n; u++) {
                int e = 0;
                int i = 0;
                int r = 0;
                int base = u * (t + 1);
                for (int d = 0; d < t; d++) {
                    e += a.exposedDiff[base + d];
                    i += a.infectiousDiff[base + d];
                    r += a.removedDiff[base + d];
                    exposedCount[u * t + d] += e;
                    infectiousCount[u * t + d] += i;
                    removedCount[u * t + d] += r;
                }
            }
        }
        this.samples = s;
        this.curve = curve(data, chains);
        this.rhat = Math.max(Rhat.split(chains.stream().map(a -> a.infectedNow.stream().mapToDouble(Double::doubleValue).toArray()).toList()),
                Rhat.split(chains.stream().map(a -> a.everExposed.stream().mapToDouble(Double::doubleValue).toArray()).toList()));
        this.chainRisk = new double[chains.size()][];
        for (int c = 0; c < chains.size(); c++) {
            Accumulator a = chains.get(c);
            double[] risk = new double[n];
            for (int u = 0; u < n; u++) {
                risk[u] = a.samples == 0 ? 0 : a.riskNow[u] / (double) a.samples;
            }
            chainRisk[c] = risk;
        }
    }

    /** The posterior from the chains' accumulated samples. */
    public static CrispPosterior of(CrispData data, List<Accumulator> chains) {
        return new CrispPosterior(data, chains);
    }

    private static List<CurvePoint> curve(CrispData data, List<Accumulator> chains) {
        List<String> sites = siteNames(data);
        int t = data.days;
        int[][] positives = new int[sites.size()][t];
        Map<String, Integer> index = siteIndex(sites);
        for (int k = 0; k < data.tests(); k++) {
            if (data.testPositive[k]) {
                int u = data.testPerson[k];
                positives[0][data.testDay[k]]++;
                if (data.sites[u] != null) {
                    positives[index.get(data.sites[u])][data.testDay[k]]++;
                }
            }
        }
        List<CurvePoint> out = new ArrayList<>();
        for (int s = 0; s < sites.size(); s++) {
            for (int d = 0; d < t; d++) {
                List<Double> e = new ArrayList<>();
                List<Double> i = new ArrayList<>();
                for (Accumulator a : chains) {
                    for (int[][] sample : a.siteCurves) {
                        e.add((double) sample[0][s * t + d]);
                        i.add((double) sample[1][s * t + d]);
                    }
                }
                double[] ev = e.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double[] iv = i.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                out.add(new CurvePoint(sites.get(s), d, mean(ev), quantile(ev, 0.05), quantile(ev, 0.95), mean(iv), quantile(iv, 0.05),
                        quantile(iv, 0.95), positives[s][d]));
            }
        }
        return out;
    }

    static List<String> siteNames(CrispData data) {
        List<String> sites = new ArrayList<>();
        sites.add("");
        Arrays.stream(data.sites).filter(x -> x != null).distinct().sorted().forEach(sites::add);
        return sites;
    }

    static Map<String, Integer> siteIndex(List<String> sites) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            m.put(sites.get(i), i);
        }
        return m;
    }

    private static double mean(double[] v) {
        return v.length == 0 ? 0 : Arrays.stream(v).sum() / v.length;
    }

    private static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    /** Number of samples kept over all chains. */
    public int samples() {
        return samples;
    }

    /** The data the samples are about. */
    public CrispData data() {
        return data;
    }

    /** P(S), P(E), P(I), P(R) of person u on day d. */
    public double[] stateProbabilities(int u, int d) {
        int t = data.days;
        double e = exposedCount[u * t + d] / (double) samples;
        double i = infectiousCount[u * t + d] / (double) samples;
        double r = removedCount[u * t + d] / (double) samples;
        return new double[] {Math.max(0, 1 - e - i - r), e, i, r};
    }

    /** P(exposed or infectious) of person u on the as-of day. */
    public double risk(int u) {
        double[] p = stateProbabilities(u, data.days - 1);
        return p[1] + p[2];
    }

    /** Every person's risk on the as-of day. */
    public double[] risks() {
        double[] r = new double[data.people];
        for (int u = 0; u < r.length; u++) {
            r[u] = risk(u);
        }
        return r;
    }

    /** P(infectious) of person u on day d. */
    public double infectious(int u, int d) {
        return infectiousCount[u * data.days + d] / (double) samples;
    }

    /** Each chain's own risk estimates (for convergence displays). */
    public double[][] chainRisks() {
        return chainRisk;
    }

    /** The epidemic curve, everyone ('') first, then each site, each by day. */
    public List<CurvePoint> curve() {
        return curve;
    }

    /** The largest split R-hat of the monitored summaries (near 1 when the chains agree). */
    public double rhat() {
        return rhat;
    }

    /** Collects one chain's kept samples; used by one thread. */
    public static final class Accumulator {
        private final CrispData data;
        private final int[] exposedDiff;
        private final int[] infectiousDiff;
        private final int[] removedDiff;
        private final int[] riskNow;
        private final int[] siteOf;
        private final int siteCount;
        final List<Double> infectedNow = new ArrayList<>();
        final List<Double> everExposed = new ArrayList<>();
        final List<int[][]> siteCurves = new ArrayList<>();
        int samples;

        Accumulator(CrispData data) {
            this.data = data;
            int n = data.people;
            int t = data.days;
            this.exposedDiff = new int[n * (t + 1)];
            this.infectiousDiff = new int[n * (t + 1)];
            this.removedDiff = new int[n * (t + 1)];
            this.riskNow = new int[n];
            List<String> sites = siteNames(data);
            Map<String, Integer> index = siteIndex(sites);
            this.siteCount = sites.size();
            this.siteOf = new int[n];
            for (int u = 0; u < n; u++) {
                siteOf[u] = data.sites[u] == null ? -1 : index.get(data.sites[u]);
            }
        }

        void add(GibbsChain chain) {
            int n = data.people;
            int t = data.days;
            int[][] sc = new int[2][siteCount * t];
            int[] eDiff = new int[siteCount * (t + 1)];
            int[] iDiff = new int[siteCount * (t + 1)];
            int now = 0;
            int ever = 0;
            for (int u = 0; u < n; u++) {
                int t0 = chain.exposedOn[u];
                if (t0 >= t) {
                    continue;
                }
                ever++;
                int a = Math.min(t, t0 + chain.exposedFor[u]);
                int b = Math.min(t, a + chain.infectiousFor[u]);
                int base = u * (t + 1);
                exposedDiff[base + t0]++;
                exposedDiff[base + a]--;
                infectiousDiff[base + a]++;
                infectiousDiff[base + b]--;
                removedDiff[base + b]++;
                removedDiff[base + t]--;
                if (b == t) {
                    riskNow[u]++;
                    now++;
                }
                for (int s : new int[] {0, siteOf[u]}) {
                    if (s < 0) {
                        continue;
                    }
                    int sb = s * (t + 1);
                    eDiff[sb + t0]++;
                    eDiff[sb + a]--;
                    iDiff[sb + a]++;
                    iDiff[sb + b]--;
                }
            }
            for (int s = 0; s < siteCount; s++) {
                int e = 0;
                int i = 0;
                for (int d = 0; d < t; d++) {
                    e += eDiff[s * (t + 1) + d];
                    i += iDiff[s * (t + 1) + d];
                    sc[0][s * t + d] = e;
                    sc[1][s * t + d] = i;
                }
            }
            siteCurves.add(sc);
            infectedNow.add((double) now);
            everExposed.add((double) ever);
            samples++;
        }
    }
}
