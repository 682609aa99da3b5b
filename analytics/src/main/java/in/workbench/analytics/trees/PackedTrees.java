package in.workbench.analytics.trees;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * An XGBoost tree ensemble ({@code gbtree}, numeric splits) read from the booster's JSON model
 * ({@code Booster.toByteArray("json")}) and evaluated without XGBoost: each tree is laid out as a
 * complete binary tree of the ensemble's depth (a leaf above the bottom becomes splits that always
 * go left down to copies of it), each split in one {@code long} (split value, feature, default
 * direction), so a walk is {@code depth} branch-free steps (docs/decisions/0009). Features are
 * compared in single precision and a NaN feature takes the node's default way, exactly as XGBoost
 * does; margins add up in single precision too.
 *
 * <p>Immutable and thread-safe.
 */
public final class PackedTrees {

    /** Deeper ensembles would need too large a complete layout. */
    public static final int MAX_DEPTH = 12;

    private final int classes;
    private final float baseScore;
    private final int depth;
    private final int trees;
    private final int[] treeClass;
    private final float[] leaves;
    private final long[] nodes;
    private final int width;

    private PackedTrees(int classes, float baseScore, int depth, int[] treeClass, long[] nodes, float[] leaves, int width) {
        this.classes = classes;
        this.baseScore = baseScore;
        this.depth = depth;
        this.trees = treeClass.length;
        this.treeClass = treeClass;
        this.nodes = nodes;
        this.leaves = leaves;
        this.width = width;
    }

    /** One tree as XGBoost's JSON model stores it. */
    private record Raw(int[] left, int[] right, int[] feature, float[] condition, boolean[] defaultLeft) {

        int depth(int node) {
            return left[node] == -1 ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
        }
    }

