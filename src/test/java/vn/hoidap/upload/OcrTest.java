package vn.hoidap.upload;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tess4J itself reads a page on Debian bookworm (Leptonica 1.82), through the raw-pixel path that does not
 * load lept4j's Leptonica 1.84 binding; the tesseract command is only the fallback.
 */
class OcrTest {

    private static final UploadConfig CONFIG = new UploadConfig(30L << 20, null, 300, 40, List.of(), 0.9, 0);

    @Test
    void tess4jReadsAColourPageWithoutTheCommand() {
        Ocr ocr = new Ocr(CONFIG);
        assumeTrue(ocr.available(), "tesseract-ocr-vie is not installed (README, Tests)");
        BufferedImage page = new BufferedImage(1400, 160, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 44));
        g.drawString("Đơn vị chủ trì: Sở Thông tin và Truyền thông", 20, 100);
        g.dispose();
        String text = ocr.read(page);
        assertEquals("tess4j", ocr.engine(), "Tess4J read the page, not the command fallback");
        String folded = RegressionRunner.fold(text);
        assertTrue(folded.contains("chu tri") && folded.contains("truyen thong"), text);
    }

    @Test
    void greyPixelsAreOneBytePerPixel() {
        BufferedImage rgb = new BufferedImage(37, 11, BufferedImage.TYPE_INT_RGB);
        BufferedImage grey = Ocr.grey(rgb);
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, grey.getType());
        assertEquals(37 * 11, grey.getRaster().getDataBuffer().getSize());
    }
}
