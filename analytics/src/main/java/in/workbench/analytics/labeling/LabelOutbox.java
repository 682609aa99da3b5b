package in.workbench.analytics.labeling;

import com.fasterxml.jackson.databind.ObjectMapper;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The labels an analyst made on a team workspace, kept in a small local file until the server has
 * them: every decision is written here first (and flushed to disk), then sent; when the connection
 * is lost the decisions stay here and are sent, in order, when it returns. Each carries a receipt
 * id, so one that reached the server just before the connection dropped is not saved twice.
 *
 * <p>Thread-safe: calls are serialised on the outbox.
 */
public final class LabelOutbox {

    /** One decision waiting for the server. */
    public record Pending(String receiptId, List<String> addressIds, String label, String segments, String analyst) {
    }

    /** What sending does: save one decision once (the label store's {@link LabelStore#decideOnce}). */
    @FunctionalInterface
    public interface Sender {
        Optional<LabelStore.Decision> send(Pending pending);
    }

    /** What {@link #decide} did: sent at once, or kept for later because the server could not be reached. */
    public record Outcome(boolean sent, int waiting) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Sender sender;

    public LabelOutbox(Path file, Sender sender) {
        this.file = file;
        this.sender = sender;
    }

    /** An outbox sending to {@code store}. */
    public static LabelOutbox of(Path file, LabelStore store) {
        return new LabelOutbox(file, p -> store.decideOnce(p.receiptId(), p.addressIds(), p.label(), p.segments(), p.analyst()));
    }

    /** Keeps the decision locally, then sends everything waiting; never loses it when the connection is gone. */
    public synchronized Outcome decide(List<String> addressIds, String label, String segments, String analyst) {
        return send(new Pending(UUID.randomUUID().toString(), List.copyOf(addressIds), label, segments, analyst));
    }

    /**
     * As {@link #decide}, for a decision whose receipt id the caller chose (the Labeling screen
     * keeps it to undo the decision later, wherever it is by then).
     */
    public synchronized Outcome send(Pending p) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JSON.writeValueAsString(p) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not keep the label on this machine (" + file + "): " + e.getMessage(), e);
        }
        int left = flush();
        return new Outcome(left == 0, left);
    }

    /** Sends the waiting decisions in order; stops at the first lost connection. Returns how many still wait. */
    public synchronized int flush() {
        List<Pending> waiting = waiting();
        int sent = 0;
        for (Pending p : waiting) {
            try {
                sender.send(p);
                sent++;
            } catch (WorkbenchException e) {
                if (!LabelStore.connectionLost(e)) {
                    rewrite(waiting.subList(sent, waiting.size()));
                    throw e;
                }
                break;
            }
        }
        rewrite(waiting.subList(sent, waiting.size()));
        return waiting.size() - sent;
    }

    /**
     * Takes a decision back while it still waits here (undo before the server had it).
     *
     * @return true when it was waiting and is now gone; false when it was sent already (or never kept)
     */
    public synchronized boolean withdraw(String receiptId) {
        List<Pending> waiting = waiting();
        List<Pending> left = waiting.stream().filter(p -> !p.receiptId().equals(receiptId)).toList();
        if (left.size() == waiting.size()) {
            return false;
        }
        rewrite(left);
        return true;
    }

    /** The decisions waiting for the server, oldest first. */
    public synchronized List<Pending> waiting() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Pending> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(JSON.readValue(line, Pending.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the labels kept on this machine in " + file, e);
        }
        return out;
    }

    private void rewrite(List<Pending> left) {
        try {
            if (left.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            StringBuilder text = new StringBuilder();
            for (Pending p : left) {
                text.append(JSON.writeValueAsString(p)).append('\n');
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.SYNC);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not update the labels kept on this machine in " + file, e);
        }
    }
}
