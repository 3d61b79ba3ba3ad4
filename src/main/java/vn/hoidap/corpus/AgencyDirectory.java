package vn.hoidap.corpus;

import vn.hoidap.text.Fold;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The canonical agencies of {@code corpus/agencies.yaml} and the resolver from mentions to them.
 * The resolver never invents an agency: a mention it cannot place returns empty and is kept as written.
 *
 * <p>Resolution runs in three tiers, each stricter about what it accepts than the damage it repairs:
 * the folded key ("Sở TT & TT" = "so tt va tt"), a compact key without spaces and "và" (so "sở tttt",
 * "So LD TBXH" meet "Sở TT&TT", "Sở LĐ-TB&XH"), and for OCR text a small edit distance — only when the
 * head noun (sở, bộ, đài, báo …) agrees and a single agency is nearest, so "Bộ …" never becomes "Sở …".
 */
public final class AgencyDirectory {

    /** "S& Thong": an ampersand glued to the end of a word is OCR debris, not "và". */
    private static final Pattern OCR_AMPERSAND = Pattern.compile("(?<=\\p{L})&(?=\\s|$)");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final int MIN_FUZZY_LENGTH = 8;

    private final Map<String, Agency> byId;
    private final Map<String, String> idByKey;
    private final Map<String, String> idByCompact;
    private final Map<String, Set<String>> idsByOcrKey;
    private final Map<String, List<Agency>> predecessors;
    private final int longestKeyTokens;

    AgencyDirectory(List<Agency> agencies) {
        this.byId = new LinkedHashMap<>();
        this.idByKey = new LinkedHashMap<>();
        this.idByCompact = new LinkedHashMap<>();
        this.idsByOcrKey = new LinkedHashMap<>();
        for (Agency a : agencies) {
            if (byId.putIfAbsent(a.id(), a) != null) {
                throw new CorpusException("agencies.yaml: duplicate agency id '" + a.id() + "'");
            }
        }
        int longest = 0;
        for (Agency a : agencies) {
            List<String> names = new ArrayList<>();
            names.add(a.name());
            names.addAll(a.abbreviations());
            names.addAll(a.variants());
            for (String n : names) {
                String k = key(n);
                if (k.isEmpty()) {
                    continue;
                }
                idByKey.putIfAbsent(k, a.id());
                idByCompact.putIfAbsent(compact(k), a.id());
                idsByOcrKey.computeIfAbsent(ocrKey(k), x -> new LinkedHashSet<>()).add(a.id());
                longest = Math.max(longest, k.split(" ").length);
            }
        }
        this.longestKeyTokens = longest;
        this.predecessors = new LinkedHashMap<>();
        for (Agency a : agencies) {
            for (Agency s : successorsOf(a)) {
                predecessors.computeIfAbsent(s.id(), x -> new ArrayList<>()).add(a);
            }
        }
    }

    public static AgencyDirectory empty() {
        return new AgencyDirectory(List.of());
    }

    /** {@code agencies.yaml} as Jackson binds it. */
    record AgencyFile(List<AgencyRow> agencies) {
    }

    record AgencyRow(String id, String name, String kind, String province, List<String> abbreviations,
                     List<String> variants, List<String> members, SuccessorRow successor) {
    }

    record SuccessorRow(String agencyId, String name, String effective, String note, String source) {
    }

