package vn.hoidap.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Corpus YAML bound to records with Jackson, in one place: a syntax error, a value of the wrong shape or an
 * unreadable file becomes a {@link CorpusException} naming the file and the field.
 */
final class CorpusYaml {

    private static final ObjectMapper MAPPER = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private CorpusYaml() {
    }

    /** The file as a tree: what tells a key written "~" (deliberately unknown) from a key left out. */
    static JsonNode tree(Path file) {
        try (com.fasterxml.jackson.dataformat.yaml.YAMLParser parser =
                     (com.fasterxml.jackson.dataformat.yaml.YAMLParser) MAPPER.getFactory().createParser(file.toFile())) {
            JsonNode node = parser.nextToken() == null ? null : node(parser, new java.util.HashMap<>(), file);
            if (node == null || !node.isObject()) {
                throw new CorpusException(file + ": expected a YAML mapping at the top level");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new CorpusException(file + ": unreadable YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CorpusException(file + ": unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * One value and what it holds, with YAML aliases resolved: Jackson reads "*name" as the string "name",
     * so a sheet that shares one list of duties between three agencies ("duties: *dt617-iv6") would serve
     * the anchor's name as the duty.
     */
    private static JsonNode node(com.fasterxml.jackson.dataformat.yaml.YAMLParser p,
                                 java.util.Map<String, JsonNode> anchors, Path file) throws IOException {
        com.fasterxml.jackson.databind.node.JsonNodeFactory nodes = MAPPER.getNodeFactory();
        if (p.isCurrentAlias()) {
            JsonNode anchored = anchors.get(p.getText());
            if (anchored == null) {
                throw new CorpusException(file + ": YAML alias '*" + p.getText() + "' names no anchor before it");
            }
            return anchored.deepCopy();
        }
        Object anchor = p.getObjectId();
        JsonNode node;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                com.fasterxml.jackson.databind.node.ObjectNode o = nodes.objectNode();
                while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_OBJECT) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, node(p, anchors, file));
                }
                node = o;
            }
            case START_ARRAY -> {
                com.fasterxml.jackson.databind.node.ArrayNode a = nodes.arrayNode();
                while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                    a.add(node(p, anchors, file));
                }
                node = a;
            }
            case VALUE_NUMBER_INT -> node = switch (p.getNumberType()) {
                case INT -> nodes.numberNode(p.getIntValue());
                case LONG -> nodes.numberNode(p.getLongValue());
                default -> nodes.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> node = nodes.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> node = nodes.booleanNode(true);
            case VALUE_FALSE -> node = nodes.booleanNode(false);
            case VALUE_NULL -> node = nodes.nullNode();
            default -> node = nodes.textNode(p.getText());
        }
        if (anchor != null) {
            anchors.put(anchor.toString(), node);
        }
        return node;
    }

    static <T> T bind(Path file, JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce("", (a, b) -> a.isEmpty() || b.startsWith("[") ? a + b : a + "." + b);
            throw new CorpusException(file + ": field '" + field + "' has the wrong shape: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new CorpusException(file + ": unreadable YAML: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads and binds a whole file. */
    static <T> T read(Path file, Class<T> type) {
        return bind(file, tree(file), type);
    }

    /** A field that must be present and non-blank, named with its path when it is not. */
    static String required(Path file, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new CorpusException(file + ": missing field '" + field + "'");
        }
        return value.strip();
    }

    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static java.util.List<String> strings(java.util.List<String> values) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    out.add(v.strip());
                }
            }
        }
        return out;
    }
}
