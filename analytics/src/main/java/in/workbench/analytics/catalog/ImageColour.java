package in.workbench.analytics.catalog;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The dominant colour of a product image: pixels are converted to CIELAB (a perceptual colour
 * space, where distance follows what the eye sees), the background is estimated from the image's
 * border and removed, the remaining pixels are clustered by k-means (k-means++ seeding, fixed seed)
 * and the largest cluster's centre (its lightness taken from the cluster's lit upper quartile, since
 * shading only darkens) is named by the nearest retail colour of the vocabulary.
 *
 * <p>Immutable; thread-safe.
 */
public final class ImageColour {

    /** Pixels closer than this (ΔE*ab) to the background colour count as background. */
    static final double BACKGROUND_DELTA_E = 12;
    /** Fewer foreground pixels than this share: the product cannot be told from the background. */
    static final double MIN_FOREGROUND = 0.03;
    static final int K = 3;
    /** Retail names that are spellings of another palette colour; an image is named by the main one. */
    static final java.util.Set<String> ALIASES = java.util.Set.of("gray", "golden", "navy blue");
    static final int MAX_SAMPLES = 6000;

    /** A palette colour: its name, family and CIELAB coordinates. */
    public record PaletteColour(String name, String family, double[] lab) {
    }

    /**
     * The result: the named colour, its family, the cluster centre as hex, the share of the product's
     * pixels in the dominant cluster, the distance to the named colour, and a confidence in 0–1.
     */
    public record Dominant(String name, String family, String hex, double share, double deltaE, double confidence) {
    }

    private final List<PaletteColour> palette;
    private final long seed;

    public ImageColour(List<PaletteColour> palette, long seed) {
        this.palette = List.copyOf(palette);
        this.seed = seed;
    }

    /** The retail colours of the colour vocabulary ("multi" left out: no image is one colour of it). */
    public static ImageColour retail(AttributeVocabulary colours, long seed) {
        List<PaletteColour> p = new ArrayList<>();
        for (AttributeVocabulary.Entry e : colours.entries("retail")) {
            if (!e.family().equals("multi") && e.hex() != null && !ALIASES.contains(e.value())) {
                p.add(new PaletteColour(e.value(), e.family(), lab(Integer.parseInt(e.hex().substring(1), 16))));
            }
        }
        return new ImageColour(p, seed);
    }

