package in.workbench.views;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The screenshots the FX tests leave under {@code target/screenshots} for anyone to look at
 * (STYLE.md rule 14): one PNG a key screen, taken once pending JavaFX events have run.
 * Shared by the views and app tests (the views test jar).
 */
public final class Screenshots {

    private Screenshots() {
    }

    /** Writes {@code node} as {@code target/screenshots/NAME.png}; returns the file. */
    public static Path write(FxRobot robot, Node node, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(node.snapshot(null, null)));
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        Path file = out.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", file.toFile());
        return file;
    }
}
