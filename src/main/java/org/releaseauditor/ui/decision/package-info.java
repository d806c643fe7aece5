/** The decision panel and the audit trail over the open case file. UI layer only. */
package org.releaseauditor.ui.decision;
