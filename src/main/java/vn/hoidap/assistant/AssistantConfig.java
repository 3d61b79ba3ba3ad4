package vn.hoidap.assistant;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Limits and routing thresholds of the assistant.
 *
 * @param maxMessageLength   longer messages get a 400 (and a short refusal on messaging channels)
 * @param fallbackThreshold  below this confidence the best answer is not given: honest fallback instead
 * @param sure               a primary answer this well covered is taken as it is; below, other answerers get a say
 * @param outOfScopeSure     an out-of-scope verdict at least this sure short-cuts retrieval
 * @param outOfScopeOverride coverage of the question by one passage or FAQ that outweighs an out-of-scope verdict
 * @param smallTalkMaxWords  small talk with more subject words than this is a real question
 * @param existenceThreshold coverage a task needs to be the one an existence question asks about
 * @param supportingPassage  coverage a body passage needs to be added to a task or target answer as "Xem thêm"
 * @param planBoundOverride  coverage an answer read by the question's facet needs to outweigh an off-topic
 *                           verdict on a question that names a plan ("… ở Đồng Tháp?" asking who coordinates)
 * @param faqAnswerWeight    in choosing an FAQ entry, how much its answer's coverage of the question adds to
 *                           the match of its phrasings (people ask in the words of the fact they need)
 * @param faqMissingSpecific what an FAQ entry loses in that choice when its answer lacks the specific the
 *                           question asks (a number, a sum)
 */
@ConfigurationProperties("hoidap.assistant")
public record AssistantConfig(
        @Min(1) @Max(100_000) @Bindable(defaultValue = "1000") int maxMessageLength,
        @Bindable(defaultValue = "0.35") double fallbackThreshold,
        @Min(1) @Bindable(defaultValue = "30") int sessionTtlMinutes,
        @Min(1) @Bindable(defaultValue = "10000") int maxSessions,
        @Bindable(defaultValue = "0.6") double sure,
        @Bindable(defaultValue = "0.45") double outOfScopeSure,
        @Bindable(defaultValue = "0.7") double outOfScopeOverride,
        @Bindable(defaultValue = "3") int smallTalkMaxWords,
        @Bindable(defaultValue = "0.45") double existenceThreshold,
        @Bindable(defaultValue = "0.5") double supportingPassage,
        @Bindable(defaultValue = "0.5") double planBoundOverride,
        @Bindable(defaultValue = "0.3") double faqAnswerWeight,
        @Bindable(defaultValue = "0.3") double faqMissingSpecific) {
}
