package in.workbench.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;

/**
 * The one way a command builds and prints its {@code --json} summary: a JSON object built with
 * Jackson (never by hand, so quotes, locales and decimal commas cannot break it), printed as the
 * last line of standard output. A number that is not finite (NaN, ±∞) is printed as {@code null},
 * which JSON can hold.
 *
 * <p>Stateless; thread-safe.
 */
public final class JsonSummary {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonSummary() {
    }

    /** An empty summary object to fill with {@code put}, {@code putObject}, {@code putArray}. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /**
     * A summary object of key/value pairs, in order: {@code object("model", "crisp", "people", 120)}.
     * Values are written as Jackson writes them (strings, numbers, booleans, lists, maps, records).
     */
    public static ObjectNode object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("A summary needs a value for every key");
        }
        ObjectNode node = object();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.set((String) keysAndValues[i], JSON.valueToTree(keysAndValues[i + 1]));
        }
        return node;
    }

    /** Prints {@code summary} as one line of JSON on {@code out}. */
    public static void print(PrintWriter out, JsonNode summary) {
        try {
            out.println(JSON.writeValueAsString(finite(summary.deepCopy())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A summary built from JSON nodes always writes: " + e.getMessage(), e);
        }
    }

    private static JsonNode finite(JsonNode node) {
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            return NullNode.getInstance();
        }
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(finite(e.getValue()));
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, finite(a.get(i)));
            }
        }
        return node;
    }
}
