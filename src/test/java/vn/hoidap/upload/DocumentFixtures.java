package vn.hoidap.upload;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Files a test renders itself: a PDF with a Unicode font, a page "scan", an encrypted PDF, a zip bomb. */
final class DocumentFixtures {

    static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private DocumentFixtures() {
    }

    /** Debian's DejaVu (fonts-dejavu-core): skipped locally without it, a failure under CI=true. */
    static void requireFont() {
        if (!Files.isRegularFile(FONT)) {
            String msg = FONT + " is missing: install fonts-dejavu-core (README, Tests)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg);
            }
            assumeTrue(false, msg);
        }
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.replace('\t', ' ').stripTrailing();
            while (line.length() > width) {
                int cut = line.lastIndexOf(' ', width);
                cut = cut <= 0 ? width : cut;
                lines.add(line.substring(0, cut));
                line = line.substring(cut).strip();
            }
            lines.add(line);
        }
        return lines;
    }

    static byte[] pdf(String text) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(doc, FONT.toFile());
            List<String> lines = wrap(text, 95);
            int perPage = 60;
            for (int i = 0; i < lines.size(); i += perPage) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 9);
                    cs.setLeading(12.5f);
                    cs.newLineAtOffset(40, 800);
                    for (String line : lines.subList(i, Math.min(lines.size(), i + perPage))) {
                        cs.showText(line);
                        cs.newLine();
                    }
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] encryptedPdf(String text) throws IOException {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf(text)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("chu-so-huu", "mat-khau", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** One A4 page at 300 dpi with the lines drawn in DejaVu Sans, as a scanner would hand it over. */
    static byte[] scan(List<String> lines) throws Exception {
        BufferedImage img = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(Font.createFont(Font.TRUETYPE_FONT, FONT.toFile()).deriveFont(40f));
        int y = 200;
        for (String line : lines) {
            g.drawString(line, 180, y);
            y += 62;
        }
        g.dispose();
        return png(img);
    }

    static byte[] blankImage() throws IOException {
        BufferedImage img = new BufferedImage(1200, 1600, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.dispose();
        return png(img);
    }

    private static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** A "DOCX" whose document part inflates a thousandfold: what POI's ZipSecureFile is for. */
    static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                    + "wordprocessingml.document.main+xml\"/></Types>").getBytes());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** Syllables of {@code truth} found in order in {@code ocr} (longest common subsequence), over all. */
    static double syllableAccuracy(String truth, String ocr) {
        String[] a = syllables(truth);
        String[] b = syllables(ocr);
        int[] prev = new int[b.length + 1];
        for (String x : a) {
            int[] cur = new int[b.length + 1];
            for (int j = 1; j <= b.length; j++) {
                cur[j] = x.equals(b[j - 1]) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            prev = cur;
        }
        return a.length == 0 ? 1 : (double) prev[b.length] / a.length;
    }

    static String[] syllables(String s) {
        String t = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return t.isEmpty() ? new String[0] : t.split(" ");
    }

}
