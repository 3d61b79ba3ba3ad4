package vn.hoidap.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code corpus/plans/<id>.yaml} as Jackson binds it (schema in corpus/README.md). {@link #validate} checks
 * what binding cannot: required fields present and non-blank, "~"-able keys present, known enum values, ISO
 * dates. Lists left out are null: a sheet that curates no targets is told apart from "targets: []".
 */
record PlanSheet(String id, String province, String kind, String number, String issueDate, String issuer,
                 String signer, String signerTitle, String status, String draftOf, String title, String textQuality,
                 String originalFile, Facts facts, List<TaskRow> tasks, List<TargetRow> targets,
                 List<DeadlineRow> deadlines, List<DutyRow> responsibilities) {

    record Facts(String implementsDecision, List<String> legalBasis, String funding, List<String> purpose,
                 List<String> requirements, List<String> recipients) {
    }

    record TaskRow(String id, String section, String number, String group, String title, String description,
                   List<String> lead, List<String> coordinate, String timeline, String result) {
    }

    record TargetRow(Integer year, String figure, String subject, String statement, String section) {
    }

    record DeadlineRow(String reporter, String recipient, String date, String recurrence, String what, String section) {
    }

    record DutyRow(String agency, String section, List<String> duties) {
    }

    /** Reads, binds and validates one sheet; every problem names the file and the field. */
    static PlanSheet read(Path file) {
        com.fasterxml.jackson.databind.JsonNode tree = CorpusYaml.tree(file);
        for (String key : List.of("id", "province", "kind", "number", "issueDate", "issuer", "signer", "status", "title",
                "textQuality", "originalFile")) {
            if (!tree.has(key)) {
                throw new CorpusException(file + ": missing field '" + key + "'");
            }
        }
        PlanSheet sheet = CorpusYaml.bind(file, tree, PlanSheet.class);
        sheet.validate(file);
        return sheet;
    }

    private void validate(Path file) {
        required(file, "id", id);
        required(file, "province", province);
        required(file, "kind", kind);
        required(file, "issuer", issuer);
        required(file, "title", title);
        required(file, "originalFile", originalFile);
        try {
            PlanStatus.parse(required(file, "status", status));
        } catch (IllegalArgumentException e) {
            throw new CorpusException(file + ": field 'status' " + e.getMessage());
        }
        try {
            TextQuality.parse(required(file, "textQuality", textQuality));
        } catch (IllegalArgumentException e) {
            throw new CorpusException(file + ": field 'textQuality' " + e.getMessage());
        }
        if (issueDate != null && !issueDate.strip().matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            throw new CorpusException(file + ": field 'issueDate' must be an ISO date (2022-03-03, 2022-05 or 2022), not '"
                    + issueDate + "'");
        }
        each(tasks, (t, at) -> {
            required(file, at + ".id", t.id());
            required(file, at + ".section", t.section());
            required(file, at + ".title", t.title());
        }, "tasks");
        each(targets, (t, at) -> {
            if (t.year() == null) {
                throw new CorpusException(file + ": missing field '" + at + ".year'");
            }
            required(file, at + ".figure", t.figure());
            required(file, at + ".subject", t.subject());
            required(file, at + ".statement", t.statement());
        }, "targets");
        each(deadlines, (d, at) -> {
            required(file, at + ".reporter", d.reporter());
            required(file, at + ".recipient", d.recipient());
            required(file, at + ".date", d.date());
            required(file, at + ".what", d.what());
        }, "deadlines");
        each(responsibilities, (r, at) -> required(file, at + ".agency", r.agency()), "responsibilities");
    }

    private static <T> void each(List<T> rows, java.util.function.BiConsumer<T, String> check, String field) {
        if (rows == null) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == null) {
                throw new CorpusException("field '" + field + "[" + i + "]' is empty");
            }
            check.accept(rows.get(i), field + "[" + i + "]");
        }
    }

    private static String required(Path file, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new CorpusException(file + ": field '" + field + "' is empty");
        }
        return value.strip();
    }

    /** The metadata people are shown; facts default to empty lists. */
    PlanMetadata metadata() {
        Facts f = facts == null ? new Facts(null, null, null, null, null, null) : facts;
        return new PlanMetadata(id.strip(), province.strip(), kind.strip(), blankToNull(number), blankToNull(issueDate),
                issuer.strip(), blankToNull(signer), blankToNull(signerTitle), PlanStatus.parse(status),
                title.strip(), TextQuality.parse(textQuality), originalFile.strip(), blankToNull(draftOf),
                new PlanMetadata.PlanFacts(blankToNull(f.implementsDecision()), clean(f.legalBasis()),
                        blankToNull(f.funding()), clean(f.purpose()), clean(f.requirements()), clean(f.recipients())));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static List<String> clean(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    out.add(v.strip());
                }
            }
        }
        return out;
    }
}
