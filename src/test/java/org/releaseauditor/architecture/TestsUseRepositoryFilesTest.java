package org.releaseauditor.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tests must not depend on where one machine keeps a file (issue 14): every data file a test reads
 * comes from the repository (sample-datasets/, src/test/resources/) or is generated into a temporary
 * folder, so the suite runs, and skips nothing, on a clean clone anywhere.
 */
class TestsUseRepositoryFilesTest {

    /** Absolute paths of this workplace, the shared folder beside the checkout, or a user's home. */
    private static final Pattern OUTSIDE = Pattern.compile("\"(/work/|/home/|/root/|\\.\\./shared|~/)[^\"]*\"");

    @Test
    void noTestReadsAFileFromOutsideTheRepository() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (OUTSIDE.matcher(lines.get(i)).find() && !f.endsWith("TestsUseRepositoryFilesTest.java")) {
                        offenders.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), offenders, "tests must use the repository's own files");
    }
}
