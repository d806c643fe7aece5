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
        write(xhtml, List.of(), out);
    }

    /**
     * Renders the XHTML to PDF and attaches {@code attachments} to the document as embedded CSV
     * files (shown in the attachments pane of PDF readers).
     */
    public static void write(String xhtml, List<ReportModel.Attachment> attachments, OutputStream out)
            throws IOException {
        if (attachments.isEmpty()) {
            render(xhtml, out);
            return;
        }
        java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
        render(xhtml, pdf);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toByteArray())) {
            java.util.Map<String, org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification> files =
                    new java.util.TreeMap<>();
            for (ReportModel.Attachment a : attachments) {
                byte[] bytes = a.csv().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile ef =
                        new org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile(doc,
                                new java.io.ByteArrayInputStream(bytes));
                ef.setSubtype("text/csv");
                ef.setSize(bytes.length);
                org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification fs =
                        new org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification();
                fs.setFile(a.fileName());
                fs.setFileUnicode(a.fileName());
                fs.setFileDescription(a.description());
                fs.setEmbeddedFile(ef);
                fs.setEmbeddedFileUnicode(ef);
                files.put(a.fileName(), fs);
            }
            org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode tree =
                    new org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode();
            tree.setNames(files);
            org.apache.pdfbox.pdmodel.PDDocumentNameDictionary names =
                    new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
            doc.save(out);
        }
    }

    private static void render(String xhtml, OutputStream out) throws IOException {
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
