package vn.hoidap.upload;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Text from what an admin uploads: a PDF's text layer (PDFBox), a DOCX (POI XWPF, tables one cell per line),
 * UTF-8 text or Markdown, or — for a scanned PDF or a page image — OCR ({@link Ocr}), which is slow and so
 * is run off the request thread ({@link #ocr}). The kind is told by the bytes, never by the name alone: a
 * file named .pdf that is not one is refused. Every refusal is an {@link UploadRejected} in Vietnamese.
 */
@Singleton
class DocumentText {

    enum Kind { PDF, DOCX, TEXT, IMAGE }

    /** A PDF page with fewer letters than this in its text layer is taken for a scan. */
    private static final int SCAN_LETTERS_PER_PAGE = 40;

    /** What the file holds: its kind, the text read at once (null when it needs OCR), the pages to OCR. */
    record Received(Kind kind, String text, int pages) {
        boolean needsOcr() {
            return text == null;
        }
    }

    private final Ocr ocr;
    private final UploadConfig config;

    DocumentText(Ocr ocr, UploadConfig config) {
        this.ocr = ocr;
        this.config = config;
    }

    Received read(byte[] bytes, String fileName) {
        if (bytes == null || bytes.length == 0) {
            throw new UploadRejected(HttpStatus.BAD_REQUEST, "Tệp rỗng: không có nội dung nào để đọc.");
        }
        if (bytes.length > config.maxBytes()) {
            throw new UploadRejected(HttpStatus.REQUEST_ENTITY_TOO_LARGE, tooLarge());
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        Kind kind = kindOf(bytes);
        if (kind == null) {
            if (name.endsWith(".pdf") || name.endsWith(".docx") || name.matches(".*\\.(png|jpe?g|tiff?)$")) {
                throw new UploadRejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Tệp «" + fileName + "» không phải là "
                        + extension(name) + " hợp lệ (nội dung không đúng định dạng). Xin kiểm tra lại tệp.");
            }
            return new Received(Kind.TEXT, text(bytes), 1);
        }
        return switch (kind) {
            case PDF -> pdf(bytes);
            case DOCX -> new Received(Kind.DOCX, docx(bytes), 1);
            case IMAGE -> {
                requireOcr();
                image(bytes);
                yield new Received(Kind.IMAGE, null, 1);
            }
            case TEXT -> new Received(Kind.TEXT, text(bytes), 1);
        };
    }

    String tooLarge() {
        return "Tệp quá lớn: tối đa " + config.maxBytes() / (1024 * 1024) + " MB.";
    }

    private static String extension(String name) {
        if (name.endsWith(".pdf")) {
            return "PDF";
        }
        return name.endsWith(".docx") ? "DOCX" : "ảnh";
    }

    static Kind kindOf(byte[] b) {
        if (starts(b, "%PDF-")) {
            return Kind.PDF;
        }
        if (b.length > 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            return Kind.DOCX;
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                || b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8
                || starts(b, "II*\0") || starts(b, "MM\0*")) {
            return Kind.IMAGE;
        }
        return null;
    }

    private static boolean starts(byte[] b, String magic) {
        if (b.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (b[i] != (byte) magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void requireOcr() {
        if (!ocr.available()) {
            throw new UploadRejected(HttpStatus.SERVICE_UNAVAILABLE, Ocr.MISSING);
        }
    }

    private Received pdf(byte[] bytes) {
        try (PDDocument doc = open(bytes)) {
            int pages = doc.getNumberOfPages();
            if (pages == 0) {
                throw new UploadRejected(HttpStatus.UNPROCESSABLE_ENTITY, "Tệp PDF không có trang nào.");
            }
            if (pages > config.maxPages()) {
                throw new UploadRejected(HttpStatus.UNPROCESSABLE_ENTITY, "Tệp PDF có " + pages + " trang; tối đa "
                        + config.maxPages() + " trang cho một kế hoạch.");
            }
            String text = new PDFTextStripper().getText(doc);
            long letters = text.codePoints().filter(Character::isLetter).count();
            if (letters >= (long) SCAN_LETTERS_PER_PAGE * pages) {
                return new Received(Kind.PDF, text, pages);
            }
            requireOcr();
            return new Received(Kind.PDF, null, pages);
        } catch (IOException e) {
            throw new UploadRejected(HttpStatus.UNPROCESSABLE_ENTITY, "Không đọc được tệp PDF: tệp bị hỏng hoặc không đúng định dạng.");
        }
    }

    private static PDDocument open(byte[] bytes) {
        try {
            PDDocument doc = Loader.loadPDF(bytes);
            if (doc.isEncrypted()) {
                doc.close();
                throw encrypted();
            }
            return doc;
        } catch (InvalidPasswordException e) {
            throw encrypted();
        } catch (IOException e) {
            throw new UploadRejected(HttpStatus.UNPROCESSABLE_ENTITY, "Không đọc được tệp PDF: tệp bị hỏng hoặc không đúng định dạng.");
        }
    }

    private static UploadRejected encrypted() {
        return new UploadRejected(HttpStatus.UNPROCESSABLE_ENTITY,
                "Tệp PDF được đặt mật khẩu hoặc mã hóa, nên không đọc được nội dung. Xin gửi bản không đặt mật khẩu.");
    }

    private static String docx(byte[] bytes) {
        // POI's guards against zip bombs: an entry inflating more than 100× its compressed size, or over 100 MB
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            StringBuilder sb = new StringBuilder();
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    sb.append(p.getText()).append('\n');
                } else if (e instanceof XWPFTable t) {
                    for (XWPFTableRow row : t.getRows()) {
                        for (XWPFTableCell cell : row.getTableCells()) {
                            sb.append(cell.getText().replace('\n', ' ')).append('\n');
                        }
                        sb.append('\n');
                    }
                }
            }
            String text = sb.toString();
            if (text.isBlank()) {
                throw new UploadRejected(HttpStatus.UNPROCESSABLE_ENTITY, "Tệp DOCX không có chữ nào để đọc.");
            }
            return text;
        } catch (IOException | RuntimeException e) {
            if (e instanceof UploadRejected r) {
                throw r;
            }
            String why = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (why.contains("zip bomb") || why.contains("inflate") || why.contains("max entry size")) {
                throw new UploadRejected(HttpStatus.UNPROCESSABLE_ENTITY,
                        "Tệp DOCX bị từ chối: nội dung nén bất thường (có thể là «bom nén»), không an toàn để mở.");
            }
            throw new UploadRejected(HttpStatus.UNPROCESSABLE_ENTITY, "Không đọc được tệp DOCX: tệp bị hỏng hoặc không đúng định dạng.");
        }
    }

    private static String text(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') >= 0) {
                throw notText();
            }
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                throw new UploadRejected(HttpStatus.BAD_REQUEST, "Tệp rỗng: không có nội dung nào để đọc.");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw notText();
        }
    }

    private static UploadRejected notText() {
        return new UploadRejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Không nhận ra loại tệp: chỉ nhận PDF, DOCX, ảnh "
                + "(PNG, JPEG, TIFF) hoặc văn bản UTF-8 (.txt, .md).");
    }

    private static BufferedImage image(byte[] bytes) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null) {
                throw new IOException("unreadable");
            }
            if ((long) img.getWidth() * img.getHeight() > 100_000_000L) {
                throw new UploadRejected(HttpStatus.UNPROCESSABLE_ENTITY, "Ảnh quá lớn để nhận dạng chữ.");
            }
            return img;
        } catch (IOException e) {
            throw new UploadRejected(HttpStatus.UNPROCESSABLE_ENTITY, "Không đọc được ảnh: tệp bị hỏng hoặc không đúng định dạng.");
        }
    }

    /** OCR of a scanned PDF or an image, page by page; {@code progress} gets the share done (0–100). */
    String ocr(byte[] bytes, Kind kind, IntConsumer progress) {
        if (kind == Kind.IMAGE) {
            String text = ocr.read(image(bytes));
            progress.accept(100);
            return text;
        }
        try (PDDocument doc = open(bytes)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            int pages = doc.getNumberOfPages();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < pages; i++) {
                BufferedImage page = renderer.renderImageWithDPI(i, config.ocrDpi(), ImageType.GRAY);
                sb.append(ocr.read(page)).append('\n');
                progress.accept((i + 1) * 100 / pages);
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UploadRejected(HttpStatus.UNPROCESSABLE_ENTITY, "Không đọc được tệp PDF để nhận dạng chữ.");
        }
    }
}
