package org.releaseauditor.ui.risk;

/** Placeholder until the core exposes ARX's applied-threshold rule. */
final class ThresholdDisplay {
    private ThresholdDisplay() {
    }

    static int minimumClassSize(double t) {
        int s = (int) Math.floor(1.0 / t);
        if (1.0 / s - t >= 0.01 * t) {
            s++;
        }
        return s;
    }
}
