package org.releaseauditor.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.i18n.Messages;

/** Reads the first bytes of an input file, turning file-system problems into clear errors. */
final class FileHead {

    private FileHead() {
    }

    /**
     * Up to {@code max} bytes from the start of {@code file} (fewer when the file is shorter).
     *
     * @throws DatasetFormatException when the path is a directory, does not exist or cannot be read
     */
    static byte[] read(Path file, int max) throws DatasetFormatException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new DatasetFormatException(name, 0, 0, "io.error.directory", name);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[max];
            int len = 0;
            while (len < max) {
                int r = in.read(buf, len, max - len);
                if (r < 0) {
                    break;
                }
                len += r;
            }
            return len == max ? buf : Arrays.copyOf(buf, len);
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(e, name, 0, 0, "io.error.notFound", name);
        } catch (AccessDeniedException e) {
            throw new DatasetFormatException(e, name, 0, 0, "io.error.unreadable", name,
                    Messages.get("io.error.reason.denied"));
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    static DatasetFormatException unreadable(String name, IOException e) {
        return new DatasetFormatException(e, name, 0, 0, "io.error.unreadable", name,
                e.getClass().getSimpleName() + ": " + e.getMessage());
    }
}
