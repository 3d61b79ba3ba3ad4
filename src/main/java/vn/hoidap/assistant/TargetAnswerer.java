package vn.hoidap.assistant;

import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.Target;
import vn.hoidap.search.UnitType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Targets by year: the target the question is about (with its figure first), or, when the question only
 * names a plan and maybe a year, the plan's targets for that year.
 */
@jakarta.inject.Singleton
final class TargetAnswerer implements Answerer {

    private static final double SPECIFIC = 0.34;

    private final Candidates candidates;
    private final Absence absence;
    /** Per plan, the "Mục tiêu" section that states figures, if the outline has one (found once). */
    private final vn.hoidap.corpus.Knowledge knowledge;

    /** "DVC" is "dịch vụ công" in the targets' own words (the searcher expands it; coverage does not). */
    private final vn.hoidap.text.analysis.Abbreviations abbreviations;

    TargetAnswerer(Candidates candidates, Absence absence, vn.hoidap.corpus.Knowledge knowledge,
                   vn.hoidap.corpus.CorpusConfig corpus) {
        this.abbreviations = vn.hoidap.text.analysis.Abbreviations.load(
                java.nio.file.Path.of(corpus.dir(), "abbreviations.txt"));
        this.candidates = candidates;
        this.absence = absence;
        this.knowledge = knowledge;
    }

    /** Found once per generation of the knowledge. */
    private java.util.Map<String, vn.hoidap.corpus.Section> targetsParts() {
        return knowledge.derived("assistant.targets-parts", k -> {
            java.util.Map<String, vn.hoidap.corpus.Section> parts = new java.util.HashMap<>();
            for (Plan p : k.plans()) {
                targetsPart(p.outline()).ifPresent(s -> parts.put(p.id(), s));
            }
            return java.util.Map.copyOf(parts);
        });
    }

