package vn.hoidap.upload;

import jakarta.inject.Singleton;
import vn.hoidap.corpus.AgencyMention;
import vn.hoidap.corpus.CommittedCorpus;
import vn.hoidap.corpus.CorpusException;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.PlanLoader;
import vn.hoidap.corpus.Province;
import vn.hoidap.corpus.ProvinceDirectory;
import vn.hoidap.corpus.extract.ExtractionReport;
import vn.hoidap.corpus.extract.OutlineParser;
import vn.hoidap.text.TextRepair;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an uploaded text through the committed pipeline ({@link CommittedCorpus#load}: repair, restoration
 * for OCR text, outline, tasks, targets, deadlines, duties, facts) by writing it in the corpus layout to a
 * temporary folder — there is no second pipeline. Prefills the metadata the document tells (number, date,
 * signer from its end matter; province, kind, title, draft status from its head) under what the uploader gave.
 */
@Singleton
class PlanReading {

    private static final Pattern DRAFT = Pattern.compile("(?i)\\bd\\s*ự\\s+th\\s*ả\\s*o\\b|\\bDỰ THẢO\\b");
    private static final Pattern KIND = Pattern.compile("^\\s*(KẾ HOẠCH|ĐỀ ÁN|CHƯƠNG TRÌNH)\\s*$", Pattern.MULTILINE);

    private final CommittedCorpus base;

    PlanReading(CommittedCorpus base) {
        this.base = base;
    }

    /** The first reading of an upload: what the pipeline extracted, as an editable draft, with warnings. */
    record Reading(PlanDraft draft, int sections, List<String> warnings, PlanLoader.Loaded loaded) {
    }

    Reading first(String id, String text, String textQuality, PlanDraft.Meta given, String fileName) {
        PlanDraft.Meta guessed = guess(id, text, textQuality);
        PlanDraft.Meta meta = merge(given, guessed);
        PlanLoader.Loaded loaded = load(new PlanDraft(meta, List.of(), List.of(), List.of()), text, fileName, false);
        Plan p = loaded.plan();
        PlanDraft.Meta filled = new PlanDraft.Meta(id, meta.province(), meta.kind(), p.meta().number(),
                p.meta().issueDate(), meta.issuer(), p.meta().signer(), p.meta().signerTitle(), meta.status(), meta.title(),
                textQuality);
        List<PlanDraft.TaskRow> tasks = p.tasks().stream().map(t -> new PlanDraft.TaskRow(t.id(), t.section(), t.number(),
                t.title(), names(t.lead()), names(t.coordinate()), t.timeline(), t.result())).toList();
        List<PlanDraft.TargetRow> targets = p.targets().stream().map(t -> new PlanDraft.TargetRow(t.year(), t.figure(),
                t.subject(), t.statement(), t.section())).toList();
        List<PlanDraft.DeadlineRow> deadlines = p.deadlines().stream().map(d -> new PlanDraft.DeadlineRow(d.reporter(),
                d.recipient(), d.date(), d.recurrence(), d.what(), d.section())).toList();
        PlanDraft draft = new PlanDraft(filled, tasks, targets, deadlines);
        return new Reading(draft, OutlineParser.flatten(p.outline()).size(), warnings(draft, loaded), loaded);
    }

    /** A reviewed draft loaded as it will be served: its rows are the plan's curated sheet. */
    PlanLoader.Loaded reviewed(PlanDraft draft, String text, String fileName) {
        return load(draft, text, fileName, true);
    }

    List<String> warnings(PlanDraft d, PlanLoader.Loaded loaded) {
        List<String> w = new ArrayList<>();
        PlanDraft.Meta m = d.meta();
        if (m.province() == null || "Chưa rõ".equals(m.province())) {
            w.add("Không nhận ra tỉnh ban hành: hãy điền tỉnh.");
        }
        if (m.number() == null) {
            w.add("Không thấy số văn bản (ví dụ 53/KH-UBND).");
        }
        if (m.issueDate() == null) {
            w.add("Không thấy ngày ban hành.");
        }
        if (m.signer() == null) {
            w.add("Không thấy người ký.");
        }
        if (d.tasks().isEmpty()) {
            w.add("Không tìm thấy nhiệm vụ nào: hãy kiểm tra văn bản hoặc nhập nhiệm vụ.");
        } else {
            long noLead = d.tasks().stream().filter(t -> t.lead().isEmpty()).count();
            if (noLead * 2 > d.tasks().size()) {
                w.add(noLead + "/" + d.tasks().size() + " nhiệm vụ không có đơn vị chủ trì.");
            }
        }
        if (d.targets().isEmpty()) {
            w.add("Không tìm thấy chỉ tiêu có số liệu.");
        }
        if (loaded != null) {
            ExtractionReport r = ExtractionReport.of(loaded);
            r.warnings().forEach(x -> w.add("Trích xuất: " + x));
        }
        return w;
    }

    private PlanLoader.Loaded load(PlanDraft draft, String text, String fileName, boolean withRows) {
        Path dir;
        try {
            dir = Files.createTempDirectory("hoidap-upload-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            String id = draft.meta().id();
            Path yaml = SheetFiles.write(dir, id, SheetFiles.yaml(draft, fileName, withRows), text);
            return base.load(yaml);
        } catch (CorpusException e) {
            throw new UploadRejected(io.micronaut.http.HttpStatus.UNPROCESSABLE_ENTITY,
                    "Không đọc được kế hoạch: " + e.getMessage().replaceAll("^.*?\\.yaml: ", ""));
        } finally {
            SheetFiles.deleteTree(dir);
        }
    }

    private static List<String> names(List<AgencyMention> mentions) {
        return mentions.stream().map(AgencyMention::text).toList();
    }

    PlanDraft.Meta guess(String id, String text, String textQuality) {
        String repaired = TextRepair.repair(text).content();
        String head = repaired.length() > 4000 ? repaired.substring(0, 4000) : repaired;
        String province = province(head);
        Matcher k = KIND.matcher(head);
        String kind = "Kế hoạch";
        String title = null;
        if (k.find()) {
            kind = switch (k.group(1)) {
                case "ĐỀ ÁN" -> "Đề án";
                case "CHƯƠNG TRÌNH" -> "Chương trình";
                default -> "Kế hoạch";
            };
            String after = head.substring(k.end()).strip();
            StringBuilder t = new StringBuilder();
            for (String line : after.split("\n")) {
                if (line.isBlank() || line.strip().startsWith("Căn cứ") || line.strip().matches("^[-_*]{3,}$")) {
                    if (t.length() > 0) {
                        break;
                    }
                    continue;
                }
                t.append(t.length() > 0 ? " " : "").append(line.strip());
                if (t.length() > 300) {
                    break;
                }
            }
            if (t.length() > 0) {
                title = kind + " " + lowerFirst(t.toString().replaceAll("\\*+", "").strip());
            }
        }
        String status = DRAFT.matcher(head).find() ? "draft" : "issued";
        String issuer = province == null ? null : "Ủy ban nhân dân tỉnh " + province;
        return new PlanDraft.Meta(id, province, kind, null, null, issuer, null, null, status, title, textQuality);
    }

    private static String lowerFirst(String s) {
        if (s.isEmpty()) {
            return s;
        }
        // a title line in capitals reads as a sentence
        if (s.equals(s.toUpperCase(Locale.ROOT))) {
            String lower = s.toLowerCase(Locale.ROOT);
            return lower;
        }
        return s;
    }

    /** The province the document names most in its head (the name it uses; today's name is shown beside it). */
    private String province(String head) {
        ProvinceDirectory provinces = base.provinces();
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Province> byId = new HashMap<>();
        for (ProvinceDirectory.ProvinceHit h : provinces.findIn(head)) {
            counts.merge(h.province().id(), 1, Integer::sum);
            byId.put(h.province().id(), h.province());
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> byId.get(e.getKey()).name())
                .orElse(null);
    }

    /** Today's name of a province (after the 2025 reorganisation), or null when unknown. */
    String today(String province) {
        return base.provinces().resolve(province).map(p -> base.provinces().today(p).name()).orElse(null);
    }

    private static PlanDraft.Meta merge(PlanDraft.Meta given, PlanDraft.Meta guessed) {
        if (given == null) {
            return guessed;
        }
        return new PlanDraft.Meta(guessed.id(), or(given.province(), guessed.province()), or(given.kind(), guessed.kind()),
                or(given.number(), guessed.number()), or(given.issueDate(), guessed.issueDate()),
                or(given.issuer(), given.province() != null ? "Ủy ban nhân dân tỉnh " + given.province() : guessed.issuer()),
                or(given.signer(), guessed.signer()), or(given.signerTitle(), guessed.signerTitle()),
                or(given.status(), guessed.status()), or(given.title(), guessed.title()), guessed.textQuality());
    }

    private static String or(String a, String b) {
        return a == null || a.isBlank() ? b : a.strip();
    }
}
