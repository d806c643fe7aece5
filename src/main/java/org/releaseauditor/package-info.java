/**
 * Release Auditor. Layers (enforced by ArchitectureTest): core (pure Java) ← io, audit, report
 * (adapters) ← service (use cases) ← cli, ui. Only ui touches JavaFX.
 */
package org.releaseauditor;
