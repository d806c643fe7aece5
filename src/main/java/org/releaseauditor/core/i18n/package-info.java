/** Localised user text (English, German) from resource bundles. java.base only. */
package org.releaseauditor.core.i18n;
