package in.workbench.analytics.workspace;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a model file saved by the previous release, which wrote models with Java serialisation.
 * The stream is read through {@link SerialFilter#forModel}: its first object must be the expected
 * model class and every class after it one of the project's, Tribuo's or plain JDK values, within
 * depth, reference and array limits. A refused stream stops at the first unknown class, before
 * any object of it is created.
 *
 * <p>Stateless; thread-safe.
 */
final class LegacyModelFile {

    private static final int MAGIC_0 = 0xAC;
    private static final int MAGIC_1 = 0xED;

    private LegacyModelFile() {
    }

    /** True when the file starts with Java serialisation's stream magic. */
    static boolean isJavaSerialised(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == MAGIC_0 && in.read() == MAGIC_1;
        }
    }

    /**
     * The model in the file.
     *
     * @throws ModelFile.Refused when the filter refuses the stream or it holds something other than a {@code type}
     */
    static <M> M read(Path file, Class<M> type) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            in.setObjectInputFilter(SerialFilter.forModel(type));
            Object o = in.readObject();
            if (!type.isInstance(o)) {
                throw new ModelFile.Refused("it holds no " + type.getSimpleName());
            }
            return type.cast(o);
        } catch (InvalidClassException e) {
            throw new ModelFile.Refused("it was saved by an earlier workbench in Java serialisation and holds something a model never does ("
                    + e.getMessage() + ")", e);
        } catch (ClassNotFoundException e) {
            throw new ModelFile.Refused("it was saved by an earlier workbench and names a class this version does not have ("
                    + e.getMessage() + ")", e);
        }
    }
}
