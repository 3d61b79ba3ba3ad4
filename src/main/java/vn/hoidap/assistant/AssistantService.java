package vn.hoidap.assistant;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Orchestrates one answer and nothing else: validate → read the question → merge with the dialogue state →
 * select the plans → route to one answerer → store the next state → publish {@link QuestionAnswered} for
 * the query log.
 */
@Singleton
@Context
class AssistantService implements Assistant {

    private final MessageValidator validator;
    private final DialogueStateStore states;
    private final Understander understander;
    private final DialogueRules rules;
    private final PlanSelector selector;
    private final Router router;
    private final ProvinceNotes notes;
    private final Fallbacks fallbacks;
    private final ApplicationEventPublisher<QuestionAnswered> events;
    private final Candidates candidates;

    AssistantService(MessageValidator validator, DialogueStateStore states, Understander understander,
                     DialogueRules rules, PlanSelector selector, Router router, ProvinceNotes notes,
                     Fallbacks fallbacks, ApplicationEventPublisher<QuestionAnswered> events, Candidates candidates) {
        this.candidates = candidates;
        this.validator = validator;
        this.states = states;
        this.understander = understander;
        this.rules = rules;
        this.selector = selector;
        this.router = router;
        this.notes = notes;
        this.fallbacks = fallbacks;
        this.events = events;
    }

    @Override
    public Answer answer(Question question) {
        long start = System.nanoTime();
        Optional<String> problem = validator.problem(question.text());
        if (problem.isPresent()) {
            Answer invalid = new Answer(UUID.randomUUID().toString(), question.sessionId(), problem.get(),
                    Intent.INVALID.label(), 1.0, true, List.of(), List.of(), null, null, "khac");
            events.publishEvent(new QuestionAnswered(question, invalid, Instant.now(), (System.nanoTime() - start) / 1000));
            return invalid;
        }
        // a session made for this question has no earlier turn: no read of the (possibly shared, remote) store
        DialogueState state = question.newSession() ? DialogueState.EMPTY : states.get(question.sessionId());
        // the message is read (normalised, folded, tagged) once; everything downstream shares that reading
        Reading reading = understander.read(question.text().strip());
        Understanding u = understand(reading, state, question.province());
        Reply reply;
        // the answerers' retrievals of this question share their searches, and nothing after it
        try (Candidates.Question retrieval = candidates.open()) {
            reply = notes.apply(u, router.route(u));
        }
        DialogueState next = reply.session() == null ? state : reply.session();
        if (!(question.newSession() && next.isEmpty())) {
            // the store skips the write when the state did not change (a repeated question)
            states.put(question.sessionId(), next.isEmpty() ? next : next.withQuestion(reading.folded()));
        }
        Intent logged = u.refusal() != null ? u.refusal() : u.intent();
        Answer answer = new Answer(UUID.randomUUID().toString(), question.sessionId(), reply.text(),
                logged.label(), round(reply.confidence()), reply.fallback(), reply.sources(),
                reply.fallback() && reply.suggestions().isEmpty() && u.refusal() == null ? fallbacks.suggestions()
                        : reply.suggestions(),
                u.refusal() != null ? null : u.province(),
                u.refusal() != null || u.agency() == null ? null : u.agency().name(), reply.topic());
        events.publishEvent(new QuestionAnswered(question, answer, Instant.now(), (System.nanoTime() - start) / 1000));
        return answer;
    }

    Understanding understand(String text, DialogueState state, String chosenProvince) {
        return understand(understander.read(text), state, chosenProvince);
    }

    private Understanding understand(Reading reading, DialogueState state, String chosenProvince) {
        Understanding merged = rules.merge(reading, state, chosenProvince);
        PlanSelector.Selection selection = selector.select(merged, reading.entities().wantsDraft());
        Understanding selected = merged.withPlans(selection.plans(), selection.others());
        // "Kế hoạch 597: …" names its province through its number: answers are about that plan, as sure
        // as when the province is named
        if (selection.byNumber() && merged.province() == null && selection.plans().size() == 1) {
            selected = selected.withProvince(selection.plans().get(0).meta().province());
        }
        return selected;
    }

    private static double round(double v) {
        return Math.round(Math.max(0, Math.min(1, v)) * 1000) / 1000.0;
    }
}
