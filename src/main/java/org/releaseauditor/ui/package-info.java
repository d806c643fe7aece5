/** The JavaFX desktop app: the only package that may use JavaFX, ControlsFX and jfreechart-fx. */
package org.releaseauditor.ui;
