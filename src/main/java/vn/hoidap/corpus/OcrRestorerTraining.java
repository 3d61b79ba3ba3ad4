package vn.hoidap.corpus;

import vn.hoidap.text.restore.DiacriticRestorer;

import java.util.ArrayList;
import java.util.List;

/**
 * What the diacritic restorer learns from: the clean plans, the curated (already restored) sheets of every
 * plan, the FAQs and the names of agencies and provinces — every syllable the OCR plans may need — plus
 * the one aligned OCR/clean pair (the issued Đồng Nai plan and its draft) for the OCR confusions.
 */
final class OcrRestorerTraining {

    private OcrRestorerTraining() {
    }

    static DiacriticRestorer train(List<Plan> plans, List<FaqEntry> faqs, AgencyDirectory agencies,
                                   ProvinceDirectory provinces) {
        DiacriticRestorer.Builder builder = DiacriticRestorer.builder();
        List<String> texts = new ArrayList<>();
        for (Plan p : plans) {
            if (p.meta().textQuality() == TextQuality.CLEAN) {
                texts.add(p.text());
            }
            texts.add(p.meta().title());
            for (Task t : p.tasks()) {
                texts.add(join(t.title(), t.description(), t.result(), t.timeline(), t.group()));
            }
            p.targets().forEach(t -> texts.add(t.statement()));
            p.responsibilities().forEach(r -> texts.add(String.join("\n", r.duties())));
            p.deadlines().forEach(d -> texts.add(join(d.reporter(), d.what(), d.recipient())));
            PlanMetadata.PlanFacts f = p.meta().facts();
            texts.add(join(f.implementsDecision(), f.funding()));
            texts.addAll(f.legalBasis());
            texts.addAll(f.purpose());
            texts.addAll(f.requirements());
        }
        for (FaqEntry f : faqs) {
            texts.add(join(f.question(), f.answer()));
            texts.addAll(f.alternates());
        }
        agencies.all().forEach(a -> texts.add(a.name()));
        provinces.all().forEach(p -> texts.add(p.name()));
        builder.cleanTexts(texts);
        // A clean draft of an OCR'd plan is an aligned sample of OCR confusions (Đồng Nai: issued vs draft).
        for (Plan draft : plans) {
            if (draft.meta().draftOf() != null && draft.meta().textQuality() == TextQuality.CLEAN) {
                plans.stream().filter(p -> p.id().equals(draft.meta().draftOf())
                                && p.meta().textQuality() == TextQuality.OCR)
                        .findFirst().ifPresent(ocr -> builder.ocrSample(ocr.text(), draft.text()));
            }
        }
        return builder.build();
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                sb.append(p).append('\n');
            }
        }
        return sb.toString();
    }
}
