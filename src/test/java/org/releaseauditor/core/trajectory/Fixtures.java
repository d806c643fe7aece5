package org.releaseauditor.core.trajectory;

import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnBuilder;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

/** Builds small datasets and event tables for the trajectory tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** A dataset from a header and rows of strings (empty string = missing). */
    static Dataset dataset(String[] header, String[]... rows) {
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            ColumnBuilder b = new ColumnBuilder(header[c]);
            for (String[] r : rows) {
                if (r[c].isEmpty()) {
                    b.addMissing();
                } else {
                    b.add(r[c]);
                }
            }
            cols.add(b.build(ColumnType.CATEGORICAL));
        }
        return new Dataset("test.csv", cols);
    }

    /** Events (user, ISO time, location id). */
    static EventTable events(String[]... rows) throws AuditException {
        Dataset ds = dataset(new String[] {"uid", "time", "loc"}, rows);
        return EventImport.fromDataset(ds, new EventColumns("uid", "time", "loc", null, null, null, null, null),
                "test.csv", ProgressMonitor.none());
    }

    /**
     * scikit-mobility's 7-user privacy toy data. Users 1-6 are the records of
     * skmob/privacy/tests/test_privacy.py (A = 43.8430139,10.5079940; B = 43.5442700,10.3261500;
     * C = 43.7085300,10.4036000; D = 43.7792500,11.2462600); they agree with the force_instances
     * listings of users 1 and 2 in the attack docstrings. User 7 is not listed anywhere; it is
     * reconstructed from the docstring risks: its location multiset must contain A at least twice and
     * D, no B and no C (location k=2 and k=3, unique-location), and D must follow both A visits
     * (location-sequence: user 5's (D, A) is unique). A, A, D on 2011-02-05 satisfies all of them.
     */
    static EventTable toy() throws AuditException {
        return events(
                r("1", "2011-02-03 08:34:04", "A"), r("1", "2011-02-03 09:34:04", "B"),
                r("1", "2011-02-03 10:34:04", "C"), r("1", "2011-02-04 10:34:04", "D"),
                r("2", "2011-02-03 08:34:04", "A"), r("2", "2011-02-03 09:34:04", "C"),
                r("2", "2011-02-04 10:34:04", "A"), r("2", "2011-02-04 11:34:04", "B"),
                r("3", "2011-02-03 08:34:04", "B"), r("3", "2011-02-03 09:34:04", "C"),
                r("3", "2011-02-04 10:34:04", "A"), r("3", "2011-02-04 11:34:04", "D"),
                r("4", "2011-02-04 10:34:04", "C"), r("4", "2011-02-04 11:34:04", "B"),
                r("4", "2011-02-04 12:34:04", "D"),
                r("5", "2011-02-04 10:34:04", "C"), r("5", "2011-02-04 11:34:04", "D"),
                r("5", "2011-02-05 12:34:04", "A"),
                r("6", "2011-02-04 10:34:04", "A"), r("6", "2011-02-04 11:34:04", "B"),
                r("7", "2011-02-05 08:34:04", "A"), r("7", "2011-02-05 09:34:04", "A"),
                r("7", "2011-02-05 10:34:04", "D"));
    }

    static String[] r(String... v) {
        return v;
    }

    static TraceSet traces(EventTable t, String temporal) throws AuditException {
        return TraceSet.build(t, new SpatialResolution.Identity(), TemporalResolution.parse(temporal),
                ProgressMonitor.none());
    }

    /** Risks of users in pseudonym order "1".."n" (the table's user ids follow first appearance). */
    static double[] risksByName(EventTable t, AttackResult r) {
        double[] out = new double[t.userCount()];
        for (int u = 0; u < t.userCount(); u++) {
            out[Integer.parseInt(t.userName(u)) - 1] = r.risk(u);
        }
        return out;
    }
}
