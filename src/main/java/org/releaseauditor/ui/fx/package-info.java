/** JavaFX infrastructure: the compute executor, task adapters, dialog service, preferences. */
package org.releaseauditor.ui.fx;
