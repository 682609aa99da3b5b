package in.workbench.analytics.imports;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A CSV file opened for import, by the canonical imports and the model lab's generic tables
 * alike: its bytes counted as they are read (for progress) and its SHA-256 taken on the way (kept
 * with the import run), and one plain sentence for a file that is missing, a folder or unreadable.
 *
 * <p>Read by one thread; {@link #bytesRead()} may be polled from another.
 */
public final class ImportedFile extends FilterInputStream {

    private final MessageDigest sha256;
    private volatile long count;

    private ImportedFile(InputStream in, MessageDigest sha256) {
        super(new DigestInputStream(in, sha256));
        this.sha256 = sha256;
    }

    /** Opens a file for import; the caller closes it. */
    public static ImportedFile open(Path file) throws IOException {
        try {
            return new ImportedFile(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The bytes read so far. */
    public long bytesRead() {
        return count;
    }

    /** The SHA-256 of the bytes read, in hex; call once, after reading to the end. */
    public String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * The size of a file about to be imported.
     *
     * @throws WorkbenchException INPUT_UNUSABLE when it is missing, a folder or unreadable
     */
    public static long sizeOf(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, file + " is a folder, not a CSV file.");
            }
            return Files.size(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** The plain sentence for a file that could not be read: missing, or unreadable and why. */
    public static WorkbenchException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException || !Files.exists(file)) {
            return new WorkbenchException(Kind.INPUT_UNUSABLE, "The file " + file + " does not exist.", e);
        }
        return new WorkbenchException(Kind.INPUT_UNUSABLE, "The file " + file + " cannot be read: " + e.getMessage(), e);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count += n;
        }
        return n;
    }
}
