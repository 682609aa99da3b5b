package in.workbench.views.labeling;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The Labeling screen's keys: one per action, the defaults overlaid with the analyst's remapping,
 * which the workspace keeps as one setting ({@link #SETTING}, {@code ACTION=KEY;…}). A key is a
 * JavaFX key code's name ("D", "SPACE", "TAB"), with "Shift+" in front when Shift is part of it.
 *
 * <p>Used on the JavaFX thread only (the map is observed by the view).
 */
public final class KeyBindings {

    /** The workspace setting holding the key bindings. */
    public static final String SETTING = "labeling.keys";
    static final Map<LabelingAction, String> DEFAULTS = defaults();

    private final ObservableMap<LabelingAction, String> keys = FXCollections.observableMap(new EnumMap<>(LabelingAction.class));

    public KeyBindings() {
        keys.putAll(DEFAULTS);
    }

    private static Map<LabelingAction, String> defaults() {
        Map<LabelingAction, String> m = new EnumMap<>(LabelingAction.class);
        for (LabelingAction a : LabelingAction.values()) {
            m.put(a, defaultKey(a));
        }
        return m;
    }

    /** The key an action has until the analyst remaps it; the switch has no default, so a new action cannot lack one. */
    private static String defaultKey(LabelingAction action) {
        return switch (action) {
            case DELIVERABLE -> "D";
            case UNDELIVERABLE -> "U";
            case UNSURE -> "S";
            case SKIP -> "SPACE";
            case UNDO -> "BACK_SPACE";
            case NEXT_SPAN -> "TAB";
            case PREVIOUS_SPAN -> "Shift+TAB";
            case LABEL_UP -> "UP";
            case LABEL_DOWN -> "DOWN";
            case GROW_SPAN -> "Shift+RIGHT";
            case SHRINK_SPAN -> "Shift+LEFT";
            case RETRAIN -> "R";
            case REFRESH -> "F5";
        };
    }

    /** The bindings the view shows. */
    public ObservableMap<LabelingAction, String> keys() {
        return keys;
    }

    /** Starts from the defaults and applies the stored remapping; bindings of actions this version lacks are ignored. */
    public void load(Optional<String> stored) {
        keys.putAll(DEFAULTS);
        stored.ifPresent(s -> {
            for (String pair : s.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    try {
                        keys.put(LabelingAction.valueOf(pair.substring(0, eq)), pair.substring(eq + 1));
                    } catch (IllegalArgumentException e) {
                        // a binding of an action this version no longer has
                    }
                }
            }
        });
    }

    /**
     * The action a pressed key means: the exact binding first; with Shift held, a one-letter
     * binding also answers to its capital (an analyst with Caps habits).
     */
    public Optional<LabelingAction> actionFor(String key, boolean shift) {
        String pressed = (shift ? "Shift+" : "") + key;
        for (Map.Entry<LabelingAction, String> e : keys.entrySet()) {
            if (e.getValue().equals(pressed)) {
                return Optional.of(e.getKey());
            }
        }
        if (shift && key.length() == 1) {
            for (Map.Entry<LabelingAction, String> e : keys.entrySet()) {
                if (e.getValue().equals(key)) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Binds an action to another key; an action that had this key gets the action's old key, so
     * no key means two things. Returns the setting's new value.
     */
    public String rebind(LabelingAction action, String key) {
        for (Map.Entry<LabelingAction, String> e : Map.copyOf(keys).entrySet()) {
            if (e.getValue().equals(key) && e.getKey() != action) {
                keys.put(e.getKey(), keys.get(action));
            }
        }
        keys.put(action, key);
        return stored();
    }

    /** Restores the defaults; returns the setting's new value. */
    public String reset() {
        keys.putAll(DEFAULTS);
        return stored();
    }

    /** The bindings as the workspace setting keeps them. */
    String stored() {
        StringBuilder sb = new StringBuilder();
        keys.forEach((a, k) -> sb.append(sb.length() == 0 ? "" : ";").append(a.name()).append('=').append(k));
        return sb.toString();
    }

    /** The key of an action as the screen shows it. */
    public String text(LabelingAction action) {
        return keyText(keys.get(action));
    }

    /** A key as the screen shows it: "Space", "⌫ Backspace", "Shift+Tab". */
    public static String keyText(String key) {
        if (key == null) {
            return "";
        }
        boolean shift = key.startsWith("Shift+");
        String k = shift ? key.substring(6) : key;
        String shown = switch (k) {
            case "SPACE" -> "Space";
            case "BACK_SPACE" -> "⌫ Backspace";
            case "TAB" -> "Tab";
            case "UP" -> "↑";
            case "DOWN" -> "↓";
            case "LEFT" -> "←";
            case "RIGHT" -> "→";
            case "ENTER" -> "Enter";
            default -> k.length() == 1 ? k : k.charAt(0) + k.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        };
        return (shift ? "Shift+" : "") + shown;
    }
}
