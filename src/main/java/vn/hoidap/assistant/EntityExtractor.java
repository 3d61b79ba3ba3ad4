package vn.hoidap.assistant;

import vn.hoidap.corpus.Agency;
import vn.hoidap.corpus.AgencyDirectory;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.Province;
import vn.hoidap.corpus.ProvinceDirectory;
import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds province, agency, year, role and draft/cross-province cues in a question. */
final class EntityExtractor {

    private static final Pattern YEAR = Pattern.compile("\\b(20[2-9]\\d)\\b");
    /** "Sở Ngoại vụ", "Ban Quản lý …": an agency-like name, to notice one the directory does not know. */
    private static final Pattern AGENCY_LIKE = Pattern.compile(
            "\\b(Sở|Ban|Cục|Bộ|Trung tâm|Phòng)\\s+((?:[\\p{Lu}][\\p{L}&-]*\\s*){1,4}(?:[\\p{Ll}][\\p{L}]*\\s*){0,3})");

    private final Knowledge knowledge;
    private final AgencyDirectory agencies;
    private final ProvinceDirectory provinces;

    private final SelectionCues selection;

    EntityExtractor(Knowledge knowledge) {
        this(knowledge, SelectionCues.NONE);
    }

    EntityExtractor(Knowledge knowledge, SelectionCues selection) {
        this.knowledge = knowledge;
        this.selection = selection;
        this.agencies = knowledge.agencies();
        this.provinces = knowledge.provinces();
    }

    private static final int MAX_AGENCY_WORDS = 8;
    /** The words {@link #AGENCY_LIKE} starts with, folded: the pattern runs only over a message holding one. */
    private static final List<String> AGENCY_WORDS = List.of("so", "ban", "cuc", "bo", "trung tam", "phong");

