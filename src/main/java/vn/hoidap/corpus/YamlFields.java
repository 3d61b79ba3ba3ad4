package vn.hoidap.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed reads from a parsed YAML map that fail with the file and the field named, so a curator sees
 * "corpus/plans/x.yaml: missing field 'signer'" instead of a NullPointerException.
 */
final class YamlFields {

    private final String file;
    private final Map<String, Object> map;
    private final String path;

    YamlFields(String file, Map<String, Object> map, String path) {
        this.file = file;
        this.map = map;
        this.path = path;
    }

    @SuppressWarnings("unchecked")
    static YamlFields root(String file, Object parsed) {
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new CorpusException(file + ": expected a YAML mapping at the top level");
        }
        return new YamlFields(file, (Map<String, Object>) m, "");
    }

    String file() {
        return file;
    }

    /** A field that must be present and non-blank. */
    String required(String key) {
        Object v = present(key);
        if (v == null || v.toString().isBlank()) {
            throw error(key, "is empty");
        }
        return v.toString().trim();
    }

    /** A field whose key must be present but whose value may be null ("~" when the document does not tell). */
    String nullable(String key) {
        Object v = present(key);
        return v == null ? null : v.toString().trim();
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    String optional(String key) {
        Object v = plain(map.get(key));
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    int requiredInt(String key) {
        String v = required(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw error(key, "must be a whole number, not '" + v + "'");
        }
    }

    List<String> strings(String key) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object o : list) {
                if (o != null && !o.toString().isBlank()) {
                    out.add(o.toString().trim());
                }
            }
            return out;
        }
        return List.of(v.toString().trim());
    }

    @SuppressWarnings("unchecked")
    List<YamlFields> list(String key) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw error(key, "must be a list");
        }
        List<YamlFields> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object o = list.get(i);
            if (!(o instanceof Map<?, ?> m)) {
                throw error(key + "[" + i + "]", "must be a mapping");
            }
            out.add(new YamlFields(file, (Map<String, Object>) m, qualified(key) + "[" + i + "]"));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    YamlFields child(String key) {
        Object v = map.get(key);
        if (v == null) {
            return new YamlFields(file, Map.of(), qualified(key));
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw error(key, "must be a mapping");
        }
        return new YamlFields(file, (Map<String, Object>) m, qualified(key));
    }

    CorpusException error(String key, String problem) {
        return new CorpusException(file + ": field '" + qualified(key) + "' " + problem);
    }

    private Object present(String key) {
        if (!map.containsKey(key)) {
            throw new CorpusException(file + ": missing field '" + qualified(key) + "'");
        }
        return plain(map.get(key));
    }

    /** SnakeYAML reads 2022-05-04 as a timestamp; curators mean the calendar date they wrote. */
    private static Object plain(Object value) {
        if (value instanceof java.util.Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        }
        return value;
    }

    private String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
