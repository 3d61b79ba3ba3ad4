package vn.hoidap.assistant;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.corpus.Agency;
import vn.hoidap.corpus.CorpusConfig;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.search.Searcher;
import vn.hoidap.text.Fold;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The answering pipeline: normalise → classify the intent → extract entities → merge with the session →
 * pick the answerer → fall back honestly when nothing covers the question well enough. Publishes a
 * {@link QuestionAnswered} event after every answer for the query log.
 */
@Singleton
@io.micronaut.context.annotation.Context
class AssistantService implements Assistant {

    private static final Logger LOG = LoggerFactory.getLogger(AssistantService.class);
    /** An out-of-scope verdict at least this sure short-cuts retrieval. */
    private static final double OUT_OF_SCOPE_SURE = 0.45;
    /** A primary answer this well covered is taken as it is; below it, other answerers get a say. */
    private static final double SURE = 0.6;
    /** Coverage of the question by one passage or FAQ that outweighs an out-of-scope verdict. */
    private static final double OUT_OF_SCOPE_OVERRIDE = 0.7;

    private final Knowledge knowledge;
    private final IntentModel intents;
    private final SessionStore sessions;
    private final AssistantConfig config;
    private final ApplicationEventPublisher<QuestionAnswered> events;
    private final EntityExtractor entities;
    private final ContentWords contentWords;
    private final Replies replies;
    private final TaskAnswerer tasks;
    private final AgencyTasksAnswerer agencyTasks;
    private final TargetAnswerer targets;
    private final DeadlineAnswerer deadlines;
    private final PlanFactsAnswerer planFacts;
    private final FaqAnswerer faqs;
    private final PassageAnswerer passages;

