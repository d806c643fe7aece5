package org.releaseauditor.ui.risk;

import java.util.List;

/** One row of the riskiest-classes table; values are masked unless revealed. */
public record RiskiestRow(long size, double risk, List<String> values) {
}
