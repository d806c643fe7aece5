/** The microdata dashboard and the attacker model panel. UI layer only. */
package org.releaseauditor.ui.risk;
