/**
 * What-if remediation use cases for the three lanes (issue 17): a typed request per lane (its
 * builder holds every remediation default), validation against the files before any work, the
 * search, the remediated copy with its SHA-256, the re-audit of the copy through the normal lane
 * and the active policy, the result JSON ({@code src/docs/schema/remediation-v1.md}) and the
 * recording of both runs and the condition into a case. Sessions for the GUI's <i>What if</i>
 * panels ({@link org.releaseauditor.service.remediation.MicrodataWhatIf},
 * {@link org.releaseauditor.service.remediation.TrajectoryWhatIf},
 * {@link org.releaseauditor.service.remediation.AggregateWhatIf}) evaluate single transformations
 * for sliders. Uses core, io and the other service packages; must not import javafx, cli or ui.
 */
package org.releaseauditor.service.remediation;
