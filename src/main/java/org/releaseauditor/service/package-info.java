/** Use cases shared by the GUI and the CLI. Must not import JavaFX, cli or ui. */
package org.releaseauditor.service;
