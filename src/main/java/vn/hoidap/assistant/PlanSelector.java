package vn.hoidap.assistant;

import jakarta.inject.Singleton;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.Province;
import vn.hoidap.corpus.ProvinceDirectory;
import vn.hoidap.corpus.Target;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the plans an answer comes from, when a province has several (of different years and topics):
 * <ol>
 * <li>a document number in the question ("Kế hoạch 179") selects that plan;</li>
 * <li>a year or period ("giai đoạn 2026–2030", "đến 2025") selects the plans whose horizon covers it;</li>
 * <li>a topic word found in one plan's title and not the others' ("kinh tế số", "nguồn nhân lực") selects it;</li>
 * <li>otherwise the newest issued plan comes first and the others follow, so a unit is still found in any.</li>
 * </ol>
 * Today's province brings the plans of the provinces merged into it in 2025 after its own (today's Đồng
 * Nai = its own plans + former Bình Phước's). Drafts only when asked for. Profiles are computed once.
 */
@Singleton
final class PlanSelector {

    private static final Pattern YEAR = Pattern.compile("\\b(20[1-4]\\d)\\b");
    /** A period in a question, with or without "giai đoạn": "2026-2030", "2026 – 2030". */
    private static final Pattern ANY_PERIOD = Pattern.compile("\\b(20[1-9]\\d)\\s*[-–—]\\s*(20[1-9]\\d)\\b");
    private static final Pattern PERIOD = Pattern.compile("giai đoạn\\s+(20[1-4]\\d)\\s*[-–—]\\s*(20[1-4]\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** What selection needs of a plan, computed once: its horizon, number and title words. */
    record Profile(int from, int to, String numberKey, Set<String> titleWords, Set<String> titlePairs) {
        boolean covers(int year) {
            return year >= from && year <= to;
        }

        /** How well the plan's horizon fits a period: the overlap over the union (1 when they are the same). */
        double fit(int a, int b) {
            int overlap = Math.min(to, b) - Math.max(from, a) + 1;
            int union = Math.max(to, b) - Math.min(from, a) + 1;
            return overlap <= 0 ? 0 : (double) overlap / union;
        }
    }

    /** The selected plans in order (the first is the one a plan-level answer names) and the rest of the province's. */
    record Selection(List<Plan> plans, List<Plan> others, boolean byNumber) {
        Selection(List<Plan> plans, List<Plan> others) {
            this(plans, others, false);
        }
    }

    private final Knowledge knowledge;

    /** A title pair tells a plan's topic only when both its words are this rare ("triển khai" is not). */
    private static final double TOPICAL_WEIGHT = 2.5;

    private final Coverage coverage;

    /**
     * Each plan's profile, and the title pairs most plans share ("chuyển đổi", "phát triển": they tell no plan
     * from another), built once per generation of the knowledge (a published plan changes both).
     */
    private record Profiles(Map<String, Profile> byPlan, Set<String> genericPairs) {
    }

    private final SelectionCues cues;

    private final vn.hoidap.text.analysis.Abbreviations abbreviations;

    PlanSelector(Knowledge knowledge, Candidates candidates, SelectionCues cues, vn.hoidap.corpus.CorpusConfig corpus) {
        this.knowledge = knowledge;
        this.coverage = candidates.coverage();
        this.cues = cues;
        // "nguồn nhân lực CNTT" is the title's "nguồn nhân lực công nghệ thông tin"
        this.abbreviations = vn.hoidap.text.analysis.Abbreviations.load(
                java.nio.file.Path.of(corpus.dir(), "abbreviations.txt"));
    }

    private Profiles derivedProfiles() {
        return knowledge.derived("assistant.plan-profiles", k -> {
            Map<String, Profile> byPlan = new HashMap<>();
            Map<String, Integer> df = new HashMap<>();
            for (Plan p : k.plans()) {
                Profile profile = profile(p);
                byPlan.put(p.id(), profile);
                profile.titlePairs().forEach(w -> df.merge(w, 1, Integer::sum));
            }
            Set<String> generic = new HashSet<>();
            df.forEach((w, n) -> {
                if (n * 2 > k.plans().size()) {
                    generic.add(w);
                }
            });
            return new Profiles(Map.copyOf(byPlan), Set.copyOf(generic));
        });
    }

    private Map<String, Profile> profiles() {
        return derivedProfiles().byPlan();
    }

    static Profile profile(Plan p) {
        int issued = year(p.meta().issueDate()).orElse(2000);
        int to = issued;
        // "giai đoạn 2026 - 2030": the plan's period starts after it was issued
        Matcher period = PERIOD.matcher(p.meta().title() == null ? "" : p.meta().title());
        if (period.find()) {
            issued = Integer.parseInt(period.group(1));
        }
        Matcher m = YEAR.matcher(p.meta().title() == null ? "" : p.meta().title());
        while (m.find()) {
            to = Math.max(to, Integer.parseInt(m.group(1)));
        }
        for (Target t : p.targets()) {
            to = Math.max(to, t.year());
        }
        String number = p.meta().number() == null ? null : p.meta().number().split("/")[0].strip();
        List<String> tokens = ContentWords.tokens(p.meta().title() == null ? "" : p.meta().title());
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            pairs.add(tokens.get(i) + " " + tokens.get(i + 1));
        }
        return new Profile(issued, to, number, Set.copyOf(tokens), Set.copyOf(pairs));
    }

