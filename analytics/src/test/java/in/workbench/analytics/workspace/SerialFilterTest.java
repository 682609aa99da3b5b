package in.workbench.analytics.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process-wide backstop admits plain values and known classes, and nothing else. */
class SerialFilterTest {

    static Object readThroughBackstop(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(SerialFilter.backstop());
            return in.readObject();
        }
    }

    static byte[] serialised(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    @Test
    void admitsPlainCollectionsOfValues() throws Exception {
        Map<String, List<Double>> m = new HashMap<>(Map.of("weights", List.of(1.0, 2.0)));
        assertEquals(m, readThroughBackstop(serialised(m)));
    }

    @Test
    void rejectsAClassThatIsNeitherTheProjectsNorTribuosNorAPlainValue() {
        assertThrows(InvalidClassException.class, () -> readThroughBackstop(serialised(new URL("http://example.invalid/"))));
    }

    @Test
    void rejectsANestOfSetsQuicklyByItsDepth(@TempDir Path dir) throws Exception {
        PreviousRelease.billionLaughs(dir.resolve("laughs.ser"), 100);
        byte[] bytes = Files.readAllBytes(dir.resolve("laughs.ser"));
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThrows(InvalidClassException.class, () -> readThroughBackstop(bytes)));
    }

    @Test
    void installsItselfAsTheProcessWideFilterOnce() {
        SerialFilter.installProcessWide();
        SerialFilter.installProcessWide();
        assertEquals(SerialFilter.backstop(), java.io.ObjectInputFilter.Config.getSerialFilter());
    }
}
