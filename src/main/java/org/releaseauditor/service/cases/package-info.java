/**
 * Audit cases: the case service (datasets, runs recorded from lane results bound to their bytes, reruns,
 * findings, decisions, verification), reports and the demo case.
 * Uses core and the adapters (io, audit, report); must not import javafx, cli or ui.
 */
package org.releaseauditor.service.cases;
