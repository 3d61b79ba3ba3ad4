package vn.hoidap.assistant;

import jakarta.inject.Singleton;
import vn.hoidap.corpus.Knowledge;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * When the person named today's province and the answer comes from a plan of a province merged into it
 * in 2025 ("Gia Lai" → the Bình Định plan), the answer says so, with the reorganisation's source.
 */
@Singleton
final class ProvinceNotes {

    private final Knowledge knowledge;

    ProvinceNotes(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    Reply apply(Understanding u, Reply reply) {
        if (reply.fallback() || u.province() == null || reply.sources().isEmpty()) {
            return reply;
        }
        Set<String> notes = new LinkedHashSet<>();
        for (Source s : reply.sources()) {
            knowledge.plan(s.planId()).ifPresent(p -> {
                if (!p.meta().province().equals(u.province())) {
                    knowledge.provinces().resolve(p.meta().province())
                            .filter(pr -> pr.note() != null)
                            .ifPresent(pr -> notes.add("Lưu ý: " + pr.note()
                                    + (pr.source() == null ? "" : " (" + pr.source() + ")")));
                }
            });
        }
        if (notes.isEmpty()) {
            return reply;
        }
        return new Reply(reply.text() + "\n" + String.join("\n", notes), reply.sources(), reply.suggestions(),
                reply.fallback(), reply.confidence(), reply.session(), reply.topic());
    }
}
