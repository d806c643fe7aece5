/**
 * Linear-programming adapter: implements the core {@code IntervalSolver} port with ojAlgo. Depends
 * on core and ojAlgo only; no JavaFX, service, cli or ui.
 */
package org.releaseauditor.io.lp;
