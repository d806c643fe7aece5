package org.releaseauditor.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Column codes take one byte a row up to 254 distinct values (codes + 2 in 0..255, the 2 being
 * MISSING and SUPPRESSED), two bytes up to 65,534 and four beyond. At each boundary, and with
 * missing and suppressed cells mixed in, every way of reading the codes returns what was written:
 * {@link ColumnCodes#of} from an int array, {@link ColumnCodesBuilder} widening as larger codes
 * arrive, single-row and block reads, and the int array copy.
 */
class ColumnCodesWidthTest {

    @ParameterizedTest(name = "cardinality {0} -> {1} byte(s) a row")
    @CsvSource({
        "1, 1", "127, 1", "128, 1", "253, 1", "254, 1",
        "255, 2", "32767, 2", "32768, 2", "65533, 2", "65534, 2",
        "65535, 4", "70000, 4",
    })
    void widthFollowsCardinalityAndEveryCodeReadsBack(int cardinality, int width) {
        int rows = Math.max(3 * cardinality, 1000);
        int[] codes = codes(rows, cardinality, 7);
        ColumnCodes c = ColumnCodes.of(codes.clone(), rows, cardinality);
        assertEquals(width, c.width());
        assertEquals(16L + (long) width * rows, c.heapBytes());
        check(codes, c);

        // the builder starts with bytes and widens when a code needs it; the largest code comes last
        ColumnCodesBuilder b = new ColumnCodesBuilder(16);
        for (int code : codes) {
            b.add(code);
        }
        ColumnCodes built = b.build();
        assertEquals(width, built.width());
        check(codes, built);
        assertEquals(c, built);
    }

    private static void check(int[] codes, ColumnCodes c) {
        int rows = codes.length;
        assertEquals(rows, c.size());
        assertArrayEquals(codes, c.toIntArray());
        int[] block = new int[rows];
        c.shifted(0, rows, block, 0);
        for (int r = 0; r < rows; r++) {
            assertEquals(codes[r], c.get(r), "row " + r);
            assertEquals(codes[r] + 2, c.shifted(r), "row " + r);
            assertEquals(codes[r] + 2, block[r], "row " + r);
        }
        // a block from the middle, into an offset
        int[] part = new int[rows];
        c.shifted(rows / 3, rows / 2, part, 5);
        for (int r = rows / 3; r < rows / 2; r++) {
            assertEquals(codes[r] + 2, part[5 + r - rows / 3]);
        }
    }

    /**
     * Random codes with every value of [0, cardinality) present, about 5 % MISSING and 5 %
     * SUPPRESSED, and the largest code in the last row.
     */
    private static int[] codes(int rows, int cardinality, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] codes = new int[rows];
        for (int r = 0; r < rows; r++) {
            int p = rnd.nextInt(100);
            codes[r] = p < 5 ? Column.MISSING : p < 10 ? Column.SUPPRESSED
                    : r < cardinality ? r : rnd.nextInt(cardinality);
        }
        for (int v = 0; v < cardinality && v < rows; v++) {
            codes[v] = v; // every value occurs
        }
        codes[rows - 1] = cardinality - 1;
        return codes;
    }
}
