/**
 * The microdata lane: its request (every default of the lane, in the builder; canonical JSON), the lane
 * (validation against the inputs' headers before any work, results bound to the bytes read) and the
 * analysis behind it, for record-level data.
 * Uses core and the adapters (io, audit, report); must not import javafx, cli or ui.
 */
package org.releaseauditor.service.microdata;