    AssistantService(Knowledge knowledge, Searcher searcher, IntentModel intents, SessionStore sessions,
                     AssistantConfig config, CorpusConfig corpus, ApplicationEventPublisher<QuestionAnswered> events) {
        long start = System.nanoTime();
        this.knowledge = knowledge;
        this.intents = intents;
        this.sessions = sessions;
        this.config = config;
        this.events = events;
        Path dir = Path.of(corpus.dir()).resolve("assistant");
        this.entities = new EntityExtractor(knowledge);
        this.contentWords = ContentWords.load(dir.resolve("question-words.txt"));
        this.replies = Replies.load(dir.resolve("replies.yaml"));
        Candidates candidates = new Candidates(searcher, knowledge, contentWords);
        Wording wording = new Wording(knowledge.agencies());
        this.tasks = new TaskAnswerer(candidates, wording);
        this.agencyTasks = new AgencyTasksAnswerer(knowledge.agencies(), wording);
        this.targets = new TargetAnswerer(candidates);
        this.deadlines = new DeadlineAnswerer();
        this.planFacts = new PlanFactsAnswerer(PlanFactsAnswerer.loadCues(dir.resolve("plan-facts.yaml")), knowledge);
        this.faqs = new FaqAnswerer(candidates, knowledge);
        this.passages = new PassageAnswerer(candidates, SentenceSplitter.train(paragraphs(knowledge)));
        LOG.info("Assistant ready in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public Answer answer(Question question) {
        long start = System.nanoTime();
        Session session = sessions.get(question.sessionId());
        Understanding u = understand(question.text(), session);
        Reply reply = withProvinceNote(u, route(u));
        Session next = reply.session() == null ? session : reply.session();
        sessions.put(question.sessionId(), next.withQuestion(u.folded()));
        Answer answer = new Answer(UUID.randomUUID().toString(), question.sessionId(), reply.text(),
                u.intent().label(), round(reply.confidence()), reply.fallback(), reply.sources(),
                reply.fallback() ? suggestions() : reply.suggestions(), u.province(),
                u.agency() == null ? null : u.agency().name(), reply.topic());
        events.publishEvent(new QuestionAnswered(question, answer, Instant.now(), (System.nanoTime() - start) / 1000));
        return answer;
    }

    Understanding understand(String text, Session session) {
        String folded = Fold.fold(text);
        IntentModel.Guess guess = intents.classify(text);
        Entities e = entities.extract(text);
        String placeContent = contentWords.content(text);
        String content = ContentWords.without(placeContent, e.mentions());
        Intent intent = guess.intent();
        boolean followUp = isFollowUp(folded, content, e, session);
        String province = e.province() == null ? null : e.province().name();
        Integer year = e.year();
        if (followUp) {
            if (province == null) {
                province = session.province();
            }
            if (year == null) {
                year = session.year();
            }
            Intent previous = session.intent() == null ? null : Intent.of(session.intent());
            boolean asksTaskDetail = intent.isTaskDetail() && session.taskId() != null;
            if (!asksTaskDetail && previous != null && previous.isPlanBound() || previous == Intent.FAQ && !asksTaskDetail) {
                intent = previous;
            }
            if (!asksTaskDetail && session.topicText() != null && content.split(" ").length <= 2) {
                // "còn năm 2030?" keeps the subject of the previous question.
                content = (session.topicText() + " " + content).strip();
            }
        } else if (province == null && intent.isPlanBound() && session.province() != null && e.unknownPlace() == null
                && !e.acrossProvinces()) {
            // Staying on the province the conversation is about is what people expect.
            province = session.province();
        }
        List<Plan> plans = scope(province, e, intent);
        if (followUp && session.question() != null) {
            // Facts are asked by wording ("ai ký", "số mấy"): "còn Thanh Hóa?" asks the same of another plan.
            folded = session.question() + " " + folded;
        }
        Agency agency = e.agency();
        if (agency == null && followUp && session.agencyId() != null) {
            // "Sở Nội vụ Đồng Nai chủ trì những gì?" then "còn Bình Định?": the same agency, elsewhere.
            agency = knowledge.agencies().byId(session.agencyId()).orElse(null);
        }
        return new Understanding(text, folded, intent, guess.confidence(), content, placeContent, plans, province,
                e.unknownPlace(),
                agency, e.unknownAgency(), e.successorAsked(), year, e.role(), e.acrossProvinces(), followUp, session);
    }

    /**
     * A follow-up leans on the session: it starts like "còn …", or it names only an entity or a task detail
     * ("đơn vị nào phối hợp?", "còn năm 2030?") with nothing of its own to match.
     */
    private static boolean isFollowUp(String folded, String content, Entities e, Session session) {
        if (session.intent() == null) {
            return false;
        }
        String padded = " " + folded.replaceAll("[^a-z0-9 ]", " ") + " ";
        boolean marker = padded.startsWith(" con ") || padded.startsWith(" the con ") || padded.startsWith(" vay con ")
                || padded.contains(" thi sao ") || padded.startsWith(" con o ");
        int contentWords = content.isBlank() ? 0 : content.split(" ").length;
        return marker || contentWords <= 1;
    }

    /**
     * The plans a question is about. A province named in the question brings its own plans, and the plans of
     * provinces merged into it in 2025 when it has none of its own ("Gia Lai") or when today's agency name
     * was used ("Sở Khoa học và Công nghệ Đồng Nai" covers Bình Phước's Sở TT&TT too). A province carried
     * over from the session is looked up again. Drafts only when asked for.
     */
    private List<Plan> scope(String province, Entities e, Intent intent) {
        List<Plan> candidates;
        if (e.province() != null && province != null && province.equals(e.province().name())) {
            candidates = new ArrayList<>(e.ownPlans());
            if (candidates.isEmpty() || (e.successorAsked() && intent == Intent.AGENCY_TASKS)) {
                candidates.addAll(e.mergedPlans());
            }
        } else if (province != null) {
            candidates = knowledge.plans().stream().filter(p -> p.meta().province().equals(province)).toList();
        } else {
            candidates = knowledge.plans();
        }
        List<Plan> issued = candidates.stream().filter(p -> !p.meta().isDraft()).toList();
        List<Plan> drafts = candidates.stream().filter(p -> p.meta().isDraft()).toList();
        // The issued plan is authoritative; a draft answers only when the person asks about the draft.
        return e.wantsDraft() && !drafts.isEmpty() ? drafts : issued;
    }

    private Reply route(Understanding u) {
        Intent intent = u.intent();
        if (intent.isSmallTalk() && u.content().split(" ").length <= 3) {
            String key = intent == Intent.IDENTITY ? "identity" : intent.label();
            return new Reply(replies.get(key, Map.of()), List.of(), List.of(), false, u.intentConfidence(),
                    u.session(), "khac");
        }
        if (u.unknownPlace() != null && u.province() == null && intent != Intent.OUT_OF_SCOPE) {
            return fallback("unknown-province", Map.of("place", u.unknownPlace()), u, 0.9);
        }
        if (intent == Intent.OUT_OF_SCOPE && u.intentConfidence() >= OUT_OF_SCOPE_SURE) {
            // The classifier only knows phrasing; a question the corpus answers almost word for word
            // ("mỗi năm có bao nhiêu sinh viên CNTT tốt nghiệp") is in scope after all.
            Optional<Reply> strong = strongestRetrieval(u);
            return strong.orElseGet(() -> fallback("out-of-scope", Map.of(), u, u.intentConfidence()));
        }
        if (u.agency() == null && u.unknownAgency() != null && (intent.isPlanBound() || intent == Intent.OUT_OF_SCOPE)) {
            String where = u.province() == null ? "các kế hoạch hiện có" : "kế hoạch của tỉnh " + u.province();
            return fallback("unknown-agency", Map.of("agency", u.unknownAgency(), "where", where), u, 0.8);
        }
        if (intent == Intent.OUT_OF_SCOPE || intent.isSmallTalk()) {
            // An unsure off-topic or small-talk verdict on a substantive question: only a near-verbatim FAQ or
            // passage may answer it, never a task that shares a word or two.
            return strongestRetrieval(u).orElseGet(() -> fallback("fallback", Map.of(), u, u.intentConfidence()));
        }
        List<Reply> tried = new ArrayList<>();
        Optional<Reply> first = primary(u);
        first.ifPresent(tried::add);
        if (first.isPresent() && (first.get().fallback() || first.get().confidence() >= SURE)) {
            return first.get();
        }
        // Not sure yet: let the other answerers try, and keep the best-covered answer (the primary one wins
        // ties, being of the kind the question asked for).
        // A general FAQ is no answer to a question about one province's plan.
        if (intent != Intent.FAQ && !(intent.isPlanBound() && u.province() != null)) {
            faqs.answer(u).ifPresent(tried::add);
        }
        if (!intent.isTaskDetail() && intent != Intent.AGENCY_TASKS && !u.plans().isEmpty()) {
            tasks.answer(u).ifPresent(tried::add);
        }
        List<Plan> passageScope = u.plans().isEmpty() ? issued() : u.plans();
        passages.answer(u, passageScope).ifPresent(tried::add);
        Optional<Reply> best = tried.stream().filter(r -> !r.fallback())
                .reduce((a, b) -> b.confidence() > a.confidence() + 0.05 ? b : a);
        if (best.isPresent() && best.get().confidence() >= config.fallbackThreshold()) {
            return best.get();
        }
        return fallback("fallback", Map.of(), u, best.map(Reply::confidence).orElse(0.0));
    }

    /** A one-word subject ("huyện") is covered by half the corpus: it takes at least two words to override. */
    private Optional<Reply> strongestRetrieval(Understanding u) {
        List<Reply> tried = new ArrayList<>();
        if (words(u.placeContent()) >= 2) {
            faqs.answer(u).ifPresent(tried::add);
        }
        if (words(u.content()) >= 2) {
            passages.answer(u, u.plans().isEmpty() ? issued() : u.plans()).ifPresent(tried::add);
        }
        return tried.stream().filter(r -> !r.fallback() && r.confidence() >= OUT_OF_SCOPE_OVERRIDE)
                .max(Comparator.comparingDouble(Reply::confidence));
    }

    private Optional<Reply> primary(Understanding u) {
        return switch (u.intent()) {
            case AGENCY_TASKS -> agencyTasks.answer(u).or(() -> tasks.answer(u));
            case TASK_WHO, TASK_WHEN, TASK_RESULT -> {
                boolean onlyAgency = u.agency() != null && ContentWords.without(u.content(),
                        List.of(Fold.fold(u.agency().name()))).split(" ").length <= 2;
                yield onlyAgency ? agencyTasks.answer(u).or(() -> tasks.answer(u)) : tasks.answer(u);
            }
            case TARGETS -> targets.answer(u);
            case DEADLINES -> deadlines.answer(u);
            case PLAN_FACTS -> planFacts.answer(u);
            case FAQ -> faqs.answer(u);
            default -> Optional.empty();
        };
    }

    /**
     * When the person named today's province and the answer comes from a plan of a province merged into it
     * in 2025 ("Gia Lai" → the Bình Định plan), say so, with the reorganisation's source.
     */
    private Reply withProvinceNote(Understanding u, Reply reply) {
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

    private Reply fallback(String key, Map<String, String> values, Understanding u, double confidence) {
        Map<String, String> all = new java.util.HashMap<>(values);
        all.put("provinces", provinces());
        return new Reply(replies.get(key, all), List.of(), suggestions(), true, confidence, u.session(), null);
    }

    private List<String> suggestions() {
        return replies.suggestions().stream().limit(3).toList();
    }

    private String provinces() {
        List<String> names = knowledge.plans().stream().map(p -> p.meta().province())
                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
        return Wording.join(names).replace(";", ",");
    }

    private List<Plan> issued() {
        return knowledge.plans().stream().filter(p -> !p.meta().isDraft()).toList();
    }

    private static List<String> paragraphs(Knowledge knowledge) {
        List<String> out = new ArrayList<>();
        for (Plan p : knowledge.plans()) {
            if (p.meta().textQuality() == vn.hoidap.corpus.TextQuality.CLEAN) {
                out.addAll(List.of(p.text().split("\\n\\s*\\n|\\n(?=[-•])")));
            }
        }
        knowledge.faqs().forEach(f -> out.add(f.answer()));
        return out;
    }

    private static int words(String s) {
        return s == null || s.isBlank() ? 0 : s.split(" ").length;
    }

    private static double round(double v) {
        return Math.round(Math.max(0, Math.min(1, v)) * 1000) / 1000.0;
    }
}
