package in.workbench.analytics.trees;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackedTreesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A two-class ensemble of random trees up to depth 4, some leaves above the bottom, random default ways. */
    private static ObjectNode randomBooster(Random random, int trees, int features) {
        return randomBooster(random, trees, features, false);
    }

    /** The same, or with the binary logistic objective (one margin, one tree a round) when {@code logistic}. */
    private static ObjectNode randomBooster(Random random, int trees, int features, boolean logistic) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode learner = root.putObject("learner");
        learner.putObject("learner_model_param").put("num_class", logistic ? "0" : "2").put("base_score", logistic ? "0.3" : "0.5");
        if (logistic) {
            learner.putObject("objective").put("name", "binary:logistic");
        }
        ObjectNode booster = learner.putObject("gradient_booster");
        booster.put("name", "gbtree");
        ObjectNode model = booster.putObject("model");
        ArrayNode list = model.putArray("trees");
        ArrayNode info = model.putArray("tree_info");
        for (int t = 0; t < trees; t++) {
            ObjectNode tree = list.addObject();
            ArrayNode left = tree.putArray("left_children");
            ArrayNode right = tree.putArray("right_children");
            ArrayNode index = tree.putArray("split_indices");
            ArrayNode condition = tree.putArray("split_conditions");
            ArrayNode defaultLeft = tree.putArray("default_left");
            grow(random, 0, features, new int[] {0}, left, right, index, condition, defaultLeft);
            info.add(logistic ? 0 : t % 2);
        }
        return root;
    }

    /** Appends a node (and its subtree) at position {@code next[0]} in XGBoost's arrays. */
    private static void grow(Random random, int depth, int features, int[] next, ArrayNode left, ArrayNode right, ArrayNode index,
            ArrayNode condition, ArrayNode defaultLeft) {
        int me = next[0]++;
        left.add(-1);
        right.add(-1);
        index.add(0);
        condition.add(0.0);
        defaultLeft.add(0);
        if (depth == 4 || (depth > 0 && random.nextInt(4) == 0)) {
            condition.set(me, JSON.getNodeFactory().numberNode((float) random.nextGaussian()));
            return;
        }
        index.set(me, JSON.getNodeFactory().numberNode(random.nextInt(features)));
        condition.set(me, JSON.getNodeFactory().numberNode((float) random.nextGaussian()));
        defaultLeft.set(me, JSON.getNodeFactory().numberNode(random.nextInt(2)));
        left.set(me, JSON.getNodeFactory().numberNode(next[0]));
        grow(random, depth + 1, features, next, left, right, index, condition, defaultLeft);
        right.set(me, JSON.getNodeFactory().numberNode(next[0]));
        grow(random, depth + 1, features, next, left, right, index, condition, defaultLeft);
    }

    @Test
    void walkingEightRowsAtOnceGivesExactlyTheMarginsOfOneAtATime() {
        Random random = new Random(5);
        int features = 6;
        PackedTrees trees = PackedTrees.fromBoosterJson(randomBooster(random, 60, features));
        for (int count = 1; count <= PackedTrees.BATCH; count++) {
            float[] x = new float[PackedTrees.BATCH * features];
            for (int k = 0; k < x.length; k++) {
                x[k] = random.nextInt(5) == 0 ? Float.NaN : (float) random.nextGaussian();
            }
            float[] batch = new float[count * trees.classes()];
            trees.marginsBatch(x, features, count, batch);
            for (int r = 0; r < count; r++) {
                float[] one = new float[trees.classes()];
                trees.margins(x, r * features, one);
                for (int c = 0; c < trees.classes(); c++) {
                    assertEquals(one[c], batch[r * trees.classes() + c], 0.0f, "row " + r + " of " + count + ", class " + c);
                }
                assertEquals(PackedTrees.softmax(one, 2, 1), PackedTrees.softmax(batch, r * 2, 2, 1), 0.0);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void walkingRowsWhereTheyLieGivesExactlyTheMarginsOfOneAtATime(boolean logistic) {
        Random random = new Random(11);
        int features = 7;
        PackedTrees trees = PackedTrees.fromBoosterJson(randomBooster(random, 50, features, logistic));
        int classes = trees.classes();
        assertEquals(logistic ? 1 : 2, classes);
        for (int count = 0; count <= 13; count++) {
            // rows scattered through a larger array, in no order, as a time order picks them out of a table
            float[] x = new float[40 * features];
            for (int k = 0; k < x.length; k++) {
                x[k] = random.nextInt(5) == 0 ? Float.NaN : (float) random.nextGaussian();
            }
            int[] offs = new int[count];
            for (int r = 0; r < count; r++) {
                offs[r] = random.nextInt(40) * features;
            }
            float[] margins = new float[3 + count * classes];
            trees.marginsRows(x, offs, count, margins, 3);
            for (int r = 0; r < count; r++) {
                float[] one = new float[classes];
                trees.margins(x, offs[r], one);
                for (int c = 0; c < classes; c++) {
                    assertEquals(one[c], margins[3 + r * classes + c], 0.0f, "row " + r + " of " + count + ", class " + c);
                }
            }
        }
    }
}
