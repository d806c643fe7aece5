/** Small primitive collections and numeric helpers for the core. java.base only. */
package org.releaseauditor.core.util;
