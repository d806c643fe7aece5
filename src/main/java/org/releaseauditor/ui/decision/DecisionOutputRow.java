package org.releaseauditor.ui.decision;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.releaseauditor.core.verdict.ReleaseResult;

/**
 * One row of the decision form's per-output table: an output (a dataset the decided runs
 * analysed), its verdict over those runs, and the decider's choice and comment. A new row rejects
 * until the decider approves it: nothing leaves by default.
 */
public final class DecisionOutputRow {
    private final long datasetId;
    private final String name;
    private final String sha256;
    private final ReleaseResult verdict;
    private final BooleanProperty approve = new SimpleBooleanProperty(false);
    private final StringProperty comment = new SimpleStringProperty("");

    public DecisionOutputRow(long datasetId, String name, String sha256, ReleaseResult verdict) {
        this.datasetId = datasetId;
        this.name = name;
        this.sha256 = sha256;
        this.verdict = verdict;
    }

    public long datasetId() {
        return datasetId;
    }

    public String name() {
        return name;
    }

    public String sha256() {
        return sha256;
    }

    /** The first 12 hexadecimal digits, as the case file's other short hashes. */
    public String shortSha() {
        return CaseViewModel.shortHash(sha256);
    }

    public ReleaseResult verdict() {
        return verdict;
    }

    /** True to approve this output, false to reject it. */
    public BooleanProperty approveProperty() {
        return approve;
    }

    public StringProperty commentProperty() {
        return comment;
    }
}
