package vn.hoidap.assistant;

import jakarta.inject.Singleton;
import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a question on its own: intent (the trained classifier), entities (province, agency, plan number,
 * year), the asked facet, the asked specifics, refusals, and the subject words. Knows nothing of the
 * conversation; {@link DialogueRules} merges the reading with it.
 */
@Singleton
final class Understander {

    /** "53/KH-UBND", "1812/QĐ-UBND", "Kế hoạch 179", "Quyết định số 146": a document the question names. */
    private static final Pattern DOC_NUMBER = Pattern.compile(
            "\\b(\\d{1,5})\\s*/\\s*[\\p{L}&-]+(?:\\s*-\\s*[\\p{L}&]+)*"
                    + "|\\b(?:kế hoạch|ke hoach|đề án|de an|quyết định|quyet dinh|nghị quyết|nghi quyet|kết luận|ket luan"
                    + "|chỉ thị|chi thi|công văn|cong van|tờ trình|to trinh|kh|qđ|qd)\\s+(?:số\\s+|so\\s+)?(\\d{1,5})\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "giai đoạn 2026-2030", "2026 - 2030": a period, which selects a plan rather than asks a year. */
    private static final Pattern PERIOD = Pattern.compile("\\b20\\d\\d\\s*[-–—]\\s*20\\d\\d\\b|\\b(?:từ|tu)\\s+(?:năm\\s+|nam\\s+)?20\\d\\d\\s+(?:đến|den)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A plan named by its number, on folded text: "kế hoạch (số) 999", "kh 620", "999/KH-UBND". */
    private static final Pattern PLAN_NAMED = Pattern.compile(
            "\\b(?:ke hoach|kh)\\s+(?:so\\s+)?(\\d{1,5})\\b(?![.,]\\d)|\\b(\\d{1,5})\\s*/\\s*kh\\b");
    /** An identity-card-like number: 9 to 12 digits in a row. */
    private static final Pattern ID_NUMBER = Pattern.compile("\\b\\d{9,12}\\b");

    private final IntentModel intents;
    private final EntityExtractor entities;
    private final ContentWords questionWords;
    private final AssistantCues cues;
    /** Every word of every facet cue: they shape the question, they are not its subject. */
    private final java.util.Set<String> facetWords;

    private final MessageNormaliser normaliser;

    /** Every word of the small-talk intents' examples: a message with other content words is not small talk. */
    private final java.util.Set<String> smallTalkWords;

    @jakarta.inject.Inject
    Understander(IntentModel intents, EntityExtractor entities, ContentWords questionWords, AssistantCues cues,
                 MessageNormaliser normaliser, vn.hoidap.corpus.CorpusConfig corpus) {
        this(intents, entities, questionWords, cues, normaliser, smallTalkWords(java.nio.file.Path.of(corpus.dir(), "intents")));
    }

    Understander(IntentModel intents, EntityExtractor entities, ContentWords questionWords, AssistantCues cues,
                 MessageNormaliser normaliser, java.util.Set<String> smallTalkWords) {
        this.smallTalkWords = smallTalkWords;
        this.normaliser = normaliser;
        this.intents = intents;
        this.entities = entities;
        this.questionWords = questionWords;
        this.cues = cues;
        java.util.Set<String> words = new java.util.HashSet<>();
        cues.facets().forEach(f -> f.cues().forEach(c -> words.addAll(List.of(c.split(" ")))));
        words.addAll(cues.followUp().starts().stream().flatMap(c -> java.util.Arrays.stream(c.split(" "))).toList());
        this.facetWords = java.util.Set.copyOf(words);
    }

    /** The small-talk intents (greeting, thanks, identity, capabilities): their examples' folded words. */
    static java.util.Set<String> smallTalkWords(java.nio.file.Path intentsDir) {
        java.util.Set<String> words = new java.util.HashSet<>();
        for (Intent i : Intent.values()) {
            java.nio.file.Path f = intentsDir.resolve(i.label() + ".txt");
            if (!i.isSmallTalk() || !java.nio.file.Files.isRegularFile(f)) {
                continue;
            }
            try {
                for (String line : java.nio.file.Files.readAllLines(f)) {
                    if (!line.startsWith("#")) {
                        words.addAll(ContentWords.tokens(line));
                    }
                }
            } catch (java.io.IOException e) {
                throw new vn.hoidap.corpus.CorpusException(f + ": unreadable: " + e.getMessage(), e);
            }
        }
        return java.util.Set.copyOf(words);
    }

    /**
     * Whether a message names what plan questions are about — a plan or document by number, a province, an
     * agency or organisation, or two content words no small talk uses: then it is never small talk, whatever
     * words it shares with it ("Mục VI của KH 179 là phần gì?" is not "bạn là ai?").
     */
    private boolean namesPlanContent(Entities e, boolean namesDocument, String content, String padded) {
        if (namesDocument || e.province() != null || e.unknownPlace() != null || e.agency() != null
                || e.unknownAgency() != null || e.year() != null || Phrases.first(padded, cues.organisations()) != null) {
            return true;
        }
        int domain = 0;
        for (String w : content.isBlank() ? new String[0] : content.split(" ")) {
            if (!smallTalkWords.contains(Fold.fold(w)) && ++domain >= 2) {
                return true;
            }
        }
        return false;
    }

    private static String withoutWords(String content, java.util.Set<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String t : content.isBlank() ? new String[0] : content.split(" ")) {
            if (!words.contains(Fold.fold(t))) {
                sb.append(sb.length() == 0 ? "" : " ").append(t);
            }
        }
        return sb.toString();
    }

    /**
     * Reads a message as typed: normalised first (English terms, chat shorthand, phone typing: see
     * {@link MessageNormaliser}), so that everything below reads it like its Vietnamese counterpart.
     */
    Reading read(String typed) {
        // NFC once: every pattern below reads the composed form
        String text = Fold.nfc(normaliser.normalise(typed));
        String folded = Fold.fold(text);
        String padded = Phrases.padded(text);
        // the patterns of numbers (documents, years, periods, identity cards) run only over a message with digits
        boolean digits = Fold.hasAsciiDigit(text);
        IntentModel.Guess guess = intents.classify(text);
        Entities e = entities.extract(text, padded, digits);
        String placeContent = questionWords.content(text);
        List<String> mentions = new ArrayList<>(e.mentions());
        Matcher doc = DOC_NUMBER.matcher(digits ? text : "");
        boolean namesDocument = false;
        String documentNumber = null;
        while (doc.find()) {
            namesDocument = true;
            // "kh 597", "Kế hoạch 179/KH-UBND": a plan named by its number is selected, not the subject
            // (a decision it cites, "Nghị quyết 57", stays: that is what the question is about)
            String n = doc.group(1) != null ? doc.group(1) : doc.group(2);
            // a year is not a document number ("Kế hoạch 2025")
            if (documentNumber == null && n != null && !(n.length() == 4 && n.startsWith("20"))) {
                documentNumber = n;
            }
            if (n != null && entities.isPlanNumber(n)) {
                mentions.add(doc.group());
                // the bare number too: "kế hoạch" is a question word, gone from the content before mentions are
                mentions.add(n);
            }
        }
        Matcher byYear = PLAN_NUMBER_YEAR.matcher(digits ? padded : "");
        while (byYear.find()) {
            // "kế hoạch 146 năm 2022" names the plan of that year: neither number is the subject
            if (entities.namesPlanOfYear(byYear.group(1), Integer.parseInt(byYear.group(2)))) {
                mentions.add(byYear.group(1));
            }
        }
        String content = ContentWords.without(placeContent, mentions);
        if (guess.intent().isSmallTalk() && namesPlanContent(e, namesDocument, content, padded)) {
            guess = guess.substantiveOnly();
        }
        Facet facet = facet(padded, new ArrayList<>());
        // what is left once the words that only shape the asked facet are gone ("làm trong bao lâu" → nothing)
        String subject = withoutWords(content, facetWords);
        String organisation = e.agency() == null ? Phrases.first(padded, cues.organisations()) : null;
        if (organisation != null) {
            subject = ContentWords.without(subject, List.of(organisation));
        }
        int subjectWords = subject.isBlank() ? 0 : subject.split(" ").length;
        boolean marker = Phrases.startsWith(padded, cues.followUp().starts())
                || Phrases.endsWith(padded, cues.followUp().tails());
        return new Reading(text, folded, guess.intent(), guess.confidence(), facet,
                specifics(text, padded, e, facet, digits, documentNumber), refusal(text, padded, digits), e, content,
                placeContent, subjectWords, subject, organisation, marker, refersBack(text, padded));
    }

    /** Demonstratives as people type them, with diacritics: unambiguous ("đó" is not "do"). */
    private static final java.util.Set<String> DEMONSTRATIVES = java.util.Set.of("đó", "này", "ấy");
    /** "kế hoạch này", "năm đó": the demonstrative points at the plan, which plan selection keeps, not at a unit. */
    private static final java.util.Set<String> PLAN_WORDS = java.util.Set.of("hoạch", "án", "bản", "định", "tỉnh",
            "phố", "năm", "đoạn");

    /**
     * Whether the question points back at a unit already discussed: a demonstrative typed with its diacritics
     * ("nhiệm vụ hội thảo đó"), or without them right after a unit word ("nhiem vu do", "viec nay"). One pass
     * over the lower-case words.
     */
    boolean refersBack(String text, String padded) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.indexOf("đó") < 0 && lower.indexOf("này") < 0 && lower.indexOf("ấy") < 0 && lower.indexOf("trên") < 0) {
            return Phrases.any(padded, cues.followUp().refers());
        }
        String previous = "";
        String beforePrevious = "";
        int n = lower.length();
        for (int i = 0; i < n; ) {
            while (i < n && !Character.isLetterOrDigit(lower.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(lower.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            String word = lower.substring(start, i);
            boolean saidAbove = word.equals("trên") && previous.equals("nói");
            if ((DEMONSTRATIVES.contains(word) || saidAbove) && !PLAN_WORDS.contains(saidAbove ? beforePrevious : previous)) {
                return true;
            }
            beforePrevious = previous;
            previous = word;
        }
        return Phrases.any(padded, cues.followUp().refers());
    }

    /** The asked facet; a yes/no "có … không?" question asks whether something exists. */
    Facet facet(String padded, List<String> matched) {
        AssistantCues.Existence ex = cues.existence();
        boolean yesNo = Phrases.endsWith(padded, ex.ends())
                && (Phrases.startsWith(padded, ex.starts()) || Phrases.any(padded, ex.contains()) || padded.contains(" co "));
        for (AssistantCues.FacetCues f : cues.facets()) {
            String cue = Phrases.first(padded, f.cues());
            if (cue != null) {
                matched.add(cue);
                // "có nhiệm vụ nào do Sở Nội vụ chủ trì không?" still asks whether one exists
                return yesNo ? Facet.EXISTENCE : f.facet();
            }
        }
        return yesNo ? Facet.EXISTENCE : Facet.NONE;
    }

    AskedSpecifics specifics(String text, String padded, Entities e, Facet facet, boolean digits, String number) {
        AssistantCues.Specifics s = cues.specifics();
        // "cơ quan nào chủ trì … xử lý vi phạm …": a sanction named in a question that asks who or when is the
        // task's subject, not what the answer must state (a sum still is: "ai chủ trì, kinh phí bao nhiêu?")
        boolean asksAnotherPart = facet == Facet.LEAD || facet == Facet.COORDINATORS || facet == Facet.TIMELINE;
        boolean percent = Phrases.any(padded, s.percent());
        return new AskedSpecifics(e.year(), Phrases.any(padded, s.amount()),
                Phrases.any(padded, s.person()), !asksAnotherPart && Phrases.any(padded, s.sanction()), number,
                digits && (PERIOD.matcher(text).find() || namesPlanByYear(padded) || namesPlanByNumberAndYear(padded)),
                percent,
                percent || asksAnotherPart ? null : counted(padded), asksNumber(padded, s, facet)
                        || !percent && !asksAnotherPart && countsOnlyAClassifier(padded),
                Phrases.any(padded, s.contact()) && Phrases.endsWith(padded, s.contactEnds()),
                digits ? unknownPlan(text) : null);
    }

    /** "số mấy", "là số nào": a number the answer must hold — unless "sở nào" is meant, in a question of who. */
    private static boolean asksNumber(String padded, AssistantCues.Specifics s, Facet facet) {
        String cue = Phrases.first(padded, s.number());
        if (cue == null) {
            return false;
        }
        boolean asksWho = facet == Facet.LEAD || facet == Facet.COORDINATORS;
        return !asksWho || !s.agencyOrNumber().contains(cue);
    }

    /** The number of a plan the question names that the corpus neither holds nor cites, or null. */
    String unknownPlan(String text) {
        Matcher m = PLAN_NAMED.matcher(Fold.fold(text));
        while (m.find()) {
            String n = m.group(1) != null ? m.group(1) : m.group(2);
            // a year names a plan by its year ("Kế hoạch 2025"), not by a number
            if (!(n.length() == 4 && (n.startsWith("20") || n.startsWith("19"))) && !entities.isKnownDocumentNumber(n)) {
                return n;
            }
        }
        return null;
    }

    /** "Kế hoạch Đồng Nai 2022", "đề án năm 2022 của Bình Phước": a year that names a plan, not a target year. */
    private static final Pattern PLAN_YEAR = Pattern.compile(" (?:ke hoach|de an|kh)((?: [a-z]+){0,3}?) (?:nam )?20\\d\\d ");

    /** "kế hoạch 146 năm 2022": a number then a year, naming a plan issued that year (not "KH 179 năm 2030"). */
    private static final Pattern PLAN_NUMBER_YEAR = Pattern.compile(" (?:ke hoach|de an|kh)(?: so)? (\\d{1,5}) (?:nam |ban hanh nam )?(20\\d\\d) ");

    boolean namesPlanByNumberAndYear(String padded) {
        Matcher m = PLAN_NUMBER_YEAR.matcher(padded);
        while (m.find()) {
            if (entities.namesPlanOfYear(m.group(1), Integer.parseInt(m.group(2)))) {
                return true;
            }
        }
        return false;
    }

    static boolean namesPlanByYear(String padded) {
        Matcher m = PLAN_YEAR.matcher(padded);
        while (m.find()) {
            String between = m.group(1) + " ";
            if (!between.contains(" den ") && !between.contains(" muc ") && !between.contains(" cho ")
                    && !between.contains(" vao ") && !between.contains(" trong ") && !between.contains(" tu ")) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a "bao nhiêu …" question counts: the one or two words after it ("bao nhiêu chuyên gia chuyển đổi
     * số" → "chuyen gia"), unless they are a unit that other specifics handle (money, percent, a count of the
     * plan's own items) or a question word.
     */
    String counted(String padded) {
        int at = padded.indexOf(" bao nhieu ");
        if (at < 0) {
            return null;
        }
        String rest = padded.substring(at + " bao nhieu ".length());
        for (String skip : cues.specifics().notCounted()) {
            if ((rest).startsWith(skip + " ")) {
                return null;
            }
        }
        String[] t = rest.strip().isEmpty() ? new String[0] : rest.strip().split(" ");
        t = afterClassifier(t);
        if (t.length > 0 && t[0].chars().noneMatch(c -> "aeiouy".indexOf(c) >= 0)) {
            // an abbreviation ("CBCCVC", "DNNVV"): plans spell it out, so it cannot be checked word for word
            return null;
        }
        List<String> words = new ArrayList<>();
        for (int i = 0; i < t.length && words.size() < 2; i++) {
            if (questionWords.isQuestionWord(t[i]) || Character.isDigit(t[i].charAt(0))) {
                break;
            }
            words.add(t[i]);
        }
        return words.isEmpty() ? null : String.join(" ", words);
    }

    /** "bao nhiêu lượt cán bộ" counts "cán bộ": a classifier word in front is not the thing counted. */
    private String[] afterClassifier(String[] t) {
        if (t.length == 0) {
            return t;
        }
        String rest = String.join(" ", t) + " ";
        for (String c : cues.specifics().classifiers()) {
            if (rest.startsWith(c + " ")) {
                int n = c.split(" ").length;
                return java.util.Arrays.copyOfRange(t, Math.min(n, t.length), t.length);
            }
        }
        return t;
    }

    /**
     * "bao nhiêu người?", "… là bao nhiêu người": a classifier with nothing counted after it asks for a
     * figure, whatever it counts ("tối thiểu 20 chuyên gia" answers it).
     */
    boolean countsOnlyAClassifier(String padded) {
        int at = padded.indexOf(" bao nhieu ");
        if (at < 0) {
            return false;
        }
        String rest = padded.substring(at + " bao nhieu ".length()).strip();
        String[] t = rest.isEmpty() ? new String[0] : rest.split(" ");
        String[] after = afterClassifier(t);
        return after.length < t.length && (after.length == 0 || questionWords.isQuestionWord(after[0]));
    }

    /** Requests refused outright: someone's personal data, or an attempt to override the instructions. */
    Intent refusal(String text, String padded, boolean digits) {
        if (Phrases.any(padded, cues.refusals().override().cues())) {
            return Intent.REFUSAL_OVERRIDE;
        }
        AssistantCues.PersonalData pd = cues.refusals().personalData();
        if (digits && Phrases.any(padded, pd.numberOwner()) && ID_NUMBER.matcher(text).find()) {
            return Intent.REFUSAL_PERSONAL_DATA;
        }
        if (Phrases.any(padded, pd.privateDetails()) && !Phrases.any(padded, pd.unless())) {
            return Intent.REFUSAL_PERSONAL_DATA;
        }
        if (Phrases.any(padded, pd.asks()) && Phrases.any(padded, pd.whose()) && !Phrases.any(padded, pd.unless())) {
            return Intent.REFUSAL_PERSONAL_DATA;
        }
        return null;
    }
}
