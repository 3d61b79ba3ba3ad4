package vn.hoidap.upload;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.assistant.Answer;
import vn.hoidap.assistant.Assistant;
import vn.hoidap.assistant.Question;
import vn.hoidap.assistant.Source;
import vn.hoidap.corpus.CorpusConfig;
import vn.hoidap.corpus.Knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The service's own question sets ({@code corpus/eval/*.jsonl}, graded as EvalSetsTest and score.py grade:
 * folded substring groups in the answer and its sources, {@code fallback} for out-of-scope items) and a new
 * plan's probes, run through the real assistant on a candidate generation of the knowledge
 * ({@link Knowledge#trial}: only this thread reads it), against the live generation's results. Results are
 * kept with the generation they were measured on, so the live side is measured once, not on every publish.
 */
@Singleton
class RegressionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RegressionRunner.class);
    /** Questions asked by the gate go to the assistant on this channel; the query log leaves them out. */
    static final String CHANNEL = "regression";
    private static final String RESULTS = "regression.results";

    private final Assistant assistant;
    private final Knowledge knowledge;
    private final UploadConfig config;
    private final Path evalDir;

    RegressionRunner(Assistant assistant, Knowledge knowledge, UploadConfig config, CorpusConfig corpus) {
        this.assistant = assistant;
        this.knowledge = knowledge;
        this.config = config;
        this.evalDir = Path.of(corpus.dir(), "eval");
    }

    /** How far a run is: the number of questions it will ask, then one call per question asked. */
    interface Progress {
        Progress NONE = new Progress() {
            @Override
            public void total(int questions) {
            }

            @Override
            public void asked() {
            }
        };

        void total(int questions);

        void asked();
    }

    /** Per set, per question id: passed or not. */
    record Results(Map<String, Map<String, Boolean>> bySet) {
    }

    RegressionReport run(Knowledge candidate, List<Probes.Probe> probes) {
        return run(candidate, probes, Progress.NONE);
    }

    RegressionReport run(Knowledge candidate, List<Probes.Probe> probes, Progress progress) {
        long start = System.nanoTime();
        Knowledge live = knowledge.current();
        int questions = questions();
        // the live side is measured once per generation: a second publish asks only the candidate's questions
        progress.total((live.hasDerived(RESULTS) ? 0 : questions) + questions + probes.size());
        Results before = results(live, progress);
        Results after = results(candidate, progress);
        List<RegressionReport.SetScore> sets = new ArrayList<>();
        List<String> regressions = new ArrayList<>();
        int lost = 0;
        for (Map.Entry<String, Map<String, Boolean>> e : before.bySet().entrySet()) {
            Map<String, Boolean> a = after.bySet().getOrDefault(e.getKey(), Map.of());
            int b = (int) e.getValue().values().stream().filter(x -> x).count();
            int n = (int) a.values().stream().filter(x -> x).count();
            sets.add(new RegressionReport.SetScore(e.getKey(), e.getValue().size(), b, n));
            lost += Math.max(0, b - n);
            e.getValue().forEach((id, ok) -> {
                if (ok && !a.getOrDefault(id, false)) {
                    regressions.add(e.getKey() + ": " + id);
                }
            });
        }
        List<RegressionReport.ProbeFailure> failures = new ArrayList<>();
        int passed = 0;
        for (Probes.Probe p : probes) {
            Answer a = knowledge.trial(candidate, () -> assistant.answer(new Question(p.question(),
                    "regression-" + UUID.randomUUID(), CHANNEL)));
            progress.asked();
            String text = answerText(a);
            if (!a.fallback() && p.expected().stream().anyMatch(x -> text.contains(fold(x)))) {
                passed++;
            } else {
                failures.add(new RegressionReport.ProbeFailure(p.question(), String.join(" | ", p.expected()),
                        a.text().lines().findFirst().orElse("")));
            }
        }
        // a plan with nothing to probe (no task, no target read) cannot be vouched for: it is not published
        double rate = probes.isEmpty() ? 0.0 : (double) passed / probes.size();
        boolean scoreKept = lost <= config.tolerance();
        boolean probesOk = rate >= config.probePassRate();
        String message;
        if (scoreKept && probesOk) {
            message = "Đạt: bộ câu hỏi hiện có không giảm điểm; " + passed + "/" + probes.size()
                    + " câu hỏi kiểm tra kế hoạch mới được trả lời đúng.";
        } else if (!scoreKept) {
            message = "Không đăng: bộ câu hỏi hiện có giảm " + lost + " câu trả lời đúng (" + String.join(", ",
                    regressions.subList(0, Math.min(5, regressions.size()))) + (regressions.size() > 5 ? ", …" : "") + ").";
        } else if (probes.isEmpty()) {
            message = "Không đăng: chưa đọc được nhiệm vụ hay mục tiêu nào của kế hoạch mới để kiểm tra; "
                    + "hãy bổ sung ở trang rà soát rồi đăng lại.";
        } else {
            message = String.format(Locale.ROOT, "Không đăng: chỉ %d/%d câu hỏi kiểm tra kế hoạch mới được trả lời đúng "
                    + "(%.0f%%, cần ít nhất %.0f%%).", passed, probes.size(), rate * 100, config.probePassRate() * 100);
        }
        LOG.info("Regression gate: {} (sets {}, probes {}/{}) in {} ms", scoreKept && probesOk ? "passed" : "refused",
                sets, passed, probes.size(), (System.nanoTime() - start) / 1_000_000);
        return new RegressionReport(scoreKept && probesOk, message, sets, regressions, probes.size(), passed,
                Math.round(rate * 1000) / 1000.0, failures);
    }

    /** The sets' results on one generation, measured once per generation and kept with it. */
    Results results(Knowledge generation) {
        return results(generation, Progress.NONE);
    }

    Results results(Knowledge generation, Progress progress) {
        return generation.derived(RESULTS, g -> measure(generation, progress));
    }

    /** How many items the chosen sets hold (non-blank lines). */
    private int questions() {
        int n = 0;
        for (Path set : sets()) {
            n += (int) lines(set).stream().filter(l -> !l.isBlank()).count();
        }
        return n;
    }

    private Results measure(Knowledge generation, Progress progress) {
        Map<String, Map<String, Boolean>> bySet = new LinkedHashMap<>();
        for (Path set : sets()) {
            Map<String, Boolean> results = new LinkedHashMap<>();
            int line = 0;
            for (String l : lines(set)) {
                line++;
                if (l.isBlank()) {
                    continue;
                }
                JsonNode item;
                try {
                    item = SheetFiles.JSON.readTree(l);
                } catch (IOException e) {
                    continue;
                }
                List<String> turns = new ArrayList<>();
                if (item.has("turns")) {
                    item.get("turns").forEach(t -> turns.add(t.asText()));
                } else {
                    turns.add(item.path("q").asText());
                }
                String session = "regression-" + UUID.randomUUID();
                Answer last = knowledge.trial(generation, () -> {
                    Answer a = null;
                    for (String turn : turns) {
                        a = assistant.answer(new Question(turn, session, CHANNEL));
                    }
                    return a;
                });
                progress.asked();
                String id = item.path("id").asText(set.getFileName() + ":" + line);
                results.put(id, last != null && grade(item, last));
            }
            bySet.put(set.getFileName().toString(), results);
        }
        return new Results(bySet);
    }

    private List<Path> sets() {
        if (!Files.isDirectory(evalDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(evalDir)) {
            List<String> chosen = config.regressionSets();
            return files.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .filter(p -> chosen == null || chosen.isEmpty() || chosen.contains(p.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean grade(JsonNode item, Answer a) {
        if (item.path("oos").asBoolean(false)) {
            return a.fallback();
        }
        if (a.fallback()) {
            return false;
        }
        String text = answerText(a);
        for (JsonNode group : item.path("all")) {
            boolean any = false;
            for (JsonNode alt : group) {
                any |= text.contains(fold(alt.asText()));
            }
            if (!any) {
                return false;
            }
        }
        for (JsonNode bad : item.path("none")) {
            if (text.contains(fold(bad.asText()))) {
                return false;
            }
        }
        return true;
    }

    private static String answerText(Answer a) {
        StringBuilder sb = new StringBuilder(a.text());
        for (Source s : a.sources()) {
            sb.append('\n').append(s.title()).append(' ').append(s.section()).append(' ').append(s.snippet());
        }
        return fold(sb.toString());
    }

    /** As score.py folds: đ → d, no combining marks, lower case, runs of whitespace as one space. */
    static String fold(String s) {
        String t = (s == null ? "" : s).replace('đ', 'd').replace('Đ', 'D');
        t = Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{Mn}+", "");
        return t.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
