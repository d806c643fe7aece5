/**
 * Benchmarks of the lanes (the bench command): generated inputs, timings, memory.
 * Uses core and the adapters (io, audit, report); must not import javafx, cli or ui.
 */
package org.releaseauditor.service.bench;
