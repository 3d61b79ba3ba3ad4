package vn.hoidap.insights;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of the insights API, one record per report and per row. */
final class Reports {

    private Reports() {
    }

    @Serdeable
    record Volume(LocalDate from, LocalDate to, String bucket, long total, long unanswered, List<VolumeBucket> buckets) {
    }

    @Serdeable
    record VolumeBucket(LocalDate start, long count, long unanswered) {
    }

    /** A count under a name (a channel, a province): questions and how many got the honest fallback. */
    @Serdeable
    record Count(String name, long count, long unanswered) {
    }

    @Serdeable
    record Topics(LocalDate from, LocalDate to, long total, List<ThemeCount> themes) {
    }

    @Serdeable
    record ThemeCount(String id, String name, long count, double share, List<TopicCount> topics) {
    }

    @Serdeable
    record TopicCount(String id, String name, long count, double share) {
    }

    /** Top questions or unanswered questions, near-duplicates grouped. */
    @Serdeable
    record Questions(LocalDate from, LocalDate to, long total, List<QuestionGroup> groups) {
    }

    /** {@code question}: the most asked wording; {@code variants}: how many distinct wordings were merged. */
    @Serdeable
    record QuestionGroup(String question, long count, int variants, List<String> examples, @Nullable String topic,
                         Instant lastAskedAt) {
    }

    @Serdeable
    record Feedback(LocalDate from, LocalDate to, long questions, long rated, long helpful, long notHelpful,
                    @Nullable Double helpfulRate, @Nullable Double ratedShare, List<FeedbackByTheme> byTheme,
                    List<FeedbackComment> recentComments) {
    }

    @Serdeable
    record FeedbackByTheme(String theme, String name, long rated, long helpful, long notHelpful,
                           @Nullable Double helpfulRate) {
    }

    @Serdeable
    record FeedbackComment(Instant askedAt, @Nullable String question, String comment, boolean helpful) {
    }
}