    /**
     * Reads the ensemble from the JSON document XGBoost writes ({@code {"learner": …}}).
     *
     * @throws IllegalArgumentException for a layout this class does not evaluate (another booster,
     *     categorical splits, trees deeper than {@link #MAX_DEPTH})
     */
    public static PackedTrees fromBoosterJson(JsonNode root) {
        JsonNode learner = root.get("learner");
        if (learner == null) {
            throw new IllegalArgumentException("not an XGBoost JSON model: no learner");
        }
        JsonNode params = learner.get("learner_model_param");
        String objective = learner.path("objective").path("name").asText("");
        boolean logistic = objective.equals("binary:logistic") || objective.equals("reg:logistic");
        // a logistic objective has one margin whatever num_class says, and stores its base score as a probability
        int classes = logistic ? 1 : Math.max(1, params.get("num_class").asInt());
        float base = Float.parseFloat(params.get("base_score").asText());
        if (logistic) {
            base = (float) Math.log(base / (1.0 - base));
        }
        JsonNode gbtree = learner.get("gradient_booster");
        if (!gbtree.get("name").asText().equals("gbtree")) {
            throw new IllegalArgumentException("unsupported booster " + gbtree.get("name").asText());
        }
        JsonNode json = gbtree.get("model").get("trees");
        JsonNode info = gbtree.get("model").get("tree_info");
        List<Raw> raws = new ArrayList<>();
        int depth = 0;
        int width = 0;
        for (JsonNode tree : json) {
            JsonNode types = tree.get("split_type");
            if (types != null) {
                for (JsonNode type : types) {
                    if (type.asInt() != 0) {
                        throw new IllegalArgumentException("categorical splits are not supported");
                    }
                }
            }
            int n = tree.get("left_children").size();
            Raw raw = new Raw(new int[n], new int[n], new int[n], new float[n], new boolean[n]);
            for (int k = 0; k < n; k++) {
                raw.left()[k] = tree.get("left_children").get(k).asInt();
                raw.right()[k] = tree.get("right_children").get(k).asInt();
                raw.feature()[k] = tree.get("split_indices").get(k).asInt();
                raw.condition()[k] = (float) tree.get("split_conditions").get(k).asDouble();
                raw.defaultLeft()[k] = tree.get("default_left").get(k).asInt() != 0;
                if (raw.left()[k] != -1) {
                    width = Math.max(width, raw.feature()[k] + 1);
                }
            }
            raws.add(raw);
            depth = Math.max(depth, raw.depth(0));
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("trees deeper than " + MAX_DEPTH + " are not supported");
            }
        }
        int splits = (1 << depth) - 1;
        int[] treeClass = new int[raws.size()];
        long[] nodes = new long[raws.size() * splits];
        float[] leaves = new float[raws.size() * (splits + 1)];
        for (int t = 0; t < raws.size(); t++) {
            treeClass[t] = logistic ? 0 : info.get(t).asInt();
            place(raws.get(t), 0, 0, depth, t * splits, t * (splits + 1), nodes, leaves);
        }
        return new PackedTrees(classes, base, depth, treeClass, nodes, leaves, width);
    }

    private static void place(Raw raw, int k, int pos, int depth, int splitBase, int leafBase, long[] nodes, float[] leaves) {
        int d = 31 - Integer.numberOfLeadingZeros(pos + 1);
        if (d == depth) {
            leaves[leafBase + pos - ((1 << depth) - 1)] = raw.condition()[k];
            return;
        }
        boolean leaf = raw.left()[k] == -1;
        // a leaf above the bottom: a split every value (and a missing one) passes to the left
        int feature = leaf ? 0 : raw.feature()[k];
        float split = leaf ? Float.POSITIVE_INFINITY : raw.condition()[k];
        long missingLeft = leaf || raw.defaultLeft()[k] ? 1 : 0;
        nodes[splitBase + pos] = ((long) Float.floatToRawIntBits(split) << 32) | (missingLeft << 31) | feature;
        place(raw, leaf ? k : raw.left()[k], 2 * pos + 1, depth, splitBase, leafBase, nodes, leaves);
        place(raw, leaf ? k : raw.right()[k], 2 * pos + 2, depth, splitBase, leafBase, nodes, leaves);
    }

    /** Rows walked together by {@link #marginsBatch}. */
    public static final int BATCH = 8;

    /**
     * The margins of {@code count} (at most {@link #BATCH}) rows at once: row {@code r}'s features at
     * {@code x[r * stride …]}, its margins into {@code margin[r * classes …]}. Equal to {@link #margins}
     * row by row.
     */
    public void marginsBatch(float[] x, int stride, int count, float[] margin) {
        int[] offs = new int[count];
        for (int r = 0; r < count; r++) {
            offs[r] = r * stride;
        }
        marginsRows(x, offs, count, margin, 0);
    }

    /**
     * The margins of {@code count} rows (any number) whose features start at {@code x[offs[r]]}, into
     * {@code margin[marginOff + r * classes …]} (which may lie in {@code x}'s array beyond every row): the same single-precision sums in the same order as
     * {@link #margins}, so equal to it row by row. Four rows walk each tree together, their nodes in
     * registers: the walks are independent, so the processor overlaps their memory reads and
     * comparisons (a single walk is a chain of dependent steps). Allocates nothing.
     */
    public void marginsRows(float[] x, int[] offs, int count, float[] margin, int marginOff) {
        if (classes != 1) {
            for (int r = 0; r < count; r++) {
                margins(x, offs[r], margin, marginOff + r * classes);
            }
            return;
        }
        Arrays.fill(margin, marginOff, marginOff + count, baseScore);
        int splits = (1 << depth) - 1;
        long[] nodes = this.nodes;
        float[] leaves = this.leaves;
        int four = count & ~3;
        // tree by tree over all the rows, so a tree's splits stay in the first-level cache while every row walks it
        for (int t = 0, base = 0, leaf = -splits; t < trees; t++, base += splits, leaf += splits + 1) {
            for (int r = 0; r < four; r += 4) {
                int o0 = offs[r];
                int o1 = offs[r + 1];
                int o2 = offs[r + 2];
                int o3 = offs[r + 3];
                int n0 = 0;
                int n1 = 0;
                int n2 = 0;
                int n3 = 0;
                for (int d = 0; d < depth; d++) {
                    n0 = step(nodes[base + n0], x, o0, n0);
                    n1 = step(nodes[base + n1], x, o1, n1);
                    n2 = step(nodes[base + n2], x, o2, n2);
                    n3 = step(nodes[base + n3], x, o3, n3);
                }
                int m = marginOff + r;
                margin[m] += leaves[leaf + n0];
                margin[m + 1] += leaves[leaf + n1];
                margin[m + 2] += leaves[leaf + n2];
                margin[m + 3] += leaves[leaf + n3];
            }
            for (int r = four; r < count; r++) {
                int n = 0;
                int o = offs[r];
                for (int d = 0; d < depth; d++) {
                    n = step(nodes[base + n], x, o, n);
                }
                margin[marginOff + r] += leaves[leaf + n];
            }
        }
    }

    /** The child of node {@code n} (split {@code nd}) the row at {@code x[off …]} goes to. */
    private static int step(long nd, float[] x, int off, int n) {
        int low = (int) nd;
        return 2 * n + 1 + right(x[off + (low & 0x7FFF_FFFF)], nd, low);
    }

    /**
     * 1 when the split {@code nd} sends {@code v} right, 0 when left, without a branch (a tree walk's
     * comparisons are unpredictable): left when {@code v < split}, whose sign {@code v - split} carries
     * exactly (gradual underflow never rounds a difference of two unequal floats to zero; a padding
     * split of +∞ gives −∞); a missing (NaN) value goes right unless the split's default is left.
     */
    private static int right(float v, long nd, int low) {
        int nan = v != v ? 1 : 0;
        int below = Float.floatToRawIntBits(v - Float.intBitsToFloat((int) (nd >>> 32))) >>> 31;
        return ((1 - below) | nan) & ~(nan & (low >>> 31));
    }

    /** Number of output classes (margins). */
    public int classes() {
        return classes;
    }

    /** Number of trees. */
    public int trees() {
        return trees;
    }

    /** One more than the highest feature index any split reads. */
    public int width() {
        return width;
    }

    /**
     * The margin of every class for the features {@code x[off …]} (by XGBoost feature index; NaN
     * is missing), into {@code margin}.
     */
    public void margins(float[] x, int off, float[] margin) {
        margins(x, off, margin, 0);
    }

    /** The same into {@code margin[marginOff …]} (which may be the tail of {@code x}'s array beyond the features). */
    public void margins(float[] x, int off, float[] margin, int marginOff) {
        Arrays.fill(margin, marginOff, marginOff + classes, baseScore);
        for (int t = 0; t < trees; t++) {
            margin[marginOff + treeClass[t]] += leaf(t, x, off);
        }
    }

    /** The leaf value tree {@code t} reaches for the features {@code x[off …]}: {@code depth} branch-free steps down. */
    public float leaf(int t, float[] x, int off) {
        int splits = (1 << depth) - 1;
        int base = t * splits;
        int node = 0;
        for (int d = 0; d < depth; d++) {
            long nd = nodes[base + node];
            int low = (int) nd;
            float v = x[off + (low & 0x7FFF_FFFF)];
            node = 2 * node + 1 + right(v, nd, low);
        }
        return leaves[t * (splits + 1) + node - splits];
    }

    /** The class (margin) tree {@code t} adds to. */
    public int treeClass(int t) {
        return treeClass[t];
    }

    /** The margin every class starts from. */
    public float baseScore() {
        return baseScore;
    }

    /** The depth of the deepest tree (every tree is walked this many steps). */
    public int depth() {
        return depth;
    }

    /** The features tree {@code t}'s splits read (not the padding below its early leaves). */
    public BitSet featuresOf(int t) {
        BitSet read = new BitSet();
        int splits = (1 << depth) - 1;
        for (int k = t * splits; k < (t + 1) * splits; k++) {
            if (Float.intBitsToFloat((int) (nodes[k] >>> 32)) != Float.POSITIVE_INFINITY) {
                read.set((int) nodes[k] & 0x7FFF_FFFF);
            }
        }
        return read;
    }

    /** The softmax probability of class {@code k} over {@code margin}, in single precision as XGBoost computes it. */
    public static double softmax(float[] margin, int classes, int k) {
        return softmax(margin, 0, classes, k);
    }

    /** The same over {@code margin[off …]}. */
    public static double softmax(float[] margin, int off, int classes, int k) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, margin[off + c]);
        }
        float sum = 0;
        float mine = 0;
        for (int c = 0; c < classes; c++) {
            float e = (float) Math.exp(margin[off + c] - max);
            sum += e;
            if (c == k) {
                mine = e;
            }
        }
        return mine / sum;
    }
}
