/**
 * The evaluation lane: its request (every default of the lane, in the builder; canonical JSON) and
 * the lane (validation of the original, release and control set against their headers before any
 * work, results bound to the bytes read) over the attacks of {@code core.evaluation}.
 * Uses core and the adapters (io, report); must not import javafx, cli or ui.
 */
package org.releaseauditor.service.evaluation;
