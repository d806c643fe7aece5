/**
 * The data model shared by all lanes: dictionary-encoded columns and datasets, attribute roles.
 * Pure Java (java.base only). No JavaFX, AWT, SQL or picocli.
 */
package org.releaseauditor.core.model;