    Profile profile(String planId) {
        return profiles().get(planId);
    }

    Selection select(Understanding u, boolean wantsDraft) {
        String number = u.specifics().documentNumber();
        List<Plan> own;
        List<Plan> merged;
        Optional<Province> province = u.province() == null ? Optional.empty() : knowledge.provinces().resolve(u.province());
        if (province.isPresent()) {
            ProvinceDirectory.ProvincePlans pp = knowledge.provinces().plansFor(province.get(), knowledge.plans());
            own = drafts(pp.own(), wantsDraft);
            // a question about the draft is about that document alone
            merged = own.stream().anyMatch(p -> p.meta().isDraft()) ? List.of() : drafts(pp.merged(), wantsDraft);
        } else {
            own = drafts(knowledge.plans(), wantsDraft);
            merged = List.of();
        }
        List<Plan> pool = new ArrayList<>(own);
        pool.addAll(merged);
        // 0. a follow-up on the same province stays with the plan the conversation is about
        String statePlan = u.state().planId();
        if (u.followUp() && statePlan != null && number == null && province.isPresent()
                && u.province().equals(u.state().province())) {
            List<Plan> kept = pool.stream().filter(p -> p.id().equals(statePlan)).toList();
            if (!kept.isEmpty()) {
                return new Selection(kept, rest(pool, kept));
            }
        }
        // 1. a document number
        if (number != null) {
            List<Plan> named = pool.stream().filter(p -> number.equals(profiles().get(p.id()).numberKey())).toList();
            if (named.isEmpty() && province.isEmpty()) {
                named = List.of();
            }
            if (!named.isEmpty() && province.isPresent() && own.size() + merged.size() > 1
                    && cues.verifies(Phrases.padded(u.text()), number)) {
                // "… nằm trong kế hoạch nào, có phải KH 179 không?": the number is a guess to check, so every
                // plan of the province is searched and the answer names the one that holds it
                List<Plan> all = new ArrayList<>(newestFirst(own));
                all.addAll(newestFirst(merged));
                return new Selection(all, all.subList(1, all.size()));
            }
            if (!named.isEmpty()) {
                return new Selection(named, rest(pool, named), true);
            }
        }
        if (province.isEmpty()) {
            // no province: every plan, newest first within each province (answerers compare across them)
            return new Selection(newestFirst(own), List.of());
        }
        // 2a. a period ("giai đoạn 2026-2030"): the plan whose horizon fits it clearly best
        java.util.regex.Matcher period = u.text() == null ? null : ANY_PERIOD.matcher(u.text());
        if (period != null && period.find() && own.size() > 1) {
            int a = Integer.parseInt(period.group(1));
            int b = Integer.parseInt(period.group(2));
            List<Plan> byFit = own.stream().sorted(Comparator.comparingDouble((Plan p) -> -profiles().get(p.id()).fit(a, b)))
                    .toList();
            double first = profiles().get(byFit.get(0).id()).fit(a, b);
            double second = profiles().get(byFit.get(1).id()).fit(a, b);
            if (first > 0 && first >= second + 0.2) {
                List<Plan> selected = List.of(byFit.get(0));
                return new Selection(selected, rest(pool, selected));
            }
        }
        // 2. a year or period covered by some of the province's own plans but not all
        if (u.year() != null && own.size() > 1) {
            List<Plan> covering = own.stream().filter(p -> profiles().get(p.id()).covers(u.year())).toList();
            if (!covering.isEmpty() && covering.size() < own.size()) {
                List<Plan> selected = new ArrayList<>(newestFirst(covering));
                selected.addAll(merged.stream().filter(p -> profiles().get(p.id()).covers(u.year())).toList());
                return new Selection(selected, rest(pool, selected));
            }
        }
        // 3. a topic word that only one of the province's plans has in its title; when the question also names
        // a former province merged into this one ("Đồng Nai (gồm cả Bình Phước cũ)"), its plans compete too
        boolean namesMerged = !merged.isEmpty() && knowledge.provinces().findIn(u.text()).stream()
                .anyMatch(h -> province.get().id().equals(h.province().mergedInto()));
        List<Plan> topical = namesMerged ? pool : own;
        if (topical.size() > 1) {
            Map.Entry<Plan, Integer> byTopic = byTopic(abbreviations.expand(u.content()), topical,
                    number == null ? Phrases.padded(u.text()) : "");
            if (byTopic != null && byTopic.getValue() >= 2) {
                return new Selection(List.of(byTopic.getKey()), rest(pool, List.of(byTopic.getKey())));
            }
            if (byTopic != null) {
                // one shared word pair ("hạ tầng") is a hint, not a choice: that plan first, the others still
                // searched, so a unit that covers the question better in another plan wins
                List<Plan> ordered = new ArrayList<>(List.of(byTopic.getKey()));
                newestFirst(own).stream().filter(p -> p != byTopic.getKey()).forEach(ordered::add);
                newestFirst(merged).stream().filter(p -> p != byTopic.getKey()).forEach(ordered::add);
                return new Selection(ordered, ordered.subList(1, ordered.size()));
            }
        }
        // 4. no cue: the newest first, then the others, then the merged provinces' plans
        List<Plan> ordered = new ArrayList<>(newestFirst(own));
        ordered.addAll(newestFirst(merged));
        return new Selection(ordered, ordered.size() > 1 ? ordered.subList(1, ordered.size()) : List.of());
    }