    public static AgencyDirectory load(Path file) {
        if (!Files.exists(file)) {
            return empty();
        }
        AgencyFile root = CorpusYaml.read(file, AgencyFile.class);
        List<Agency> agencies = new ArrayList<>();
        List<AgencyRow> rows = root.agencies() == null ? List.of() : root.agencies();
        for (int i = 0; i < rows.size(); i++) {
            AgencyRow f = rows.get(i);
            String at = "agencies[" + i + "]";
            if (f == null) {
                throw new CorpusException(file + ": field '" + at + "' is empty");
            }
            SuccessorRow s = f.successor();
            Agency.Succession succession = s == null || CorpusYaml.optional(s.name()) == null
                    && CorpusYaml.optional(s.agencyId()) == null ? null
                    : new Agency.Succession(CorpusYaml.optional(s.agencyId()), CorpusYaml.optional(s.name()),
                    CorpusYaml.optional(s.effective()), CorpusYaml.optional(s.note()), CorpusYaml.optional(s.source()));
            agencies.add(new Agency(CorpusYaml.required(file, at + ".id", f.id()),
                    CorpusYaml.required(file, at + ".name", f.name()), CorpusYaml.required(file, at + ".kind", f.kind()),
                    CorpusYaml.optional(f.province()), CorpusYaml.strings(f.abbreviations()),
                    CorpusYaml.strings(f.variants()), CorpusYaml.strings(f.members()), succession));
        }
        AgencyDirectory directory = new AgencyDirectory(agencies);
        directory.checkReferences(file);
        return directory;
    }

    public Collection<Agency> all() {
        return byId.values();
    }

    public Optional<Agency> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The canonical agency a mention names, if the directory knows it; never a guess between two. */
    public Optional<Agency> resolve(String mention) {
        if (mention == null || mention.isBlank()) {
            return Optional.empty();
        }
        String k = key(mention);
        if (k.isEmpty()) {
            return Optional.empty();
        }
        String id = idByKey.get(k);
        if (id == null) {
            id = idByCompact.get(compact(k));
        }
        if (id == null) {
            id = nearest(ocrKey(k));
        }
        return byId(id);
    }

    /**
     * As {@link #resolve(String)}, read inside a plan of {@code province}: "Đài Phát thanh - Truyền hình
     * tỉnh" in the Bình Định plan is the Bình Định station (the member of that province), not a generic one.
     */
    public Optional<Agency> resolve(String mention, String province) {
        return resolve(mention).map(a -> localMember(a, province));
    }

    /** The member of a province-relative agency ("the province's station") that belongs to {@code province}. */
    public Agency localMember(Agency agency, String province) {
        if (province == null || agency.members().isEmpty()) {
            return agency;
        }
        String p = Fold.fold(province);
        return agency.members().stream().map(byId::get)
                .filter(m -> m != null && m.province() != null && Fold.fold(m.province()).equals(p))
                .findFirst().orElse(agency);
    }

