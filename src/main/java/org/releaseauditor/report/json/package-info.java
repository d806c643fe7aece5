/** The versioned result JSON (schemaVersion 1) and text summaries of the analysis lanes. */
package org.releaseauditor.report.json;
