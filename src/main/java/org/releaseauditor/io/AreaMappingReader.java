package org.releaseauditor.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.releaseauditor.core.error.DatasetFormatException;

/**
 * Reads a location → area mapping (UTF-8, two fields per line separated by comma, semicolon or
 * tab; an optional header line whose first field is {@code location}, {@code cell} or {@code id}
 * is skipped; blank lines are ignored).
 */
public final class AreaMappingReader {

    private AreaMappingReader() {
    }

    public static Map<String, String> read(Path file) throws DatasetFormatException {
        Map<String, String> map = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (no == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("[,;\t]", -1);
                if (f.length != 2 || f[0].isBlank() || f[1].isBlank()) {
                    throw new DatasetFormatException(file.toString(), no, 0, "trajectory.error.mappingFormat",
                            file.toString(), no);
                }
                String key = f[0].trim();
                if (no == 1 && (key.equalsIgnoreCase("location") || key.equalsIgnoreCase("cell")
                        || key.equalsIgnoreCase("id"))) {
                    continue;
                }
                map.put(key, f[1].trim());
            }
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(e, file.toString(), 0, 0, "io.error.notFound", file.toString());
        } catch (IOException e) {
            throw new DatasetFormatException(e, file.toString(), 0, 0, "io.error.unreadable", file.toString(),
                    String.valueOf(e.getMessage()));
        }
        return map;
    }
}
