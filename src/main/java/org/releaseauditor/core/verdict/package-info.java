/**
 * The verdict: a policy applied to a result once, with every finding as PASS, WARN or FAIL (its
 * number, threshold, operator and one plain sentence), the state of every metric (judged or
 * "not judged by this policy"), the overall release result and the result per output. Every
 * front end (GUI cards and charts, report, CLI text) takes colours and labels from here and
 * compares no value with a threshold itself (ADR 0012, src/docs/verdict.md). Pure Java (java.base, core.policy,
 * core.catalogue, core.i18n); must not import Jackson, SQL, AWT or JavaFX.
 */
package org.releaseauditor.core.verdict;
