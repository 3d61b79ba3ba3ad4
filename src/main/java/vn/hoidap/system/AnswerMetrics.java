package vn.hoidap.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import vn.hoidap.assistant.QuestionAnswered;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Answers by channel, intent and fallback, and answer latency, from the {@link QuestionAnswered} event
 * every channel publishes: {@code hoidap_answers_total} and {@code hoidap_answer_latency_seconds} at
 * {@code /prometheus}. Tag values come from the request, so they are bounded: an unknown channel or intent
 * name is counted as "other", never as a new time series.
 */
@Singleton
class AnswerMetrics {

    private static final int MAX_TAG_VALUES = 64;
    private static final Pattern TAG_VALUE = Pattern.compile("[a-z0-9_.-]+");

    private final MeterRegistry registry;
    private final Set<String> intents = ConcurrentHashMap.newKeySet();
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();

    AnswerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void onAnswered(QuestionAnswered event) {
        String channel = bounded(channels, event.question().channel());
        String intent = bounded(intents, event.answer().intent());
        String fallback = String.valueOf(event.answer().fallback());
        counters.computeIfAbsent(channel + '|' + intent + '|' + fallback, k -> Counter.builder("hoidap.answers")
                .description("Answers given, by channel, intent and whether the assistant fell back")
                .tag("channel", channel).tag("intent", intent).tag("fallback", fallback)
                .register(registry)).increment();
        timers.computeIfAbsent(channel, k -> Timer.builder("hoidap.answer.latency")
                .description("Time to answer a question (understanding, search, wording)")
                .tag("channel", channel).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)).record(Duration.ofNanos(event.latencyMicros() * 1000));
    }

    private static String bounded(Set<String> seen, String value) {
        String v = value == null || value.isBlank() ? "none" : value.toLowerCase(Locale.ROOT);
        if (seen.contains(v)) {
            return v; // admitted before: the check below already passed (no regular expression per answer)
        }
        if (v.length() > 40 || !TAG_VALUE.matcher(v).matches()) {
            return "other";
        }
        if (seen.size() >= MAX_TAG_VALUES) {
            return "other";
        }
        seen.add(v);
        return v;
    }
}
