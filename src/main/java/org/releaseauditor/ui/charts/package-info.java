/** Chart components (JFreeChart-fx) with one theme and PNG/SVG export. UI layer only. */
package org.releaseauditor.ui.charts;
