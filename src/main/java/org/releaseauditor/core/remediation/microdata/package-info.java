/**
 * Microdata remediation: generalisation hierarchies (ARX-style, built or read by the io adapter),
 * the lattice search with record suppression for the least information loss that passes a policy
 * ({@link org.releaseauditor.core.remediation.microdata.MicrodataRemediation}), ARX's loss
 * measures (METRICS.md §6), and applying a transformation to a copy of the dataset.
 * Pure Java; see the parent package.
 */
package org.releaseauditor.core.remediation.microdata;