    /** The dominant colour of the product in {@code image}, or null when only background is visible. */
    public Dominant dominant(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int step = Math.max(1, (int) Math.ceil(Math.sqrt((double) w * h / MAX_SAMPLES)));
        List<double[]> border = new ArrayList<>();
        for (int x = 0; x < w; x += step) {
            border.add(lab(image.getRGB(x, 0)));
            border.add(lab(image.getRGB(x, h - 1)));
        }
        for (int y = 0; y < h; y += step) {
            border.add(lab(image.getRGB(0, y)));
            border.add(lab(image.getRGB(w - 1, y)));
        }
        double[] background = medianOf(border);
        List<double[]> fg = new ArrayList<>();
        int total = 0;
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                total++;
                double[] l = lab(image.getRGB(x, y));
                if (distance(l, background) > BACKGROUND_DELTA_E) {
                    fg.add(l);
                }
            }
        }
        if (fg.size() < Math.max(4, total * MIN_FOREGROUND)) {
            return null;
        }
        double[][] points = fg.toArray(new double[0][]);
        double[][] centres = kMeans(points, Math.min(K, points.length), new Random(seed));
        int[] counts = new int[centres.length];
        for (double[] p : points) {
            counts[nearest(centres, p)]++;
        }
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        double[] c = centres[best].clone();
        List<Double> lightness = new ArrayList<>();
        for (double[] p : points) {
            if (nearest(centres, p) == best) {
                lightness.add(p[0]);
            }
        }
        Collections.sort(lightness);
        // Shading only darkens a surface: the lit upper quartile shows the product's own lightness.
        c[0] = lightness.get((int) (lightness.size() * 0.75));
        double chroma = Math.hypot(c[1], c[2]);
        if (chroma < 6 && distance(c, background) < 1.6 * BACKGROUND_DELTA_E) {
            // A grey barely darker than the background is the shading of a product of the background's colour.
            c = background.clone();
        }
        PaletteColour named = palette.get(0);
        double d = Double.MAX_VALUE;
        for (PaletteColour pc : palette) {
            double dd = distance(pc.lab(), c);
            if (dd < d) {
                d = dd;
                named = pc;
            }
        }
        double share = counts[best] / (double) points.length;
        double confidence = Math.max(0, Math.min(1, share * (1 - d / 60)));
        return new Dominant(named.name(), named.family(), hex(c), share, d, confidence);
    }

    static double[][] kMeans(double[][] points, int k, Random random) {
        double[][] centres = new double[k][];
        centres[0] = points[random.nextInt(points.length)].clone();
        double[] d2 = new double[points.length];
        for (int c = 1; c < k; c++) {
            double sum = 0;
            for (int i = 0; i < points.length; i++) {
                double best = Double.MAX_VALUE;
                for (int j = 0; j < c; j++) {
                    best = Math.min(best, sq(points[i], centres[j]));
                }
                d2[i] = best;
                sum += best;
            }
            double r = random.nextDouble() * sum;
            int pick = points.length - 1;
            for (int i = 0; i < points.length; i++) {
                r -= d2[i];
                if (r <= 0) {
                    pick = i;
                    break;
                }
            }
            centres[c] = points[pick].clone();
        }
        int[] assign = new int[points.length];
        for (int iter = 0; iter < 25; iter++) {
            boolean changed = false;
            for (int i = 0; i < points.length; i++) {
                int n = nearest(centres, points[i]);
                if (n != assign[i] || iter == 0) {
                    changed |= n != assign[i];
                    assign[i] = n;
                }
            }
            double[][] sum = new double[k][3];
            int[] cnt = new int[k];
            for (int i = 0; i < points.length; i++) {
                for (int d = 0; d < 3; d++) {
                    sum[assign[i]][d] += points[i][d];
                }
                cnt[assign[i]]++;
            }
            for (int c = 0; c < k; c++) {
                if (cnt[c] > 0) {
                    for (int d = 0; d < 3; d++) {
                        centres[c][d] = sum[c][d] / cnt[c];
                    }
                }
            }
            if (!changed && iter > 0) {
                break;
            }
        }
        return centres;
    }

    private static int nearest(double[][] centres, double[] p) {
        int best = 0;
        double bd = Double.MAX_VALUE;
        for (int i = 0; i < centres.length; i++) {
            double d = sq(centres[i], p);
            if (d < bd) {
                bd = d;
                best = i;
            }
        }
        return best;
    }

    private static double[] medianOf(List<double[]> pts) {
        double[] out = new double[3];
        for (int d = 0; d < 3; d++) {
            int dim = d;
            double[] v = pts.stream().mapToDouble(p -> p[dim]).toArray();
            Arrays.sort(v);
            out[d] = v[v.length / 2];
        }
        return out;
    }

    private static double sq(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < 3; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }

    /** ΔE*ab (CIE76) between two CIELAB colours. */
    static double distance(double[] a, double[] b) {
        return Math.sqrt(sq(a, b));
    }

    /** sRGB (0xRRGGBB) to CIELAB under D65. */
    static double[] lab(int rgb) {
        double r = linear(((rgb >> 16) & 0xFF) / 255.0);
        double g = linear(((rgb >> 8) & 0xFF) / 255.0);
        double b = linear((rgb & 0xFF) / 255.0);
        double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    /** CIELAB back to sRGB hex, for display. */
    static String hex(double[] lab) {
        double fy = (lab[0] + 16) / 116;
        double fx = fy + lab[1] / 500;
        double fz = fy - lab[2] / 200;
        double x = finv(fx) * 0.95047;
        double y = finv(fy);
        double z = finv(fz) * 1.08883;
        double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        double b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return String.format("#%02x%02x%02x", gamma(r), gamma(g), gamma(b));
    }

    private static double linear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int gamma(double c) {
        double v = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(Math.max(0, c), 1 / 2.4) - 0.055;
        return (int) Math.max(0, Math.min(255, Math.round(v * 255)));
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static double finv(double t) {
        return t * t * t > 216.0 / 24389 ? t * t * t : (116 * t - 16) / (24389.0 / 27);
    }
}
