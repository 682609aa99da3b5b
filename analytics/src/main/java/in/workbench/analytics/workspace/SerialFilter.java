package in.workbench.analytics.workspace;

import java.io.ObjectInputFilter;
import java.util.List;

/**
 * The limits on Java deserialisation (JEP 290). The workbench writes nothing with Java
 * serialisation; these filters guard what is left: the conversion of model files saved by the
 * previous release ({@link LegacyModelFile}) and, as a process-wide backstop installed at start-up
 * by the window and the command line, anything a library deserialises. Only the project's own
 * classes, Tribuo's (with OLCUT provenance) and plain JDK values and
 * collections are admitted, within limits of depth, references and array length; everything else
 * is rejected before it is created.
 *
 * <p>Stateless; thread-safe.
 */
public final class SerialFilter {

    /**
     * Deepest object nesting admitted. The deepest model of the previous release nests 14 deep (the
     * catalog's attribute models); at 20, a nest of sets built to make hashing explode costs at most
     * about a million hash codes before it is cut off.
     */
    static final int MAX_DEPTH = 20;
    /** Most object references in one stream: far above what any model of the previous release holds. */
    static final long MAX_REFERENCES = 5_000_000;
    /** Longest array; a model's weight matrix is features × classes. */
    static final long MAX_ARRAY = 50_000_000;

    /** Packages (with their subpackages) whose classes may be read. */
    private static final List<String> KNOWN_PACKAGES = List.of("in.workbench.", "org.tribuo.", "com.oracle.labs.mlrg.olcut.");
    /** JDK packages (without their subpackages) whose values and collections may be read. */
    private static final List<String> KNOWN_JDK = List.of("java.lang.", "java.util.", "java.time.");

    private static final ObjectInputFilter BACKSTOP = info -> check(info, null);

    private SerialFilter() {
    }

    /** The process-wide filter: known classes only, within the limits. */
    public static ObjectInputFilter backstop() {
        return BACKSTOP;
    }

    /**
     * Installs {@link #backstop()} as the process-wide filter, unless one is already installed (by an
     * earlier call or the {@code jdk.serialFilter} property, which then takes precedence).
     */
    public static synchronized void installProcessWide() {
        if (ObjectInputFilter.Config.getSerialFilter() == null) {
            ObjectInputFilter.Config.setSerialFilter(BACKSTOP);
        }
    }

    /** The filter for a model file of the previous release: as {@link #backstop()}, and the first object must be a {@code root}. */
    static ObjectInputFilter forModel(Class<?> root) {
        return info -> check(info, root);
    }

    private static ObjectInputFilter.Status check(ObjectInputFilter.FilterInfo info, Class<?> root) {
        if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES || info.arrayLength() > MAX_ARRAY) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> c = info.serialClass();
        if (c == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        if (root != null && info.depth() == 1 && !c.isAssignableFrom(root)) {
            return ObjectInputFilter.Status.REJECTED;
        }
        while (c.isArray()) {
            c = c.getComponentType();
        }
        return c.isPrimitive() || known(c.getName()) ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    }

    /** True for a class name the filters admit. */
    static boolean known(String name) {
        for (String p : KNOWN_PACKAGES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        for (String p : KNOWN_JDK) {
            if (name.startsWith(p) && name.indexOf('.', p.length()) < 0) {
                return true;
            }
        }
        return false;
    }
}
