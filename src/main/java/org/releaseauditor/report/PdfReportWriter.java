package org.releaseauditor.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Renders the report's XHTML to PDF with OpenHTMLtoPDF (fonts: DejaVu when installed). */
public final class PdfReportWriter {

    private static final List<String> FONT_DIRS = List.of("/usr/share/fonts/truetype/dejavu",
            "/usr/share/fonts/dejavu", "/Library/Fonts", "C:/Windows/Fonts");

    private PdfReportWriter() {
    }

    public static void write(String xhtml, OutputStream out) throws IOException {
        // OpenHTMLtoPDF logs through java.util.logging by default; keep the console quiet
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        for (String dir : FONT_DIRS) {
            File sans = new File(dir, "DejaVuSans.ttf");
            if (sans.isFile()) {
                b.useFont(sans, "DejaVu Sans");
                File bold = new File(dir, "DejaVuSans-Bold.ttf");
                if (bold.isFile()) {
                    b.useFont(bold, "DejaVu Sans", 700, com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder
                            .FontStyle.NORMAL, true);
                }
                File mono = new File(dir, "DejaVuSansMono.ttf");
                if (mono.isFile()) {
                    b.useFont(mono, "DejaVu Sans Mono");
                }
                break;
            }
        }
        b.withHtmlContent(xhtml, null);
        b.toStream(out);
        b.run();
    }
}
