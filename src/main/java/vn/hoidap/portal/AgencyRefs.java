package vn.hoidap.portal;

import jakarta.inject.Singleton;
import vn.hoidap.corpus.Agency;
import vn.hoidap.corpus.AgencyMention;
import vn.hoidap.corpus.Knowledge;

import java.util.List;
import java.util.Optional;

/** Mentions in a plan → {@link AgencyRef}s: the link to the agency page and the 2025 successor. */
@Singleton
final class AgencyRefs {

    private final Knowledge knowledge;

    AgencyRefs(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    AgencyRef of(String text, String agencyId, String province) {
        Optional<Agency> a = Optional.ofNullable(agencyId).flatMap(knowledge.agencies()::byId)
                .or(() -> knowledge.agencies().resolve(text, province));
        if (a.isEmpty()) {
            return new AgencyRef(text, null, null, null);
        }
        Agency agency = a.get();
        Agency.Succession s = successionOf(agency);
        String todayName = null;
        String todayHref = null;
        if (s != null) {
            todayName = s.agencyId() == null ? s.name()
                    : knowledge.agencies().byId(s.agencyId()).map(Agency::name).orElse(s.name());
            todayHref = s.agencyId() == null ? null : "/co-quan/" + s.agencyId();
        }
        return new AgencyRef(text, "/co-quan/" + pageIdOf(agency), todayName, todayHref);
    }

    List<AgencyRef> of(List<AgencyMention> mentions, String province) {
        return mentions.stream().map(m -> of(m.text(), m.agencyId(), province)).toList();
    }

    /** A province's own member (its station, its newspaper) has a page of its own; others use the generic page. */
    private static String pageIdOf(Agency a) {
        return a.id();
    }

    private Agency.Succession successionOf(Agency a) {
        if (a.successor() != null) {
            return a.successor();
        }
        return knowledge.agencies().all().stream().filter(g -> g.members().contains(a.id()) && g.successor() != null)
                .map(Agency::successor).findFirst().orElse(null);
    }
}