    /**
     * The plan whose title shares word pairs with the question that no other plan's title has ("kinh tế",
     * "nhân lực", "hạ tầng giao thông"). Pairs, not single syllables: "năng" in "năng lực" is not "kỹ năng".
     */
    private Map.Entry<Plan, Integer> byTopic(String content, List<Plan> plans, String padded) {
        List<String> words = ContentWords.tokens(content);
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i + 1 < words.size(); i++) {
            pairs.add(words.get(i) + " " + words.get(i + 1));
        }
        Map<Plan, Integer> scores = new HashMap<>();
        for (Plan p : plans) {
            int score = 0;
            for (String w : pairs) {
                if (derivedProfiles().genericPairs().contains(w) || !topical(w)) {
                    continue;
                }
                boolean here = profiles().get(p.id()).titlePairs().contains(w);
                boolean everywhere = plans.stream().allMatch(o -> profiles().get(o.id()).titlePairs().contains(w));
                if (here && !everywhere) {
                    score++;
                }
            }
            // "… có đề án … nào?": the kind of document named, when this plan is the only one of that kind
            String kind = kindOf(p);
            if (!kind.isBlank() && padded.contains(kind)
                    && plans.stream().filter(o -> kind.equals(kindOf(o))).count() == 1) {
                score++;
            }
            scores.put(p, score);
        }
        int best = scores.values().stream().max(Integer::compare).orElse(0);
        List<Plan> top = plans.stream().filter(p -> scores.get(p) == best).toList();
        return best >= 1 && top.size() == 1 ? Map.entry(top.get(0), best) : null;
    }

    private static String kindOf(Plan p) {
        return p.meta().kind() == null || p.meta().kind().isBlank() ? ""
                : " " + String.join(" ", ContentWords.tokens(p.meta().kind())) + " ";
    }

    private boolean topical(String pair) {
        for (String w : pair.split(" ")) {
            if (coverage.weight(w) < TOPICAL_WEIGHT) {
                return false;
            }
        }
        return true;
    }

    private static List<Plan> drafts(List<Plan> plans, boolean wantsDraft) {
        List<Plan> drafts = plans.stream().filter(p -> p.meta().isDraft()).toList();
        List<Plan> issued = plans.stream().filter(p -> !p.meta().isDraft()).toList();
        // the issued plan is authoritative; a draft answers only when the person asks about the draft
        return wantsDraft && !drafts.isEmpty() ? drafts : issued;
    }

    private static List<Plan> newestFirst(List<Plan> plans) {
        return plans.stream().sorted(Comparator.comparing((Plan p) -> p.meta().issueDate() == null ? "" : p.meta().issueDate())
                .reversed().thenComparing(Plan::id)).toList();
    }

    private static List<Plan> rest(List<Plan> pool, List<Plan> selected) {
        return pool.stream().filter(p -> !selected.contains(p)).toList();
    }

    private static Optional<Integer> year(String iso) {
        if (iso != null && iso.length() >= 4 && iso.substring(0, 4).chars().allMatch(Character::isDigit)) {
            return Optional.of(Integer.parseInt(iso.substring(0, 4)));
        }
        return Optional.empty();
    }
}
