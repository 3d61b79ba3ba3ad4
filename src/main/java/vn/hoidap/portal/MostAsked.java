package vn.hoidap.portal;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.corpus.FaqEntry;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.Section;
import vn.hoidap.corpus.Task;
import vn.hoidap.corpus.extract.OutlineParser;
import vn.hoidap.search.Searcher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Most asked" on the home page, anonymised by construction: the query log is read only for which corpus entry
 * answered (its top source), counted by distinct people, and an entry is shown only when at least
 * {@code mostAskedMinSessions} different sessions were answered by it. What is shown is the corpus's own text
 * (the FAQ question, the task's title), never anything a person typed.
 */
@Singleton
final class MostAsked {

    private static final Logger LOG = LoggerFactory.getLogger(MostAsked.class);
    private static final long REFRESH_MILLIS = 10 * 60 * 1000L;
    private static final int SHOWN = 6;

    /** One entry: what was asked about (corpus text), where it is answered, how many people asked. */
    record Entry(String title, String context, String href, String askHref, long people) {
    }

    private final JdbcOperations jdbc;
    private final Knowledge knowledge;
    private final PortalConfig config;
    private final Searcher searcher;
    private volatile List<Entry> cached = List.of();
    private volatile long cachedAt = 0;

    MostAsked(JdbcOperations jdbc, Knowledge knowledge, PortalConfig config, Searcher searcher) {
        this.jdbc = jdbc;
        this.searcher = searcher;
        this.knowledge = knowledge;
        this.config = config;
    }

    /** Refreshed at most every ten minutes; an unreachable database shows the last list (or none), never an error. */
    List<Entry> entries() {
        long now = System.currentTimeMillis();
        if (now - cachedAt > REFRESH_MILLIS) {
            cachedAt = now;
            try {
                cached = load();
            } catch (RuntimeException e) {
                LOG.warn("Most-asked list not refreshed: {}", e.getMessage());
            }
        }
        return cached;
    }

    /** Forgets the cached list (tests that log questions and look again). */
    void refresh() {
        cachedAt = 0;
    }

    private List<Entry> load() {
        List<Entry> out = new ArrayList<>();
        jdbc.execute((Connection conn) -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    SELECT top_source, count(DISTINCT session_hash) AS people
                    FROM query_log
                    WHERE asked_at >= now() - interval '180 days' AND NOT fallback AND top_source IS NOT NULL
                    GROUP BY top_source
                    HAVING count(DISTINCT session_hash) >= ?
                    ORDER BY people DESC, top_source
                    LIMIT 50""")) {
                ps.setInt(1, config.mostAskedMinSessions());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && out.size() < SHOWN) {
                        describe(rs.getString(1), rs.getLong(2)).ifPresent(out::add);
                    }
                }
            }
            return null;
        });
        return List.copyOf(out);
    }

    /** "planId#II.1.3" → the task or section there; "/hoi-dap#faq-id" → the FAQ entry; anything else → nothing. */
    Optional<Entry> describe(String topSource, long people) {
        if (topSource.startsWith("/hoi-dap#")) {
            String id = topSource.substring("/hoi-dap#".length());
            // the live entry (a console edit or addition), as the assistant answered from it
            return searcher.faq(id).map(f -> faqEntry(f, people));
        }
        int hash = topSource.indexOf('#');
        String planId = hash < 0 ? topSource : topSource.substring(0, hash);
        String path = hash < 0 ? null : topSource.substring(hash + 1).replaceFirst("#\\d+$", "");
        Optional<Plan> plan = knowledge.plan(planId);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        Plan p = plan.get();
        String context = PlanLabels.withProvince(p.meta());
        if (path == null) {
            return Optional.of(new Entry(p.meta().title(), context, "/ke-hoach/" + p.id(), null, people));
        }
        for (Task t : p.tasks()) {
            if (path.equals(t.section())) {
                return Optional.of(new Entry(t.title(), SectionLabels.label(t.section()) + " — " + context,
                        "/ke-hoach/" + p.id() + "#" + t.anchor(), null, people));
            }
        }
        return OutlineParser.flatten(p.outline()).stream().filter(s -> path.equals(s.path())).findFirst()
                .map((Section s) -> new Entry(OutlineParser.title(s), SectionLabels.label(s.path()) + " — " + context,
                        "/ke-hoach/" + p.id() + "#" + s.anchor(), null, people));
    }

    private static Entry faqEntry(FaqEntry f, long people) {
        return new Entry(f.question(), "Hỏi đáp", f.url(), new ChatTurn(f.question(), null, null, null, false,
                List.of(), List.of()).shareUrl(), people);
    }
}
