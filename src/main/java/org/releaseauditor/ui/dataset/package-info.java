/** The import wizard (preview, format overrides, role suggestions). UI layer only. */
package org.releaseauditor.ui.dataset;
