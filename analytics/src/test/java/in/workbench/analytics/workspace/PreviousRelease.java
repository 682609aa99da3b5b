package in.workbench.analytics.workspace;

import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Model files as the previous release wrote them (Java serialisation), and crafted files an
 * attacker could put in a shared workspace's models folder.
 */
public final class PreviousRelease {

    private PreviousRelease() {
    }

    /** Writes {@code model} the way the previous release's ModelFile did. */
    public static void save(Serializable model, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream os = Files.newOutputStream(file); ObjectOutputStream out = new ObjectOutputStream(os)) {
            out.writeObject(model);
        }
    }

    /**
     * A "billion laughs" of nested sets: reading it computes 2^depth hash codes, so a reader that
     * deserialises it hangs.
     */
    public static void billionLaughs(Path file, int depth) throws IOException {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < depth; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("foo");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        save((Serializable) root, file);
    }

    /** The deepest nesting and the classes of a Java-serialised file, read through an admit-all filter that records them. */
    public static Set<String> classesAndDepth(Path file, int[] maxDepth) throws IOException, ClassNotFoundException {
        Set<String> classes = new java.util.TreeSet<>();
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
            in.setObjectInputFilter(info -> {
                maxDepth[0] = (int) Math.max(maxDepth[0], info.depth());
                if (info.serialClass() != null) {
                    classes.add(info.serialClass().getName());
                }
                return ObjectInputFilter.Status.ALLOWED;
            });
            in.readObject();
        }
        return classes;
    }
}
