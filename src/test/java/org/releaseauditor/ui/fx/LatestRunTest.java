package org.releaseauditor.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Latest wins, and the state says whether the shown result is the current one; without the toolkit. */
class LatestRunTest {
    private final LatestRun<String> run = new LatestRun<>();

    @Test
    void aCompletedRunIsCurrentAndRecordable() {
        assertEquals(ResultState.NONE, run.stateProperty().get());
        long t = run.start();
        assertEquals(ResultState.COMPUTING, run.stateProperty().get());
        assertNull(run.currentResult());
        assertTrue(run.complete(t, "8 QIs"));
        assertEquals(ResultState.CURRENT, run.stateProperty().get());
        assertEquals("8 QIs", run.currentResult());
    }

    @Test
    void aCancelledRunLeavesThePreviousResultMarkedAsFromEarlierSettings() {
        run.complete(run.start(), "8 QIs");
        long t = run.start();
        assertEquals(ResultState.COMPUTING, run.stateProperty().get());
        assertEquals("8 QIs", run.resultProperty().get(), "still shown while recomputing");
        assertNull(run.currentResult(), "but not recordable");
        assertTrue(run.stopped(t));
        assertEquals(ResultState.OUTDATED, run.stateProperty().get());
        assertEquals("8 QIs", run.resultProperty().get());
        assertNull(run.currentResult(), "the 8-QI result is not the current one after the cancel");
        assertFalse(ResultState.OUTDATED.recordable());
    }

    @Test
    void aSupersededRunCanNeitherShowNorStopAnything() {
        long first = run.start();
        long second = run.start();
        assertFalse(run.complete(first, "old"), "the older run's late result is dropped");
        assertNull(run.resultProperty().get());
        assertFalse(run.stopped(first), "nor does its cancellation stop the newer run");
        assertFalse(run.partial(first));
        assertEquals(ResultState.COMPUTING, run.stateProperty().get());
        assertTrue(run.complete(second, "new"));
        assertEquals("new", run.currentResult());
    }

    @Test
    void aSettingsChangeMarksTheResultAtOnceAndSupersedesTheRunningOne() {
        run.complete(run.start(), "k=1");
        long running = run.start();
        run.invalidate();
        assertEquals(ResultState.OUTDATED, run.stateProperty().get());
        assertFalse(run.complete(running, "for the old settings"), "a run started before the change is dropped");
        assertEquals("k=1", run.resultProperty().get());
        assertNull(run.currentResult());
        // without any result, a change leaves nothing to mark
        LatestRun<String> empty = new LatestRun<>();
        empty.invalidate();
        assertEquals(ResultState.NONE, empty.stateProperty().get());
    }

    @Test
    void partialResultsAreNotRecordableAndAFailureAfterThemKeepsTheLastCompleteResult() {
        run.complete(run.start(), "complete");
        long t = run.start();
        assertTrue(run.partial(t));
        assertEquals(ResultState.PARTIAL, run.stateProperty().get());
        assertNull(run.currentResult());
        run.stopped(t);
        assertEquals(ResultState.OUTDATED, run.stateProperty().get());
        assertEquals("complete", run.resultProperty().get());
        run.clear();
        assertEquals(ResultState.NONE, run.stateProperty().get());
        assertNull(run.resultProperty().get());
    }

    @Test
    void onlyComputingAndOutdatedAreDimmedAndEveryStateButCurrentHasABadge() {
        assertTrue(ResultState.COMPUTING.marked());
        assertTrue(ResultState.OUTDATED.marked());
        assertFalse(ResultState.PARTIAL.marked());
        assertFalse(ResultState.CURRENT.marked());
        assertNull(ResultState.CURRENT.badgeKey());
        assertNull(ResultState.NONE.badgeKey());
        assertEquals("stale.outdated.explain", ResultState.OUTDATED.explainKey());
    }
}
