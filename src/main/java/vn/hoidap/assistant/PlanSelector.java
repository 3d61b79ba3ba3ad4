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
    private static final Pattern PERIOD = Pattern.compile("giai đoạn\\s+(20[1-4]\\d)\\s*[-–—]\\s*(20[1-4]\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** What selection needs of a plan, computed once: its horizon, number and title words. */
    record Profile(int from, int to, String numberKey, Set<String> titleWords) {
        boolean covers(int year) {
            return year >= from && year <= to;
        }
    }

    /** The selected plans in order (the first is the one a plan-level answer names) and the rest of the province's. */
    record Selection(List<Plan> plans, List<Plan> others) {
    }

    private final Knowledge knowledge;
    PlanSelector(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    /** Each plan's profile, built once per generation of the knowledge. */
    private Map<String, Profile> profiles() {
        return knowledge.derived("assistant.plan-profiles", k -> {
            Map<String, Profile> profiles = new HashMap<>();
            for (Plan p : k.plans()) {
                profiles.put(p.id(), profile(p));
            }
            return Map.copyOf(profiles);
        });
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
        Set<String> words = new HashSet<>(ContentWords.tokens(p.meta().title() == null ? "" : p.meta().title()));
        return new Profile(issued, to, number, Set.copyOf(words));
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
            if (!named.isEmpty()) {
                return new Selection(named, rest(pool, named));
            }
        }
        if (province.isEmpty()) {
            // no province: every plan, newest first within each province (answerers compare across them)
            return new Selection(newestFirst(own), List.of());
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
        // 3. a topic word that only one of the province's plans has in its title
        if (own.size() > 1) {
            Plan byTopic = byTopic(u.content(), own);
            if (byTopic != null) {
                return new Selection(List.of(byTopic), rest(pool, List.of(byTopic)));
            }
        }
        // 4. no cue: the newest first, then the others, then the merged provinces' plans
        List<Plan> ordered = new ArrayList<>(newestFirst(own));
        ordered.addAll(newestFirst(merged));
        return new Selection(ordered, ordered.size() > 1 ? ordered.subList(1, ordered.size()) : List.of());
    }

    private Plan byTopic(String content, List<Plan> plans) {
        List<String> words = ContentWords.tokens(content);
        Map<Plan, Integer> scores = new HashMap<>();
        for (Plan p : plans) {
            int score = 0;
            for (String w : new HashSet<>(words)) {
                boolean here = profiles().get(p.id()).titleWords().contains(w);
                boolean everywhere = plans.stream().allMatch(o -> profiles().get(o.id()).titleWords().contains(w));
                if (here && !everywhere) {
                    score++;
                }
            }
            scores.put(p, score);
        }
        int best = scores.values().stream().max(Integer::compare).orElse(0);
        List<Plan> top = plans.stream().filter(p -> scores.get(p) == best).toList();
        return best >= 2 && top.size() == 1 ? top.get(0) : null;
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
