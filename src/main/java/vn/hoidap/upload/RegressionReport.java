package vn.hoidap.upload;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What the regression gate found: each question set before and after (on the live and the candidate
 * generation), the questions that passed before and fail now, the new plan's probes, and the verdict.
 */
@Serdeable
public record RegressionReport(boolean passed, String message, List<SetScore> sets, List<String> regressions,
                               int probes, int probesPassed, double probeRate, List<ProbeFailure> probeFailures) {

    @Serdeable
    public record SetScore(String set, int total, int before, int after) {
    }

    @Serdeable
    public record ProbeFailure(String question, String expected, String answer) {
    }
}
