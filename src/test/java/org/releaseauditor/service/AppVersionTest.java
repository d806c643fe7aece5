package org.releaseauditor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The version the app reports is the project version, with nothing cut or added (issue 14). */
class AppVersionTest {

    @Test
    void versionIsThePomVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        // the project's own <version>, the first one after </parent>-less coordinates
        Matcher m = Pattern.compile("<artifactId>release-auditor</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertTrue(m.find(), "project version in pom.xml");
        assertEquals(m.group(1), AppVersion.get());
    }

    @Test
    void releaseVersionIsNumericSoThePackageCarriesTheSameVersion() {
        // jpackage accepts only x.y.z; installer/build-installer.sh refuses anything else
        assertTrue(AppVersion.get().matches("\\d+\\.\\d+\\.\\d+"), AppVersion.get());
    }
}
