/**
 * Policy profiles: loading built-in and user policies and evaluating them against results.
 * Uses core and the adapters (io, audit, report); must not import javafx, cli or ui.
 */
package org.releaseauditor.service.policy;
