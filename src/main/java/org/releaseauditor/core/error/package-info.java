/**
 * The checked error hierarchy shown to users (message key + arguments, localised).
 * java.base only; no stack traces in user messages.
 */
package org.releaseauditor.core.error;
