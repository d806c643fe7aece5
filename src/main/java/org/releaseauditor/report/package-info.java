/** Report model and writers (JSON, HTML, PDF; charts rendered headless with AWT). No JavaFX. */
package org.releaseauditor.report;
