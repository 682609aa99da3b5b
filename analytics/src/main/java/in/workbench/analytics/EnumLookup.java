package in.workbench.analytics;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one way to find an enum constant by the word the analyst writes for it (an objective's
 * command-line name, a table's SQL name, a menu title), and to list those words in a message:
 * each enum names its word with a function and keeps no lookup loop of its own. Stateless;
 * thread-safe.
 */
public final class EnumLookup {

    private EnumLookup() {
    }

    /**
     * The constant of {@code type} whose word ({@code word} applied to it) equals {@code text}
     * exactly, or empty when none does or {@code text} is null. Constants whose word is null never match.
     */
    public static <E extends Enum<E>> Optional<E> find(Class<E> type, Function<E, String> word, String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> text.equals(word.apply(e))).findFirst();
    }

    /** Every constant's word, in declaration order and joined by ", " (constants without a word are left out): for "use one of: …". */
    public static <E extends Enum<E>> String words(Class<E> type, Function<E, String> word) {
        return Arrays.stream(type.getEnumConstants()).map(word).filter(w -> w != null).collect(Collectors.joining(", "));
    }
}
