package org.releaseauditor.ui.aggregate;

import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** "Save as PNG" for grids and canvases: a snapshot of the node written with ImageIO. */
public final class NodePng {
    private NodePng() {
    }

    /** Writes a snapshot of {@code node} (FX thread). */
    public static void write(Node node, Path file) throws IOException {
        WritableImage img = node.snapshot(new SnapshotParameters(), null);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile())) {
            throw new IOException("No PNG writer");
        }
    }
}
