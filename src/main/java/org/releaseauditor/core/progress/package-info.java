/**
 * Progress reporting and cancellation for long computations. Pure Java; knows no UI toolkit.
 * Must not import anything outside java.base.
 */
package org.releaseauditor.core.progress;
