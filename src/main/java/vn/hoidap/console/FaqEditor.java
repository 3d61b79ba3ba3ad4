package vn.hoidap.console;

import jakarta.inject.Singleton;
import vn.hoidap.corpus.FaqEntry;
import vn.hoidap.topics.TopicCatalog;
import vn.hoidap.text.Fold;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Saves FAQ entries written in the console: validates them, writes a new version, records the audit entry
 * and the review-queue decision, and makes the result live ({@link FaqOverlay#refresh}).
 */
@Singleton
final class FaqEditor {

    static final Set<String> AUDIENCES = Set.of("citizen", "staff");
    private static final int MAX_PHRASINGS = 30;

    private final FaqVersionRepository versions;
    private final ReviewDecisionRepository decisions;
    private final FaqOverlay overlay;
    private final TopicCatalog topics;
    private final Audit audit;
    private final SecureRandom random = new SecureRandom();

    FaqEditor(FaqVersionRepository versions, ReviewDecisionRepository decisions, FaqOverlay overlay,
              TopicCatalog topics, Audit audit) {
        this.versions = versions;
        this.decisions = decisions;
        this.overlay = overlay;
        this.topics = topics;
        this.audit = audit;
    }

    /** A new entry; returns its id. */
    synchronized String create(FaqDraft draft, String actor) {
        FaqVersion v = validated(draft, newId(draft.question()), 1, actor);
        versions.save(v);
        audit.record(actor, "faq.create", "faq:" + v.key().id(), null, v);
        decide(draft.keys(), "published", v.key().id(), actor);
        overlay.refresh();
        return v.key().id();
    }

    /** A new version of an existing entry (committed or console); returns the version number. */
    synchronized int update(String id, FaqDraft draft, String actor) {
        Optional<FaqEntry> before = current(id);
        if (before.isEmpty()) {
            throw new FaqNotFound(id);
        }
        FaqVersion v = validated(draft, id, versions.lastVersion(id) + 1, actor);
        versions.save(v);
        audit.record(actor, "faq.update", "faq:" + id, before.get(), v);
        decide(draft.keys(), "published", id, actor);
        overlay.refresh();
        return v.key().version();
    }

    /** Hides an entry: a committed one stays in its file but is no longer answered or listed. */
    synchronized void delete(String id, String actor) {
        FaqEntry before = current(id).orElseThrow(() -> new FaqNotFound(id));
        FaqVersion v = new FaqVersion(new FaqVersion.Key(id, versions.lastVersion(id) + 1), before.question(),
                overlay.toJson(before.alternates()), before.answer(), before.topic(), before.basis(), before.audience(),
                true, actor, Instant.now());
        versions.save(v);
        audit.record(actor, "faq.delete", "faq:" + id, before, null);
        overlay.refresh();
    }

    /** Adds the wordings of a review-queue group to an entry as new phrasings. */
    synchronized int attach(String id, List<String> wordings, List<String> keys, String actor) {
        FaqEntry e = current(id).orElseThrow(() -> new FaqNotFound(id));
        LinkedHashSet<String> phrasings = new LinkedHashSet<>(e.alternates());
        wordings.stream().map(String::strip).filter(w -> !w.isEmpty() && !w.equalsIgnoreCase(e.question()))
                .forEach(phrasings::add);
        int version = update(id, new FaqDraft(e.question(), new ArrayList<>(phrasings), e.answer(), e.topic(), e.basis(),
                e.audience(), List.of()), actor);
        decide(keys, "attached", id, actor);
        return version;
    }

    void decide(List<String> keys, String decision, String faqId, String actor) {
        if (keys == null) {
            return;
        }
        for (String k : keys) {
            if (k != null && !k.isBlank() && k.length() <= 1000) {
                decisions.decide(k, decision, faqId, actor);
            }
        }
        if (!keys.isEmpty()) {
            audit.record(actor, "review." + decision, faqId == null ? null : "faq:" + faqId, null, keys);
        }
    }

    Optional<FaqEntry> current(String id) {
        return overlay.live().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    private FaqVersion validated(FaqDraft d, String id, int version, String actor) {
        String question = text(d.question(), "Câu hỏi", 5, 300);
        String answer = text(d.answer(), "Câu trả lời", 10, 4000);
        String basis = text(d.basis(), "Cơ sở (nguồn)", 3, 500);
        String topic = d.topic() == null ? "" : d.topic().strip();
        if (topics.topic(topic).isEmpty()) {
            throw new InvalidConsoleRequest("Chủ đề không hợp lệ; dùng một mã trong corpus/topics.yaml (ví dụ: "
                    + String.join(", ", topics.topicList().stream().limit(5).map(t -> t.id()).toList()) + ").");
        }
        String audience = d.audience() == null || d.audience().isBlank() ? "citizen" : d.audience().strip();
        if (!AUDIENCES.contains(audience)) {
            throw new InvalidConsoleRequest("Đối tượng phải là citizen (người dân) hoặc staff (cán bộ).");
        }
        List<String> phrasings = new ArrayList<>();
        for (String p : d.phrasings() == null ? List.<String>of() : d.phrasings()) {
            if (p != null && !p.isBlank() && !phrasings.contains(p.strip())) {
                phrasings.add(text(p, "Cách hỏi khác", 2, 300));
            }
        }
        if (phrasings.size() > MAX_PHRASINGS) {
            throw new InvalidConsoleRequest("Tối đa " + MAX_PHRASINGS + " cách hỏi khác.");
        }
        return new FaqVersion(new FaqVersion.Key(id, version), question, overlay.toJson(phrasings), answer, topic, basis,
                audience, false, actor, Instant.now());
    }

    private static String text(String value, String name, int min, int max) {
        String s = value == null ? "" : java.text.Normalizer.normalize(value.strip(), java.text.Normalizer.Form.NFC);
        if (s.codePointCount(0, s.length()) < min) {
            throw new InvalidConsoleRequest(name + " cần ít nhất " + min + " ký tự.");
        }
        if (s.codePointCount(0, s.length()) > max) {
            throw new InvalidConsoleRequest(name + " dài quá " + max + " ký tự.");
        }
        if (s.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
            throw new InvalidConsoleRequest(name + " chứa ký tự điều khiển không hợp lệ.");
        }
        return s;
    }

    /** "qt-" + the folded question's first words + 4 random hex digits: readable and never colliding. */
    private String newId(String question) {
        String slug = Fold.fold(question == null ? "" : question).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-[^-]*$", "");
        }
        byte[] b = new byte[2];
        random.nextBytes(b);
        return "qt-" + (slug.isEmpty() ? "cau-hoi" : slug) + "-" + HexFormat.of().formatHex(b);
    }
}
