package org.releaseauditor.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.generate.EvaluationSample.Part;
import org.releaseauditor.core.progress.ProgressMonitor;

class EvaluationSampleTest {

    private static String row(EvaluationSample s, Part p, int r) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < EvaluationSample.COLUMNS.size(); c++) {
            sb.append(s.value(p, c, r)).append(',');
        }
        return sb.toString();
    }

    @Test
    void theLeakIsExactlyTheRequestedNumberOfVerbatimCopies() throws Exception {
        EvaluationSample s = EvaluationSample.generate(new EvaluationSampleParameters(3000, 1000, 2000, 0.1, 100, 9)
                .validate(), ProgressMonitor.none());
        assertEquals(3000, s.rows(Part.ORIGINAL));
        assertEquals(1000, s.rows(Part.CONTROL));
        assertEquals(2000, s.rows(Part.RELEASE));
        assertEquals(200, s.copies());
        Set<String> original = new HashSet<>();
        for (int r = 0; r < 3000; r++) {
            original.add(row(s, Part.ORIGINAL, r));
        }
        int copied = 0;
        for (int r = 0; r < 2000; r++) {
            copied += original.contains(row(s, Part.RELEASE, r)) ? 1 : 0;
        }
        // the 200 copies, plus any synthetic record that happens to equal a real one across all ten
        // columns (four of them continuous): none with this seed
        assertEquals(200, copied);
        int inControl = 0;
        for (int r = 0; r < 1000; r++) {
            inControl += original.contains(row(s, Part.CONTROL, r)) ? 1 : 0;
        }
        assertEquals(0, inControl, "control records are other people");
    }

    @Test
    void sameSeedSameBytesAndPlausibleValues() throws Exception {
        EvaluationSampleParameters p = new EvaluationSampleParameters(500, 200, 500, 0.05, 36, 3).validate();
        EvaluationSample a = EvaluationSample.generate(p, ProgressMonitor.none());
        EvaluationSample b = EvaluationSample.generate(p, ProgressMonitor.none());
        for (Part part : Part.values()) {
            for (int r = 0; r < a.rows(part); r++) {
                assertEquals(row(a, part, r), row(b, part, r));
                int age = Integer.parseInt(a.value(part, EvaluationSample.AGE, r));
                assertTrue(age >= 18 && age <= 89, "age " + age);
                String spend = a.value(part, EvaluationSample.SPEND, r);
                assertTrue(spend.matches("\\d+\\.\\d\\d") && Double.parseDouble(spend) > 0, spend);
                assertTrue(a.value(part, EvaluationSample.DATA, r).matches("\\d+\\.\\d"));
                assertTrue(Integer.parseInt(a.value(part, EvaluationSample.TENURE, r)) >= 1);
            }
        }
    }

    @Test
    void rangesAreChecked() {
        assertThrows(ConfigurationException.class,
                () -> new EvaluationSampleParameters(5, 0, 10, 0.1, 100, 1).validate());
        assertThrows(ConfigurationException.class,
                () -> new EvaluationSampleParameters(100, 0, 10, 1.5, 100, 1).validate());
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new EvaluationSampleParameters(100, 0, 1000, 0.5, 100, 1).validate());
        assertEquals("generate.error.copies", e.messageKey());
    }
}
