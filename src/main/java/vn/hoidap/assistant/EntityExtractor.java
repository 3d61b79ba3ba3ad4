package vn.hoidap.assistant;

import vn.hoidap.corpus.Agency;
import vn.hoidap.corpus.AgencyDirectory;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds province, agency, year, role and draft/cross-province cues in a question. */
final class EntityExtractor {

    private static final Pattern YEAR = Pattern.compile("\\b(20[2-4]\\d)\\b");
    /** "Sở Xây dựng", "Ban Quản lý …": an agency-like name even when the directory does not know it. */
    private static final Pattern AGENCY_LIKE = Pattern.compile("\\b(Sở|Ban|Cục|Bộ|Trung tâm|Phòng)\\s+((?:[\\p{Lu}][\\p{L}&-]*\\s*){1,4}(?:[\\p{Ll}][\\p{L}]*\\s*){0,3})");
    private static final int MAX_AGENCY_WORDS = 12;

    private final Knowledge knowledge;
    private final AgencyDirectory agencies;
    private final Map<String, String> provinceByFolded = new LinkedHashMap<>();

    EntityExtractor(Knowledge knowledge) {
        this.knowledge = knowledge;
        this.agencies = knowledge.agencies();
        for (Plan p : knowledge.plans()) {
            provinceByFolded.put(Fold.fold(p.meta().province()), p.meta().province());
        }
    }

    Entities extract(String text) {
        String folded = Fold.fold(text);
        List<String> tokens = ContentWords.tokens(text);
        String padded = " " + String.join(" ", tokens) + " ";
        List<String> mentions = new ArrayList<>();

        String province = null;
        for (Map.Entry<String, String> e : provinceByFolded.entrySet()) {
            if (padded.contains(" " + e.getKey() + " ")) {
                province = e.getValue();
                mentions.add(e.getKey());
                break;
            }
        }
        List<String> planIds = new ArrayList<>();
        if (province != null) {
            for (Plan p : knowledge.plans()) {
                if (p.meta().province().equals(province)) {
                    planIds.add(p.id());
                }
            }
        }

        Agency agency = null;
        String agencyPhrase = findAgency(tokens).orElse(null);
        if (agencyPhrase != null) {
            agency = agencies.resolve(agencyPhrase).orElse(null);
            mentions.add(agencyPhrase);
        }
        String unknownAgency = null;
        if (agency == null) {
            Matcher m = AGENCY_LIKE.matcher(Fold.nfc(text));
            if (m.find()) {
                unknownAgency = m.group().strip();
            }
        }

        Integer year = null;
        Matcher y = YEAR.matcher(folded);
        if (y.find()) {
            year = Integer.parseInt(y.group(1));
            mentions.add(y.group(1));
        }
        Role role = null;
        if (padded.contains(" chu tri ")) {
            role = Role.LEAD;
        } else if (padded.contains(" phoi hop ")) {
            role = Role.COORDINATE;
        }
        boolean draft = padded.contains(" du thao ");
        boolean across = province == null && (padded.contains(" tinh nao ") || padded.contains(" nhung tinh ")
                || padded.contains(" cac tinh "));
        return new Entities(province, planIds, null, agency, false, unknownAgency, year, role, draft, across, mentions);
    }

    /** The longest run of tokens the agency directory resolves. */
    private Optional<String> findAgency(List<String> tokens) {
        for (int n = Math.min(MAX_AGENCY_WORDS, tokens.size()); n >= 2; n--) {
            for (int i = 0; i + n <= tokens.size(); i++) {
                String phrase = String.join(" ", tokens.subList(i, i + n));
                if (agencies.resolve(phrase).isPresent()) {
                    return Optional.of(phrase);
                }
            }
        }
        return Optional.empty();
    }
}
