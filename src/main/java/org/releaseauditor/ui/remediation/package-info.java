/**
 * The <i>What if</i> panels of the three dashboards (issue 17): sliders for the change, a live
 * before/after comparison whose "after" is the re-audit of a copy through the normal lane, the
 * search for the least change (progress and Cancel) and saving the remediated copy with its
 * SHA-256 (and recording it in the open case). One FXML, controller and view model per lane;
 * every computation goes through {@code service.remediation}.
 */
package org.releaseauditor.ui.remediation;
