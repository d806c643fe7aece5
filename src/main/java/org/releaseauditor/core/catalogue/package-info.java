/**
 * The metric catalogue: for every key of every lane's result JSON, a label, one plain sentence,
 * how to read it, its reference and when it does not apply, in English and German. The GUI
 * tooltips and help, the report and the CLI text output all read it. Pure Java (java.base and
 * core.i18n); must not import Jackson, SQL, AWT or JavaFX.
 */
package org.releaseauditor.core.catalogue;
