/** The main window, the session's datasets and the lane tabs. UI layer only. */
package org.releaseauditor.ui.main;
