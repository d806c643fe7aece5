/**
 * In-app help (issue 13 part 6): the catalogue key every measure-showing node carries
 * ({@link org.releaseauditor.ui.help.MetricHelp}), the F1 help pane, and the guided tour of the
 * first start.
 */
package org.releaseauditor.ui.help;
