/**
 * Policy profiles: versioned rule sets that turn measured metrics into findings (pass, warn,
 * fail). Pure Java (java.base, slf4j, core.i18n); JSON parsing lives in {@code audit.PolicyJson}.
 * Must not import Jackson, SQL, AWT or JavaFX.
 */
package org.releaseauditor.core.policy;
