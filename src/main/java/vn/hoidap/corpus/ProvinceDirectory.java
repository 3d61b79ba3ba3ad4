package vn.hoidap.corpus;

import vn.hoidap.text.Fold;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vietnam's provinces from {@code corpus/provinces.yaml}: the provinces of the plans with their 2025 status,
 * and the names of all others so a question about a province outside the corpus is recognised as such
 * (and answered "not in the corpus" rather than with another province's plan).
 */
public final class ProvinceDirectory {

    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    /** "tỉnh Đồng Nai", "TP. Cần Thơ": the administrative prefix people add. */
    private static final Pattern PREFIX = Pattern.compile("^(tinh|thanh pho|tp) ");

    private final Map<String, Province> byId;
    private final Map<String, String> idByKey;
    private final int longestKeyTokens;

    ProvinceDirectory(List<Province> provinces, Map<String, String> aliases) {
        this.byId = new LinkedHashMap<>();
        this.idByKey = new LinkedHashMap<>();
        provinces.forEach(p -> byId.put(p.id(), p));
        for (Province p : provinces) {
            index(p.name(), p.id());
            p.variants().forEach(v -> index(v, p.id()));
        }
        aliases.forEach((alias, name) -> {
            String id = idByKey.get(key(name));
            if (id == null) {
                throw new CorpusException("provinces.yaml: alias '" + alias + "' names an unknown province '" + name + "'");
            }
            index(alias, id);
        });
        this.longestKeyTokens = idByKey.keySet().stream().mapToInt(k -> k.split(" ").length).max().orElse(0);
    }

    public static ProvinceDirectory empty() {
        return new ProvinceDirectory(List.of(), Map.of());
    }

    /** {@code provinces.yaml} as Jackson binds it. */
    record ProvinceFile(List<String> former, List<String> current, List<ProvinceRow> described, List<AliasRow> aliases) {
    }

    record ProvinceRow(String id, String name, List<String> variants, String mergedInto, String effective, String note,
                       String source) {
    }

    record AliasRow(String alias, String name) {
    }

    public static ProvinceDirectory load(Path file) {
        if (!Files.exists(file)) {
            return empty();
        }
        ProvinceFile root = CorpusYaml.read(file, ProvinceFile.class);
        List<String> former = CorpusYaml.strings(root.former());
        List<String> current = CorpusYaml.strings(root.current());
        Map<String, Province> byKey = new LinkedHashMap<>();
        List<ProvinceRow> described = root.described() == null ? List.of() : root.described();
        for (int i = 0; i < described.size(); i++) {
            ProvinceRow f = described.get(i);
            String at = "described[" + i + "]";
            if (f == null) {
                throw new CorpusException(file + ": field '" + at + "' is empty");
            }
            String name = CorpusYaml.required(file, at + ".name", f.name());
            byKey.put(key(name), new Province(CorpusYaml.required(file, at + ".id", f.id()), name,
                    CorpusYaml.strings(f.variants()), containsFolded(former, name), containsFolded(current, name),
                    CorpusYaml.optional(f.mergedInto()), CorpusYaml.optional(f.effective()), CorpusYaml.optional(f.note()),
                    CorpusYaml.optional(f.source())));
        }
        List<String> all = new ArrayList<>(former);
        all.addAll(current);
        for (String name : all) {
            byKey.computeIfAbsent(key(name), k -> new Province(k.replace(' ', '-'), name, List.of(),
                    containsFolded(former, name), containsFolded(current, name), null, null, null, null));
        }
        Map<String, String> aliases = new LinkedHashMap<>();
        List<AliasRow> aliasRows = root.aliases() == null ? List.of() : root.aliases();
        for (int i = 0; i < aliasRows.size(); i++) {
            AliasRow a = aliasRows.get(i);
            String at = "aliases[" + i + "]";
            if (a == null) {
                throw new CorpusException(file + ": field '" + at + "' is empty");
            }
            aliases.put(CorpusYaml.required(file, at + ".alias", a.alias()), CorpusYaml.required(file, at + ".name", a.name()));
        }
        ProvinceDirectory directory = new ProvinceDirectory(new ArrayList<>(byKey.values()), aliases);
        for (Province p : directory.all()) {
            if (p.mergedInto() != null && directory.byId(p.mergedInto()).isEmpty()) {
                throw new CorpusException(file + ": province '" + p.id() + "' is merged into unknown '" + p.mergedInto() + "'");
            }
        }
        return directory;
    }

    public Collection<Province> all() {
        return byId.values();
    }

    public Optional<Province> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** "dong nai", "tỉnh Đồng Nai", "dong nia" → Đồng Nai; unknown names → empty. */
    public Optional<Province> resolve(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String k = key(name);
        String id = idByKey.get(k);
        if (id == null) {
            id = idByKey.get(PREFIX.matcher(k).replaceFirst(""));
        }
        return byId(id);
    }

    /** Provinces named in free text, longest match over folded tokens, left to right, without overlaps. */
    public List<ProvinceHit> findIn(String text) {
        List<ProvinceHit> hits = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return hits;
        }
        for (LongestMatch.Hit h : LongestMatch.scan(key(text).split(" "), longestKeyTokens, idByKey::get)) {
            hits.add(new ProvinceHit(byId.get(h.id()), h.matched(), h.start(), h.end()));
        }
        return hits;
    }

    /** The province a former one became part of in 2025: Bình Phước → Đồng Nai; itself when unchanged. */
    public Province today(Province province) {
        Province p = province;
        for (int guard = 0; p.mergedInto() != null && guard < 5; guard++) {
            p = byId.getOrDefault(p.mergedInto(), p);
        }
        return p;
    }

    /** The former provinces merged into this one (other than itself): Đồng Nai → [Bình Phước]. */
    public List<Province> mergedFrom(Province province) {
        return byId.values().stream()
                .filter(p -> !p.id().equals(province.id()) && today(p).id().equals(province.id()))
                .toList();
    }

    /**
     * The plans for a province: its own (the plan's province is this one) and those of the provinces merged
     * into it in 2025. "Gia Lai" → own none, merged the Bình Định plan; "Đồng Nai" → own the Đồng Nai plans,
     * merged the Bình Phước plan. The caller chooses: a question about the 2022 plans prefers the own ones.
     * Issued plans come before drafts.
     */
    public ProvincePlans plansFor(Province province, Collection<Plan> plans) {
        Comparator<Plan> issuedFirst = Comparator.comparing((Plan p) -> p.meta().isDraft()).thenComparing(Plan::id);
        List<String> mergedIds = mergedFrom(province).stream().map(Province::id).toList();
        List<Plan> own = plans.stream().filter(p -> isOf(p, province.id())).sorted(issuedFirst).toList();
        List<Plan> merged = plans.stream()
                .filter(p -> mergedIds.stream().anyMatch(id -> isOf(p, id))).sorted(issuedFirst).toList();
        return new ProvincePlans(province, own, merged);
    }

    /** A province named in free text and where (token positions in the folded text). */
    public record ProvinceHit(Province province, String matched, int startToken, int endToken) {
    }

    /** {@code own}: plans of this province; {@code merged}: plans of provinces merged into it in 2025. */
    public record ProvincePlans(Province province, List<Plan> own, List<Plan> merged) {
        public List<Plan> all() {
            List<Plan> all = new ArrayList<>(own);
            all.addAll(merged);
            return all;
        }
    }

    private boolean isOf(Plan plan, String provinceId) {
        return resolve(plan.meta().province()).map(p -> p.id().equals(provinceId)).orElse(false);
    }

    private void index(String text, String id) {
        String k = key(text);
        if (!k.isEmpty()) {
            idByKey.putIfAbsent(k, id);
        }
    }

    private static boolean containsFolded(List<String> names, String name) {
        String k = key(name);
        return names.stream().anyMatch(n -> key(n).equals(k));
    }

    static String key(String text) {
        return NOT_WORD.matcher(Fold.fold(text)).replaceAll(" ").trim();
    }
}
