package org.releaseauditor.report.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.releaseauditor.core.risk.MicrodataResult;

/** JSON and text of QI contribution, individual risk and SUDA (wired when they land). */
final class ExtrasJson {
    private ExtrasJson() {
    }

    static void write(ObjectNode root, MicrodataResult r) {
        // filled in with the QI-contribution, individual-risk and SUDA results
    }

    static void text(StringBuilder sb, MicrodataResult r) {
        // filled in with the QI-contribution, individual-risk and SUDA results
    }
}