    /**
     * Whether "kế hoạch {@code number} năm {@code year}" names a plan: one issued that year whose own number it
     * is, or which implements or cites that document ("kế hoạch 146 năm 2022": the 2022 plans of Decision 146).
     */
    boolean namesPlanOfYear(String number, int year) {
        String y = String.valueOf(year);
        for (Plan p : knowledge.plans()) {
            if (p.meta().issueDate() == null || !p.meta().issueDate().startsWith(y)) {
                continue;
            }
            List<String> docs = new ArrayList<>(p.meta().facts().legalBasis());
            if (p.meta().number() != null) {
                docs.add(p.meta().number());
            }
            if (p.meta().facts().implementsDecision() != null) {
                docs.add(p.meta().facts().implementsDecision());
            }
            for (String d : docs) {
                Matcher m = CITED_NUMBER.matcher(d);
                while (m.find()) {
                    if (m.group(1).replaceFirst("^0+(?=\\d)", "").equals(number)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether a number is a plan's own ("597" of "597/KH-UBND"). */
    boolean isPlanNumber(String n) {
        for (Plan p : knowledge.plans()) {
            String number = p.meta().number();
            if (number != null && number.split("/")[0].strip().equals(n)) {
                return true;
            }
        }
        return false;
    }

    /** "283" of "Kế hoạch số 283/KH-UBND" in a plan's legal basis: a number the corpus knows, not a plan of its own. */
    private static final Pattern CITED_NUMBER = Pattern.compile("(?<![\\d.,])(\\d{1,5})\\s*/\\s*\\p{L}");

    /**
     * Whether a document number is one the corpus knows: a plan's own, or one a plan cites (its legal basis,
     * the decision it implements). A plan named by any other number is not in the corpus.
     */
    boolean isKnownDocumentNumber(String n) {
        java.util.Set<String> known = knowledge.derived("assistant.known-document-numbers", k -> {
            java.util.Set<String> numbers = new java.util.HashSet<>();
            for (Plan p : k.plans()) {
                if (p.meta().number() != null) {
                    numbers.add(p.meta().number().split("/")[0].strip());
                }
                List<String> cited = new ArrayList<>(p.meta().facts().legalBasis());
                if (p.meta().facts().implementsDecision() != null) {
                    cited.add(p.meta().facts().implementsDecision());
                }
                for (String c : cited) {
                    Matcher m = CITED_NUMBER.matcher(c);
                    while (m.find()) {
                        numbers.add(m.group(1).replaceFirst("^0+(?=\\d)", ""));
                    }
                }
            }
            return java.util.Set.copyOf(numbers);
        });
        return known.contains(n.replaceFirst("^0+(?=\\d)", ""));
    }

    private Agency tolerant(String from, String province) {
        String[] words = from.strip().split("\\s+");
        for (int n = Math.min(MAX_AGENCY_WORDS, words.length); n >= 3; n--) {
            String span = String.join(" ", java.util.Arrays.copyOfRange(words, 0, n)).replaceAll("[?.,!]+$", "");
            java.util.Optional<Agency> a = agencies.resolve(span, province);
            if (a.isPresent()) {
                return a.get();
            }
        }
        return null;
    }

    Entities extract(String text) {
        return extract(Fold.nfc(text), Phrases.padded(text), Fold.hasAsciiDigit(text));
    }

    /** {@code text} in NFC, {@code padded} its folded words ({@link Phrases#padded}), {@code digits} whether it has any. */
    Entities extract(String text, String padded, boolean digits) {
        List<String> mentions = new ArrayList<>();

        Province province = null;
        List<Plan> own = List.of();
        List<Plan> merged = List.of();
        String unknownPlace = null;
        for (ProvinceDirectory.ProvinceHit hit : provinces.findIn(text)) {
            ProvinceDirectory.ProvincePlans plans = provinces.plansFor(hit.province(), knowledge.plans());
            // every province named is an entity, not the subject ("Đồng Nai (gồm cả Bình Phước cũ)")
            mentions.add(hit.matched());
            if (province != null) {
                continue;
            }
            if (!plans.all().isEmpty()) {
                province = hit.province();
                own = plans.own();
                merged = plans.merged();
                continue;
            }
            if (unknownPlace == null) {
                unknownPlace = hit.province().name();
            }
        }

        Agency agency = null;
        boolean successorAsked = false;
        List<AgencyDirectory.AgencyHit> agencyHits = agencies.findIn(text);
        if (!agencyHits.isEmpty()) {
            AgencyDirectory.AgencyHit hit = agencyHits.get(0);
            String where = province == null ? null : (own.isEmpty() ? merged.get(0) : own.get(0)).meta().province();
            agency = agencies.localMember(hit.agency(), where);
            successorAsked = !agencies.predecessorsOf(agency).isEmpty();
            mentions.add(hit.matched());
        }
        String unknownAgency = null;
        if (agency == null && Phrases.any(padded, AGENCY_WORDS)) {
            Matcher m = AGENCY_LIKE.matcher(text);
            if (m.find()) {
                unknownAgency = m.group().strip();
                // a typo in a known name ("Sở Giáo dụcc và Đào tạo"): the directory's tolerant resolution,
                // longest span first, over the words that follow the agency word
                Agency typo = tolerant(text.substring(m.start()), province == null ? null
                        : (own.isEmpty() ? merged.get(0) : own.get(0)).meta().province());
                if (typo != null) {
                    agency = typo;
                    unknownAgency = null;
                    successorAsked = !agencies.predecessorsOf(agency).isEmpty();
                }
            }
        }

        // The last year named is the one asked: "giai đoạn 2026–2030", "từ 2025 đến năm 2030".
        Integer year = null;
        Matcher y = YEAR.matcher(digits ? padded : "");
        while (y.find()) {
            year = Integer.parseInt(y.group(1));
            mentions.add("nam " + y.group(1));
            mentions.add(y.group(1));
        }
        Role role = null;
        if (padded.contains(" chu tri ")) {
            role = Role.LEAD;
        } else if (padded.contains(" phoi hop ")) {
            role = Role.COORDINATE;
        }
        // "bản dự thảo không có …, vậy bản chính thức …?": the draft is named as a contrast, the issued text asked
        boolean draft = padded.contains(" du thao ") && !selection.asksIssuedOverDraft(padded);
        boolean across = province == null && (padded.contains(" tinh nao ") || padded.contains(" nhung tinh ")
                || padded.contains(" cac tinh "));
        return new Entities(province, own, merged, unknownPlace, agency, successorAsked, unknownAgency, year, role,
                draft, across, mentions);
    }
}
