package in.workbench.app.bench;

import in.workbench.analytics.evaluation.BinaryMetrics;
import in.workbench.analytics.network.PointInTimeFeatures;
import in.workbench.analytics.network.Sessions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Where a slow-network model loses against the true probabilities, segment by segment (radio,
 * platform, how much history the customer and the tower-hour had, tower switch, gap since the last
 * session, last latency, hour): each segment's sessions, its AUC ratio within the segment and its
 * share of the model's excess log-loss over the truth (the Kullback–Leibler divergence of the
 * model's P(slow) from the true one, summed over the segment's sessions). For working on the
 * model with the sample generator's worlds only ({@code bench slow-network --sample-only --diagnose}).
 */
final class SlowNetworkDiagnosis {

    private static final double CLIP = 1e-6;

    private SlowNetworkDiagnosis() {
    }

    /** One table: rows {@code rows} of {@code s} with the model's {@code p}, outcomes {@code y} and true probabilities {@code t}. */
    static void print(String world, Sessions s, float[] features, int[] rows, double[] p, boolean[] y, double[] t, PrintWriter out) {
        int w = PointInTimeFeatures.WIDTH;
        Map<String, IntFunction<String>> groupings = new LinkedHashMap<>();
        groupings.put("radio", k -> s.network(rows[k]).name().toLowerCase(java.util.Locale.ROOT));
        groupings.put("platform", k -> value(features, rows[k], w, "os_ios") > 0.5 ? "ios" : "not ios");
        groupings.put("customer's ended sessions", k -> count(value(features, rows[k], w, "log_customer_n")));
        groupings.put("tower-hour's ended sessions", k -> count(value(features, rows[k], w, "log_tower_hour_n")));
        groupings.put("tower switched", k -> value(features, rows[k], w, "tower_switched") > 0.5 ? "switched" : "same or none");
        groupings.put("gap since the last session", k -> gap(value(features, rows[k], w, "log_gap_min")));
        groupings.put("last latency", k -> Float.isNaN(value(features, rows[k], w, "log_last_latency")) ? "none" : "known");
        groupings.put("local hour", k -> {
            int h = s.localHour(rows[k]);
            return String.format("%02d–%02d", h / 6 * 6, h / 6 * 6 + 5);
        });
        double totalKl = 0;
        double[] kl = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            kl[k] = divergence(t[k], p[k]);
            totalKl += kl[k];
        }
        out.printf("%n| where the model loses: %s (%,d sessions, excess log-loss %.4f a session) | sessions | slow | AUC model / truth |"
                + " ratio | share of excess log-loss |%n|---|---:|---:|---:|---:|---:|%n", world, rows.length, totalKl / rows.length);
        for (Map.Entry<String, IntFunction<String>> g : groupings.entrySet()) {
            Map<String, List<Integer>> members = new java.util.TreeMap<>(
                    java.util.Comparator.comparingInt(SlowNetworkDiagnosis::leadingNumber).thenComparing(x -> x));
            for (int k = 0; k < rows.length; k++) {
                members.computeIfAbsent(g.getValue().apply(k), x -> new ArrayList<>()).add(k);
            }
            for (Map.Entry<String, List<Integer>> m : members.entrySet()) {
                List<Integer> ks = m.getValue();
                double[] pp = ks.stream().mapToDouble(k -> p[k]).toArray();
                double[] tt = ks.stream().mapToDouble(k -> t[k]).toArray();
                boolean[] yy = new boolean[ks.size()];
                int slow = 0;
                double segKl = 0;
                for (int j = 0; j < ks.size(); j++) {
                    yy[j] = y[ks.get(j)];
                    slow += yy[j] ? 1 : 0;
                    segKl += kl[ks.get(j)];
                }
                boolean both = slow > 0 && slow < ks.size();
                double am = both ? BinaryMetrics.auc(pp, yy) : Double.NaN;
                double at = both ? BinaryMetrics.auc(tt, yy) : Double.NaN;
                out.printf("| %s: %s | %,d | %.3f | %.3f / %.3f | %.3f | %.3f |%n", g.getKey(), m.getKey(), ks.size(), (double) slow / ks.size(),
                        am, at, am / at, segKl / totalKl);
            }
        }
    }

    /** The number a segment's label starts with (counts and hours sort by it), or none. */
    private static int leadingNumber(String label) {
        int k = 0;
        while (k < label.length() && Character.isDigit(label.charAt(k))) {
            k++;
        }
        return k == 0 ? Integer.MAX_VALUE : Integer.parseInt(label.substring(0, k));
    }

    private static float value(float[] features, int row, int width, String name) {
        return features[row * width + PointInTimeFeatures.NAMES.indexOf(name)];
    }

    private static String count(float log1p) {
        if (Float.isNaN(log1p) || log1p < 0.5) {
            return "0";
        }
        double n = Math.expm1(log1p);
        return n < 4.5 ? "1–4" : n < 19.5 ? "5–19" : n < 99.5 ? "20–99" : "100+";
    }

    private static String gap(float log1pMinutes) {
        if (Float.isNaN(log1pMinutes)) {
            return "first session";
        }
        double m = Math.expm1(log1pMinutes);
        return m < 30 ? "a < 30 min" : m < 1_440 ? "b < 1 day" : m < 10_080 ? "c < 1 week" : "d ≥ 1 week";
    }

    private static double divergence(double t, double p) {
        double q = Math.min(1 - CLIP, Math.max(CLIP, p));
        double r = Math.min(1 - CLIP, Math.max(CLIP, t));
        return r * Math.log(r / q) + (1 - r) * Math.log((1 - r) / (1 - q));
    }
}
