package vn.hoidap.upload;

import io.micronaut.http.HttpStatus;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.corpus.CorpusConfig;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * What the API and the pages do with an uploaded plan: receive a file (text read at once; OCR on a worker
 * thread, its progress stored for the page to poll), save a review, publish, withdraw, export.
 */
@Singleton
class Uploads {

    private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,79}");

    private final DocumentText documents;
    private final PlanReading reading;
    private final UploadStore store;
    private final PlanPublisher publisher;
    private final Path corpusDir;
    /** OCR is slow and CPU-bound: one page at a time, off the request threads. */
    private final ExecutorService ocrWorker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "plan-ocr");
        t.setDaemon(true);
        return t;
    });

    Uploads(DocumentText documents, PlanReading reading, UploadStore store, PlanPublisher publisher, CorpusConfig corpus) {
        this.documents = documents;
        this.reading = reading;
        this.store = store;
        this.publisher = publisher;
        this.corpusDir = Path.of(corpus.dir());
    }

    @PreDestroy
    void close() {
        ocrWorker.shutdownNow();
    }

    /** Receives one file; returns the stored row (status draft, or processing while OCR runs). */
    UploadStore.Row receive(byte[] bytes, String fileName, String contentType, PlanDraft.Meta given, String actor) {
        DocumentText.Received received = documents.read(bytes, fileName);
        String sha = sha256(bytes);
        store.bySha(sha).ifPresent(existing -> {
            throw new UploadRejected(HttpStatus.CONFLICT, "Tệp này đã được tải lên (kế hoạch «" + existing + "»).");
        });
        String id = given != null && given.id() != null && !given.id().isBlank() ? given.id().strip() : "kh-" + sha.substring(0, 10);
        if (!ID.matcher(id).matches()) {
            throw new UploadRejected(HttpStatus.BAD_REQUEST, "Mã kế hoạch chỉ gồm chữ thường không dấu, số và dấu gạch ngang (3–80 ký tự).");
        }
        if (publisher.committedId(id) || store.get(id).isPresent()) {
            throw new UploadRejected(HttpStatus.CONFLICT, "Mã kế hoạch «" + id + "» đã có; hãy chọn mã khác.");
        }
        String name = fileName == null || fileName.isBlank() ? "tep-tai-len" : fileName.strip();
        String type = contentType == null ? "application/octet-stream" : contentType;
        if (!received.needsOcr()) {
            PlanReading.Reading r = reading.first(id, received.text(), "clean", given, name);
            store.insert(id, "draft", name, type, bytes, sha, "clean", received.text(), SheetFiles.json(r.draft()),
                    warnings(r), actor);
        } else {
            store.insert(id, "processing", name, type, bytes, sha, "ocr", null, null, null, actor);
            ocrWorker.submit(() -> ocr(id, bytes, received.kind(), given, name, actor));
        }
        return store.get(id).orElseThrow();
    }

    private void ocr(String id, byte[] bytes, DocumentText.Kind kind, PlanDraft.Meta given, String name, String actor) {
        try {
            String text = documents.ocr(bytes, kind, p -> store.progress(id, Math.min(99, p)));
            if (text.codePoints().filter(Character::isLetter).count() < 20) {
                throw new UploadRejected(HttpStatus.UNPROCESSABLE_ENTITY,
                        "Không nhận ra chữ nào trong tệp quét hoặc ảnh: hãy gửi bản quét rõ hơn hoặc tệp có lớp chữ.");
            }
            PlanReading.Reading r = reading.first(id, text, "ocr", given, name);
            store.update(id, "system", "plan.ocr", "draft", text, SheetFiles.json(r.draft()), warnings(r), 100, null,
                    null, false);
        } catch (UploadRejected e) {
            store.update(id, "system", "plan.ocr.failed", "failed", null, null, null, 100, e.getMessage(), null, false);
        } catch (RuntimeException e) {
            LOG.error("OCR of uploaded plan {} failed", id, e);
            store.update(id, "system", "plan.ocr.failed", "failed", null, null, null, 100,
                    "Nhận dạng chữ thất bại; xin thử lại hoặc gửi tệp có lớp chữ.", null, false);
        }
    }

    /** Saves a reviewed draft; it must still load through the pipeline. */
    UploadStore.Row review(UploadStore.Row row, PlanDraft edited, String actor) {
        if ("processing".equals(row.status())) {
            throw new UploadRejected(HttpStatus.CONFLICT, "Kế hoạch đang được nhận dạng chữ; xin đợi xong rồi sửa.");
        }
        if ("failed".equals(row.status())) {
            throw new UploadRejected(HttpStatus.CONFLICT, "Kế hoạch đọc lỗi, không sửa được; hãy tải lên lại.");
        }
        PlanDraft before = SheetFiles.fromJson(row.sheet(), PlanDraft.class);
        PlanDraft.Meta m = edited.meta() == null ? before.meta() : edited.meta();
        // the id and the text quality belong to the upload, not to the review
        PlanDraft.Meta fixed = new PlanDraft.Meta(row.id(), m.province(), m.kind(), m.number(), m.issueDate(), m.issuer(),
                m.signer(), m.signerTitle(), m.status(), m.title(), row.textQuality());
        PlanDraft d = new PlanDraft(fixed, edited.tasks(), edited.targets(), edited.deadlines());
        if (d.meta().issueDate() != null && !d.meta().issueDate().isBlank()
                && !d.meta().issueDate().strip().matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            throw new UploadRejected(HttpStatus.BAD_REQUEST, "Ngày ban hành phải có dạng năm-tháng-ngày, ví dụ 2022-05-18.");
        }
        if (d.meta().status() != null && !List.of("issued", "draft").contains(d.meta().status())) {
            throw new UploadRejected(HttpStatus.BAD_REQUEST, "Tình trạng phải là «issued» (đã ban hành) hoặc «draft» (dự thảo).");
        }
        var loaded = reading.reviewed(d, row.text(), row.fileName());
        List<String> warnings = reading.warnings(d, loaded);
        int sections = vn.hoidap.corpus.extract.OutlineParser.flatten(loaded.plan().outline()).size();
        store.update(row.id(), actor, "plan.review", null, null, SheetFiles.json(d),
                SheetFiles.json(Map.of("warnings", warnings, "sections", sections)), null, null, null, false);
        return store.get(row.id()).orElseThrow();
    }

    /** Writes {@code corpus/plans/<id>.txt} + {@code .yaml} so the plan can be committed. */
    Path export(UploadStore.Row row, String actor) {
        PlanDraft d = SheetFiles.fromJson(row.sheet(), PlanDraft.class);
        Path yaml = SheetFiles.write(corpusDir.resolve("plans"), row.id(), SheetFiles.yaml(d, row.fileName(), true), row.text());
        store.audit(actor, "plan.export", row.id(), null, "{\"file\":" + SheetFiles.json(yaml.toString()) + "}");
        return yaml;
    }

    static String warnings(PlanReading.Reading r) {
        return SheetFiles.json(Map.of("warnings", r.warnings(), "sections", r.sections()));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
