/**
 * The picocli command line: thin commands over {@code service}. May print to stdout/stderr.
 * Must not import JavaFX or {@code ui}.
 */
package org.releaseauditor.cli;
