package vn.hoidap.corpus;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical agencies of {@code corpus/agencies.yaml} and the resolver from mentions to them.
 * The resolver never invents an agency: a mention it cannot place returns empty and is kept as written.
 */
public final class AgencyDirectory {

    private final Map<String, Agency> byId;
    private final Map<String, String> idByKey;

    AgencyDirectory(List<Agency> agencies) {
        this.byId = new LinkedHashMap<>();
        this.idByKey = new LinkedHashMap<>();
        for (Agency a : agencies) {
            byId.put(a.id(), a);
            index(a.name(), a.id());
            a.abbreviations().forEach(x -> index(x, a.id()));
            a.variants().forEach(x -> index(x, a.id()));
        }
    }

    public static AgencyDirectory empty() {
        return new AgencyDirectory(List.of());
    }

    public static AgencyDirectory load(Path file) {
        if (!Files.exists(file)) {
            return empty();
        }
        Object parsed;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException | RuntimeException e) {
            throw new CorpusException(file + ": unreadable YAML: " + e.getMessage(), e);
        }
        YamlFields root = YamlFields.root(file.toString(), parsed);
        List<Agency> agencies = new ArrayList<>();
        for (YamlFields f : root.list("agencies")) {
            YamlFields s = f.child("successor");
            Agency.Succession succession = s.optional("name") == null && s.optional("agencyId") == null ? null
                    : new Agency.Succession(s.optional("agencyId"), s.optional("name"), s.optional("effective"),
                    s.optional("note"), s.optional("source"));
            agencies.add(new Agency(f.required("id"), f.required("name"), f.required("kind"), f.optional("province"),
                    f.strings("abbreviations"), f.strings("variants"), f.strings("members"), succession));
        }
        return new AgencyDirectory(agencies);
    }

    public Collection<Agency> all() {
        return byId.values();
    }

    public Optional<Agency> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The canonical agency a mention names, if the directory knows it. */
    public Optional<Agency> resolve(String mention) {
        if (mention == null || mention.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(idByKey.get(key(mention))).map(byId::get);
    }

    private void index(String text, String id) {
        idByKey.putIfAbsent(key(text), id);
    }

    static String key(String text) {
        String s = Normalizer.normalize(text.replace('Đ', 'D').replace('đ', 'd').replace('Ð', 'D').replace('ð', 'd'),
                Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return s.replaceAll("[^a-z0-9&]+", " ").trim();
    }
}