    /**
     * Agencies named inside free text ("so khoa hoc va cong nghe dong nai duoc giao gi"), longest match
     * first over folded tokens, left to right, without overlaps. Exact names, abbreviations and variants
     * only: questions are typed by people, so the OCR tolerance of {@link #resolve(String)} stays out.
     */
    public List<AgencyHit> findIn(String text) {
        List<AgencyHit> hits = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return hits;
        }
        // "sở thông tin truyền thông" (no "và"), "sở tttt": the compact form of a known name counts too.
        for (LongestMatch.Hit h : LongestMatch.scan(key(text).split(" "), longestKeyTokens,
                candidate -> idByKey.getOrDefault(candidate, idByCompact.get(compact(candidate))))) {
            hits.add(new AgencyHit(byId.get(h.id()), h.matched(), h.start(), h.end()));
        }
        return hits;
    }

    /** Who holds the role today, nearest first: Sở TT&TT → [Sở Khoa học và Công nghệ]. */
    public List<Agency> successorsOf(Agency agency) {
        List<Agency> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(agency.id());
        Agency current = agency;
        while (current.successor() != null && current.successor().agencyId() != null) {
            Agency next = byId.get(current.successor().agencyId());
            if (next == null || !seen.add(next.id())) {
                break;
            }
            chain.add(next);
            current = next;
        }
        return chain;
    }

    /** The 2022 bodies whose role this agency holds today: Sở Khoa học và Công nghệ → [Sở TT&TT]. */
    public List<Agency> predecessorsOf(Agency agency) {
        return List.copyOf(predecessors.getOrDefault(agency.id(), List.of()));
    }

    /** An agency named in free text and where: token positions in the folded text. */
    public record AgencyHit(Agency agency, String matched, int startToken, int endToken) {
    }

    private String nearest(String ocr) {
        if (ocr.length() < MIN_FUZZY_LENGTH) {
            return null;
        }
        int space = ocr.indexOf(' ');
        String head = space < 0 ? ocr : ocr.substring(0, space);
        int best = Integer.MAX_VALUE;
        Set<String> bestIds = new HashSet<>();
        for (Map.Entry<String, Set<String>> e : idsByOcrKey.entrySet()) {
            String candidate = e.getKey();
            if (candidate.length() < MIN_FUZZY_LENGTH || !headsAgree(head, candidate)) {
                continue;
            }
            int limit = Math.max(1, Math.round(candidate.length() * 0.15f));
            int d = Levenshtein.distance(ocr, candidate, limit);
            if (d > limit || !wordsAgree(ocr, candidate)) {
                continue;
            }
            if (d < best) {
                best = d;
                bestIds = new HashSet<>(e.getValue());
            } else if (d == best) {
                bestIds.addAll(e.getValue());
            }
        }
        return bestIds.size() == 1 ? bestIds.iterator().next() : null;
    }

    /**
     * A ministry and a department differ by one letter ("bo …" / "so …"), so when either head noun is one
     * of them both must be the same; other heads ("Céc" for "Các") may carry OCR damage like the rest.
     */
    private static boolean headsAgree(String head, String candidate) {
        int space = candidate.indexOf(' ');
        String other = space < 0 ? candidate : candidate.substring(0, space);
        return head.equals(other) || !(isSoOrBo(head) || isSoOrBo(other));
    }

    /**
     * OCR damages letters, not words: word by word the mention must stay within one edit (two for words of
     * five letters or more). This keeps "Đài … Đồng Tháp" from becoming "Đài … Đồng Nai" although the whole
     * names are only a few edits apart.
     */
    private static boolean wordsAgree(String mention, String candidate) {
        String[] a = mention.split(" ");
        String[] b = candidate.split(" ");
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            int limit = b[i].length() >= 5 ? 2 : 1;
            if (Levenshtein.distance(a[i], b[i], limit) > limit) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSoOrBo(String head) {
        return head.equals("so") || head.equals("bo");
    }

    private void checkReferences(Path file) {
        for (Agency a : byId.values()) {
            if (a.successor() != null && a.successor().agencyId() != null && !byId.containsKey(a.successor().agencyId())) {
                throw new CorpusException(file + ": agency '" + a.id() + "' names an unknown successor '"
                        + a.successor().agencyId() + "'");
            }
            for (String m : a.members()) {
                if (!byId.containsKey(m)) {
                    throw new CorpusException(file + ": agency '" + a.id() + "' names an unknown member '" + m + "'");
                }
            }
        }
    }

    /** Folded, "&" read as "và", punctuation gone: "Sở TT&TT" → "so tt va tt". */
    static String key(String text) {
        String s = OCR_AMPERSAND.matcher(Fold.nfc(text)).replaceAll("");
        s = Fold.fold(s.replace("&", " và "));
        return NOT_WORD.matcher(s).replaceAll(" ").trim();
    }

    /** "so tt va tt" and "so tttt" both → "sotttt". */
    static String compact(String key) {
        StringBuilder sb = new StringBuilder();
        for (String t : key.split(" ")) {
            if (!t.equals("va")) {
                sb.append(t);
            }
        }
        return sb.toString();
    }

    /**
     * Undoes the OCR confusions seen in the scanned plans: the head noun ("S&", "S¢", "S6", "Sé" → "so";
     * "B6", "Bj", "By" → "bo"; "Pai", "Bai" → "dai") and digits read for "o" inside words.
     */
    static String ocrKey(String key) {
        String[] tokens = key.split(" ");
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i].replace('6', 'o').replace('0', 'o');
            if (i == 0) {
                if (t.length() <= 2 && t.startsWith("s")) {
                    t = "so";
                } else if (t.length() <= 2 && t.startsWith("b")) {
                    t = "bo";
                } else if (t.equals("pai") || t.equals("bai")) {
                    t = "dai";
                } else if (t.equals("bao") || t.equals("beo")) {
                    t = "bao";
                }
            }
            tokens[i] = t;
        }
        return String.join(" ", tokens);
    }
}