    /** A section headed "Mục tiêu …" whose text has a percentage or a figure: the plan's targets part. */
    static Optional<vn.hoidap.corpus.Section> targetsPart(List<vn.hoidap.corpus.Section> sections) {
        for (vn.hoidap.corpus.Section s : sections) {
            String heading = vn.hoidap.text.Fold.fold(s.heading() == null ? "" : s.heading());
            if (heading.contains("muc tieu") && s.text() != null && s.text().matches("(?s).*\\d+\\s?%.*")) {
                return Optional.of(s);
            }
            Optional<vn.hoidap.corpus.Section> inner = targetsPart(s.children());
            if (inner.isPresent()) {
                return inner;
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Reply> answer(Understanding u) {
        return answer(u, false);
    }

    /** Only a target that covers the question's subject (another answerer's question may still be one). */
    Optional<Reply> specific(Understanding u) {
        return answer(u, true).filter(r -> !r.fallback());
    }

    private Optional<Reply> answer(Understanding u, boolean specificOnly) {
        if (u.plans().isEmpty()) {
            return Optional.empty();
        }
        if (u.acrossProvinces()) {
            return specificOnly ? Optional.empty() : acrossProvinces(u);
        }
        if (u.province() != null && u.plans().stream().allMatch(p -> p.targets().isEmpty())) {
            if (specificOnly) {
                return Optional.empty();
            }
            Plan plan = u.plans().get(0);
            vn.hoidap.corpus.Section part = targetsParts().get(plan.id());
            if (part == null && asksSubject(u)) {
                // a figure asked of a plan that sets none: honest absence, which a task or passage that does
                // hold the figure may still outweigh
                return Optional.of(noFigure(u, plan));
            }
            // Never say a plan sets no targets unless its targets part was found and holds none.
            return Optional.of(part == null ? noTargets(u, plan) : targetsText(u, plan, part));
        }
        List<Candidates.Scored> found = candidates.find(u.content(), u.plans(), UnitType.TARGET, 6, u.ownPlanIds());
        List<Picked> picked = new ArrayList<>();
        java.util.Set<String> own = u.ownPlanIds();
        Coverage.Query subject = subjectQuery(u);
        for (Candidates.Scored s : found) {
            candidates.plan(s.hit().planId()).ifPresent(p -> {
                int i = Candidates.index(s.hit());
                if (i >= 0 && i < p.targets().size()) {
                    double rank = subject == null ? s.coverage() : candidates.coverage().of(subject,
                            candidates.coverage().features(s.hit().title()), candidates.coverage().features(s.hit().text()));
                    picked.add(new Picked(p, p.targets().get(i), s.coverage(),
                            own.contains(p.id()) && own.size() < u.plans().size() ? Candidates.OWN_PROVINCE_BONUS : 0,
                            rank));
                }
            });
        }
        Optional<Reply> absent = absent(u, picked);
        if (absent.isPresent()) {
            return absent.get() == Reply.NOT_MINE ? Optional.empty() : absent;
        }
        if (u.askedYear() != null) {
            List<Picked> ofYear = picked.stream().filter(p -> p.target().year() == u.askedYear()).toList();
            if (!ofYear.isEmpty() || !picked.isEmpty()) {
                picked.retainAll(ofYear);
            }
        }
        picked.sort(Comparator.comparingDouble(p -> -(p.rank() + p.bonus())));
        if (!picked.isEmpty() && picked.get(0).fit() >= SPECIFIC) {
            Picked best = picked.get(0);
            List<Picked> shown = new ArrayList<>();
            shown.add(best);
            // A question can match a pair of targets (2025 and 2030 of the same subject): show both.
            for (Picked p : picked.subList(1, picked.size())) {
                if (shown.size() < 3 && p.fit() >= best.fit() - 0.05 && p.plan() == best.plan()) {
                    shown.add(p);
                }
            }
            // Today's merged province: the former province's plan may set the same target, and the question
            // is about both ("Đồng Nai" today includes former Bình Phước).
            for (Picked p : picked) {
                String province = p.plan().meta().province();
                // named in the question itself ("Đồng Nai hiện nay, gồm cả Bình Phước cũ"): any target of it
                // that covers the subject belongs in the answer, however the two plans word it
                boolean named = !province.equals(u.province()) && (" " + u.folded() + " ").contains(
                        " " + vn.hoidap.text.Fold.fold(province).toLowerCase(java.util.Locale.ROOT) + " ");
                if (shown.stream().noneMatch(x -> x.plan().meta().province().equals(province))
                        && p.fit() >= (named ? SPECIFIC : Math.max(SPECIFIC, best.fit() - 0.1))) {
                    shown.add(p);
                }
            }
            // how well the subject is covered, figure words aside, is the confidence too
            return Optional.of(reply(u, shown, best.fit()));
        }
        if (specificOnly || asksSubject(u) && u.subjectWords() > 1) {
            // a subject no target covers is not answered by the plan's whole list: others may know it
            return Optional.empty();
        }
        // Nothing specific: list the plan's targets (for the year asked, if any).
        Plan plan = u.plans().get(0);
        List<Picked> all = plan.targets().stream()
                .filter(t -> u.askedYear() == null || t.year() == u.askedYear())
                .map(t -> new Picked(plan, t, 0.5)).toList();
        if (all.isEmpty() || u.province() == null) {
            return picked.isEmpty() ? Optional.empty() : Optional.of(reply(u, List.of(picked.get(0)), picked.get(0).coverage()));
        }
        return Optional.of(reply(u, all, 0.6));
    }

    /**
     * {@code bonus}: the asked province's own plans win close calls over a merged province's; {@code rank}: the
     * coverage of the asked subject alone, which orders the targets.
     */
    private record Picked(Plan plan, Target target, double coverage, double bonus, double rank) {
        Picked(Plan plan, Target target, double coverage) {
            this(plan, target, coverage, 0, coverage);
        }

        /** How well the target covers the question: as a whole, or its subject with the figure words aside. */
        double fit() {
            return Math.max(coverage, rank);
        }
    }

    /**
     * Words that ask for a figure, not what it measures ("tỷ lệ trường có hoạt động STEM là bao nhiêu?" asks
     * about STEM): a target that merely says "tỷ lệ" of another subject must not outrank the one about STEM.
     */
    private static final List<String> FIGURE_WORDS = List.of("ty le", "ti le", "muc tieu", "chi tieu", "phan tram",
            "con so");

    /** The question's subject without its figure words, or null when it has none (the ranking is then coverage). */
    private Coverage.Query subjectQuery(Understanding u) {
        List<String> drop = new ArrayList<>(FIGURE_WORDS);
        if (u.province() != null) {
            // "Đồng Nai mới …, Bình Phước cũ": the words that date a province name no subject
            drop.addAll(PROVINCE_QUALIFIERS);
        }
        String rest = abbreviations.expand(ContentWords.without(u.content(), drop));
        if (rest.isBlank() || rest.equals(u.content())) {
            return null;
        }
        return candidates.coverage().query(rest);
    }

    /** "mới" (today's) and "cũ" (former) said of a province; only dropped when the question names one. */
    private static final List<String> PROVINCE_QUALIFIERS = List.of("moi", "cu");

    /**
     * A year the selected plans set no target for, or a sum of money no target holds: said as such, with the
     * years the plans do set targets for and the closest target as context.
     */
    private Optional<Reply> absent(Understanding u, List<Picked> picked) {
        List<Plan> withTargets = u.plans().stream().filter(p -> !p.targets().isEmpty()).toList();
        if (withTargets.isEmpty()) {
            return Optional.empty();
        }
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
        withTargets.forEach(p -> p.targets().forEach(t -> years.add(t.year())));
        Picked best = picked.stream().max(Comparator.comparingDouble(p -> p.coverage() + p.bonus())).orElse(null);
        // the figure must be the asked year's: the closest target of that year is the one checked
        Picked bestOfYear = u.askedYear() == null ? best : picked.stream().filter(p -> p.target().year() == u.askedYear())
                .max(Comparator.comparingDouble(p -> p.coverage() + p.bonus())).orElse(null);
        String missing = null;
        int firstYear = withTargets.stream().mapToInt(p -> yearOf(p.meta().issueDate())).min().orElse(0);
        if (u.askedYear() != null ? u.askedYear() < firstYear : onlyYearsBefore(u.text(), firstYear)) {
            // a year or period before the plan ("giai đoạn 2016-2021"): the situation it describes, not a
            // target (passages answer it)
            return Optional.of(Reply.NOT_MINE);
        }
        Coverage.Features bestText = best == null ? Coverage.Features.EMPTY
                : candidates.coverage().features(best.target().statement());
        if (u.askedYear() != null && !years.contains(u.askedYear())) {
            missing = "chỉ tiêu cho năm " + u.askedYear();
        } else if (u.specifics().amount() && !bestText.money()) {
            missing = "số tiền cụ thể";
        } else if (u.specifics().counted() != null && bestOfYear != null && bestOfYear.coverage() >= SPECIFIC
                && !Absence.hasCounted(new Coverage.Features[] {
                        candidates.coverage().features(bestOfYear.target().statement()),
                        candidates.coverage().features(bestOfYear.target().subject())}, u.specifics().counted())) {
            // "bao nhiêu chuyên gia": the closest target counts something else (engineers)
            missing = "chỉ tiêu về «" + u.specifics().counted() + "»" + (u.askedYear() == null ? "" : " cho năm " + u.askedYear());
        }
        if (missing == null) {
            return Optional.empty();
        }
        StringBuilder nearest = new StringBuilder("các chỉ tiêu được đặt cho năm ")
                .append(Wording.join(years.stream().map(String::valueOf).toList())).append('.');
        List<Source> sources = new ArrayList<>();
        if (best != null && best.coverage() >= SPECIFIC) {
            nearest.append(" Gần nhất với câu hỏi: đến năm ").append(best.target().year()).append(", ")
                    .append(Wording.sentence(best.target().statement()));
            sources.add(Wording.source(best.plan(), best.target().section(), "Mục tiêu đến năm " + best.target().year(),
                    best.target().statement()));
        }
        return Optional.of(absence.reply(u, best == null ? withTargets.subList(0, 1) : List.of(best.plan()), missing,
                nearest.toString(), sources, List.of()));
    }

    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("(?<!\\d)(?:19|20)\\d\\d(?!\\d)");

    /** Whether the text names years and every one is before {@code first} (a past period, not a target). */
    static boolean onlyYearsBefore(String text, int first) {
        java.util.regex.Matcher m = YEAR.matcher(text == null ? "" : text);
        boolean any = false;
        while (m.find()) {
            if (Integer.parseInt(m.group()) >= first) {
                return false;
            }
            any = true;
        }
        return any && first > 0;
    }

    private static int yearOf(String iso) {
        return iso != null && iso.length() >= 4 && iso.substring(0, 4).chars().allMatch(Character::isDigit)
                ? Integer.parseInt(iso.substring(0, 4)) : 0;
    }

    /** Targets the extraction did not list but the "Mục tiêu" part states: quoted from the document. */
    private static Reply targetsText(Understanding u, Plan plan, vn.hoidap.corpus.Section part) {
        String text = "Theo " + Wording.plan(plan) + " (" + Wording.section(part.path()) + ", " + part.heading()
                + "): «" + Wording.shorten(part.text(), 700) + "»";
        DialogueState next = DialogueState.after(u, plan.id(), plan.meta().province(), DialogueState.SECTION, part.path());
        return Reply.answer(text, List.of(Wording.source(plan, part.path(), part.heading(), part.text())), 0.6, next,
                Reply.TOPIC_FROM_QUESTION);
    }

    /** Whether the question names a subject of its own ("… bao nhiêu % người dân dùng dịch vụ công …"). */
    private static boolean asksSubject(Understanding u) {
        return u.subjectWords() > 0 || u.specifics().percent() || u.specifics().counted() != null;
    }

    /**
     * A figure asked of a plan that sets no yearly targets: said as such, with what the plan aims at instead
     * as context. Unsure (below the router's "sure"), so a task or passage that does state the figure wins.
     */
    private static Reply noFigure(Understanding u, Plan plan) {
        StringBuilder sb = new StringBuilder("Tôi không tìm thấy chỉ tiêu hay con số bạn hỏi trong ")
                .append(Wording.plan(plan)).append(": kế hoạch không đặt mục tiêu định lượng theo năm.");
        List<String> purpose = plan.meta().facts().purpose();
        if (!purpose.isEmpty()) {
            sb.append(" Mục đích của kế hoạch: ").append(Wording.shorten(purpose.get(0), 300));
        }
        DialogueState next = DialogueState.after(u, plan.id(), plan.meta().province(), DialogueState.TARGET, null);
        return new Reply(sb.toString(), List.of(), List.of(), true, 0.5, next, Reply.TOPIC_FROM_QUESTION);
    }

    /** A plan without yearly targets (Bình Định's) says so, and what it aims at instead. */
    private static Reply noTargets(Understanding u, Plan plan) {
        StringBuilder sb = new StringBuilder(Wording.plan(plan)).append(" không đặt mục tiêu định lượng theo năm.");
        List<String> purpose = plan.meta().facts().purpose();
        if (!purpose.isEmpty()) {
            sb.append(" Mục đích của kế hoạch:\n- ").append(String.join("\n- ", purpose));
        }
        DialogueState next = DialogueState.after(u, plan.id(), plan.meta().province(), DialogueState.TARGET, null);
        return Reply.answer(sb.toString(), List.of(Wording.source(plan, null, "Mục đích, yêu cầu", String.join(" ", purpose))),
                0.7, next, Reply.TOPIC_FROM_QUESTION);
    }

    private static final java.util.regex.Pattern FIGURE = java.util.regex.Pattern.compile("\\d+(?:[.,]\\d+)?\\s?%");

    /**
     * "Những tỉnh nào đặt mục tiêu 80% … đến 2030?": the best-matching target of every plan in scope, kept
     * when it matches well and, if the question names a figure, has that figure.
     */
    private Optional<Reply> acrossProvinces(Understanding u) {
        java.util.regex.Matcher fm = FIGURE.matcher(u.text());
        String figure = fm.find() ? fm.group().replace(" ", "") : null;
        List<Picked> best = new ArrayList<>();
        for (Plan plan : u.plans()) {
            candidates.find(u.content(), List.of(plan), UnitType.TARGET, 8).stream()
                    .map(s -> {
                        int i = Candidates.index(s.hit());
                        return i < 0 || i >= plan.targets().size() ? null : new Picked(plan, plan.targets().get(i), s.coverage());
                    })
                    .filter(p -> p != null && (u.askedYear() == null || p.target().year() == u.askedYear()))
                    .filter(p -> figure == null || p.target().statement().replace(" ", "").contains(figure))
                    .max(Comparator.comparingDouble(Picked::coverage))
                    .filter(p -> p.coverage() >= SPECIFIC)
                    .ifPresent(best::add);
        }
        if (best.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        lines.add(best.size() == 1 ? "Trong các kế hoạch hiện có, chỉ tỉnh " + best.get(0).plan().meta().province()
                + " có mục tiêu này:" : "Các tỉnh có mục tiêu này:");
        for (Picked p : best) {
            lines.add("- " + p.plan().meta().province() + " (" + Wording.plan(p.plan()) + "), đến năm "
                    + p.target().year() + ": " + Wording.sentence(p.target().statement()));
            sources.add(Wording.source(p.plan(), p.target().section(), "Mục tiêu đến năm " + p.target().year(),
                    p.target().statement()));
        }
        double confidence = best.stream().mapToDouble(Picked::coverage).average().orElse(0);
        return Optional.of(Reply.answer(String.join("\n", lines), sources, confidence, u.state(), Reply.TOPIC_FROM_QUESTION));
    }

    private static Reply reply(Understanding u, List<Picked> shown, double confidence) {
        List<String> lines = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        Plan plan = shown.get(0).plan();
        lines.add("Theo " + Wording.plan(plan) + ", mục tiêu" + (shown.size() > 1 ? " gồm" : "") + ":");
        for (Picked p : shown) {
            Target t = p.target();
            lines.add("- Đến năm " + t.year() + ": " + Wording.sentence(t.statement()) + " ["
                    + Wording.section(t.section()) + "]");
            sources.add(Wording.source(p.plan(), t.section(), "Mục tiêu đến năm " + t.year(), t.statement()));
        }
        if (plan.meta().isDraft()) {
            lines.add("(Đây là bản dự thảo; bản kế hoạch đã ban hành mới có giá trị.)");
        }
        DialogueState next = DialogueState.after(u, plan.id(), plan.meta().province(), DialogueState.TARGET,
                shown.size() == 1 ? String.valueOf(plan.targets().indexOf(shown.get(0).target())) : null);
        return Reply.answer(String.join("\n", lines), sources.stream().limit(5).toList(), confidence, next,
                Reply.TOPIC_FROM_QUESTION);
    }
}
