package vn.hoidap.upload;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An uploaded plan as a person reviews it: metadata prefilled from the document and the extraction as rows
 * (the fields of a curated {@code corpus/plans/<id>.yaml} sheet), each cell correctable. Once published it
 * is loaded exactly as a committed plan with a curated sheet.
 */
@Serdeable
public record PlanDraft(Meta meta, List<TaskRow> tasks, List<TargetRow> targets, List<DeadlineRow> deadlines) {

    public PlanDraft {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        targets = targets == null ? List.of() : List.copyOf(targets);
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    }

    @Serdeable
    public record Meta(@Nullable String id, @Nullable String province, @Nullable String kind, @Nullable String number,
                       @Nullable String issueDate, @Nullable String issuer, @Nullable String signer,
                       @Nullable String signerTitle, @Nullable String status, @Nullable String title,
                       @Nullable String textQuality) {
    }

    @Serdeable
    public record TaskRow(@Nullable String id, @Nullable String section, @Nullable String number, @Nullable String title,
                          @Nullable List<String> lead, @Nullable List<String> coordinate, @Nullable String timeline,
                          @Nullable String result) {
        public TaskRow {
            lead = lead == null ? List.of() : List.copyOf(lead);
            coordinate = coordinate == null ? List.of() : List.copyOf(coordinate);
        }
    }

    @Serdeable
    public record TargetRow(@Nullable Integer year, @Nullable String figure, @Nullable String subject,
                            @Nullable String statement, @Nullable String section) {
    }

    @Serdeable
    public record DeadlineRow(@Nullable String reporter, @Nullable String recipient, @Nullable String date,
                              @Nullable String recurrence, @Nullable String what, @Nullable String section) {
    }
}
