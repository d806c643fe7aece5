/**
 * The microdata lane: requests, the analysis service and the case lane for record-level data.
 * Uses core and the adapters (io, audit, report); must not import javafx, cli or ui.
 */
package org.releaseauditor.service.microdata;
