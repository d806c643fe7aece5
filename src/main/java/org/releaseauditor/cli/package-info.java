/**
 * The picocli command line: thin commands over {@code service}. Each lane has one option class
 * ({@code MicrodataOptions}, {@code TrajectoriesOptions}, {@code AggregatesOptions}) shared by
 * {@code analyze <lane>} and {@code case run --lane <lane>}; its options go one-to-one to the
 * lane's request builder, and this package parses no option text and holds no lane default
 * itself. Analyses run only through {@code service.Lane}. May print to stdout/stderr. Must not
 * import JavaFX or {@code ui}.
 */
package org.releaseauditor.cli;
