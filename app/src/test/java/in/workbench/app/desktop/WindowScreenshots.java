package in.workbench.app.desktop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** Saves a snapshot of a node as target/screenshots/NAME.png. */
final class WindowScreenshots {

    private WindowScreenshots() {
    }

    static void save(FxRobot robot, Node node, String name) throws Exception {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(node.snapshot(null, null)));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", dir.resolve(name + ".png").toFile());
    }
}
