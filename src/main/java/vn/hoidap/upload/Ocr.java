package vn.hoidap.upload;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import net.sourceforge.tess4j.Tesseract;
import net.sourceforge.tess4j.TesseractException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tesseract through Tess4J with Debian's Vietnamese data ({@code tesseract-ocr-vie}). The data folder is
 * found at run time: {@code hoidap.upload.tessdata}, {@code TESSDATA_PREFIX}, then Debian's and other
 * usual places; without it a scan is refused with 503 and a message saying what to install.
 *
 * <p>Pages go to Tesseract as raw 8-bit grey pixels ({@code TessBaseAPISetImage}), not as a Leptonica
 * {@code Pix}: Tess4J's {@code doOCR(BufferedImage)} converts through lept4j, whose {@code Leptonica1} binds
 * every function of Leptonica 1.84+ when the class loads ({@code Native.register}), and Debian bookworm's
 * {@code liblept.so.5} (1.82) lacks some ({@code returnErrorFloat1}), so the class never loads there. The raw
 * path needs libtesseract only, and gives Tesseract the same pixels (it binarises them itself). The
 * tesseract command stays as the fallback when the library itself cannot be loaded.
 */
@Singleton
class Ocr {

    private static final Logger LOG = LoggerFactory.getLogger(Ocr.class);
    static final String MISSING = "Máy chủ chưa cài bộ nhận dạng chữ tiếng Việt (Tesseract với gói tesseract-ocr-vie), "
            + "nên chưa đọc được bản quét hoặc ảnh. Xin gửi tệp PDF có lớp chữ, DOCX hoặc văn bản, hoặc báo quản trị hệ thống.";

    private final UploadConfig config;
    /** Which way the last page was read ("tess4j" or "command"), for the health of OCR and its test. */
    private volatile String engine;

    Ocr(UploadConfig config) {
        this.config = config;
    }

    Optional<Path> tessdata() {
        List<String> candidates = new ArrayList<>();
        if (config.tessdata() != null && !config.tessdata().isBlank()) {
            candidates.add(config.tessdata());
        }
        String env = System.getenv("TESSDATA_PREFIX");
        if (env != null && !env.isBlank()) {
            candidates.add(env);
            candidates.add(Path.of(env, "tessdata").toString());
        }
        candidates.addAll(List.of("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                "/usr/share/tessdata", "/usr/local/share/tessdata", "/opt/homebrew/share/tessdata"));
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isRegularFile(p.resolve("vie.traineddata"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    String engine() {
        return engine;
    }

    boolean available() {
        return tessdata().isPresent();
    }

    /** The text of one page image, Vietnamese; throws {@link UploadRejected} (503) when OCR is not installed. */
    String read(BufferedImage page) {
        Path data = tessdata().orElseThrow(() -> new UploadRejected(HttpStatus.SERVICE_UNAVAILABLE, MISSING));
        NativeNames.link();
        Tesseract t = new Tesseract();
        t.setDatapath(data.toString());
        t.setLanguage("vie");
        // one column of running text, as administrative documents are laid out
        t.setPageSegMode(3);
        t.setVariable("user_defined_dpi", String.valueOf(config.ocrDpi()));
        BufferedImage grey = grey(page);
        byte[] pixels = ((java.awt.image.DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocateDirect(pixels.length);
        buffer.put(pixels).flip();
        try {
            String text = t.doOCR(grey.getWidth(), grey.getHeight(), buffer, 8, null, null);
            engine = "tess4j";
            return text;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            // libtesseract missing or not loadable under its name: the same engine and data through the command
            LOG.warn("Tess4J unavailable ({}); using the tesseract command", e.toString());
            engine = "command";
            return command(page, data);
        } catch (TesseractException e) {
            LOG.warn("OCR failed: {}", e.toString());
            throw new UploadRejected(HttpStatus.SERVICE_UNAVAILABLE, MISSING);
        }
    }

    /** The page as 8-bit grey, one byte per pixel, rows without padding (what TessBaseAPISetImage reads). */
    static BufferedImage grey(BufferedImage page) {
        if (page.getType() == BufferedImage.TYPE_BYTE_GRAY && page.getRaster().getDataBuffer().getSize()
                == page.getWidth() * page.getHeight()) {
            return page;
        }
        BufferedImage g = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D gr = g.createGraphics();
        try {
            gr.setColor(java.awt.Color.WHITE); // a transparent page reads as white paper
            gr.fillRect(0, 0, page.getWidth(), page.getHeight());
            gr.drawImage(page, 0, 0, null);
        } finally {
            gr.dispose();
        }
        return g;
    }

    private String command(BufferedImage page, Path data) {
        Path png = null;
        try {
            png = Files.createTempFile("hoidap-ocr-", ".png");
            javax.imageio.ImageIO.write(page, "png", png.toFile());
            Process p = new ProcessBuilder("tesseract", png.toString(), "stdout", "-l", "vie", "--tessdata-dir",
                    data.toString(), "--psm", "3", "--dpi", String.valueOf(config.ocrDpi()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new UploadRejected(HttpStatus.SERVICE_UNAVAILABLE, MISSING);
            }
            return new String(out, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            LOG.warn("OCR failed: {}", e.toString());
            throw new UploadRejected(HttpStatus.SERVICE_UNAVAILABLE, MISSING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UploadRejected(HttpStatus.SERVICE_UNAVAILABLE, MISSING);
        } finally {
            if (png != null) {
                png.toFile().delete();
            }
        }
    }
}
