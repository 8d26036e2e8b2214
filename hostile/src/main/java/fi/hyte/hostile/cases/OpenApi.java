package fi.hyte.hostile.cases;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The operations of an OpenAPI 3 document, with their schemas' {@code $ref}s resolved. */
public final class OpenApi {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final JsonNode document;

    public OpenApi(JsonNode document) {
        this.document = document;
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                List<JsonNode> declared = new ArrayList<>();
                path.getValue().path("parameters").forEach(declared::add);
                operation.path("parameters").forEach(declared::add);
                for (JsonNode parameter : declared) {
                    JsonNode p = resolve(parameter);
                    if (type(schema(p.path("schema"))).equals("object")) {
                        // an object is no query parameter: springdoc lists a resolved argument (the caller) so
                        continue;
                    }
                    parameters.add(new Parameter(
                            p.path("name").asString(),
                            p.path("in").asString(),
                            p.path("required").asBoolean(false),
                            schema(p.path("schema"))));
                }
                JsonNode body = null;
                String mediaType = null;
                JsonNode content = resolve(operation.path("requestBody")).path("content");
                for (String candidate : List.of("application/json", "text/csv")) {
                    if (content.has(candidate)) {
                        mediaType = candidate;
                        body = schema(content.get(candidate).path("schema"));
                        break;
                    }
                }
                if (body == null && content.isObject() && !content.isEmpty()) {
                    Iterator<Map.Entry<String, JsonNode>> first =
                            content.properties().iterator();
                    var entry = first.next();
                    mediaType = entry.getKey();
                    body = schema(entry.getValue().path("schema"));
                }
                operations.add(new Operation(
                        method.toUpperCase(),
                        path.getKey(),
                        operation.path("operationId").asString(method + " " + path.getKey()),
                        parameters,
                        mediaType,
                        body));
            }
        }
        return operations;
    }

    /** A schema with every {@code $ref} replaced by its target and {@code allOf} merged (cycles cut at depth 12). */
    JsonNode schema(JsonNode schema) {
        return inline(schema, 0);
    }

    private JsonNode inline(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        if (!resolved.isObject() || depth > 12) {
            return resolved;
        }
        ObjectNode copy = ((ObjectNode) resolved).deepCopy();
        if (copy.has("allOf")) {
            ObjectNode merged = JsonMapper.shared().createObjectNode();
            for (JsonNode part : copy.get("allOf")) {
                JsonNode inlined = inline(part, depth + 1);
                if (inlined.isObject()) {
                    inlined.properties().forEach(e -> {
                        if (e.getValue().isObject() && merged.get(e.getKey()) instanceof ObjectNode existing) {
                            existing.setAll((ObjectNode) e.getValue());
                        } else if (e.getValue().isArray()
                                && merged.get(e.getKey()) != null
                                && merged.get(e.getKey()).isArray()) {
                            ((tools.jackson.databind.node.ArrayNode) merged.get(e.getKey()))
                                    .addAll((tools.jackson.databind.node.ArrayNode) e.getValue());
                        } else {
                            merged.set(e.getKey(), e.getValue().deepCopy());
                        }
                    });
                }
            }
            copy.remove("allOf");
            merged.setAll(copy);
            copy = merged;
        }
        for (String key : List.of("oneOf", "anyOf")) {
            if (copy.has(key) && copy.get(key).isArray() && !copy.get(key).isEmpty()) {
                JsonNode first = null;
                for (JsonNode option : copy.get(key)) {
                    if (!"null".equals(option.path("type").asString())) {
                        first = option;
                        break;
                    }
                }
                copy.remove(key);
                if (first != null) {
                    JsonNode inlined = inline(first, depth + 1);
                    if (inlined.isObject()) {
                        ObjectNode merged = ((ObjectNode) inlined).deepCopy();
                        merged.setAll(copy);
                        copy = merged;
                    }
                }
            }
        }
        if (copy.get("properties") instanceof ObjectNode properties) {
            ObjectNode inlined = JsonMapper.shared().createObjectNode();
            properties.properties().forEach(p -> inlined.set(p.getKey(), inline(p.getValue(), depth + 1)));
            copy.set("properties", inlined);
        }
        if (copy.has("items")) {
            copy.set("items", inline(copy.get("items"), depth + 1));
        }
        if (copy.get("additionalProperties") instanceof ObjectNode additional) {
            copy.set("additionalProperties", inline(additional, depth + 1));
        }
        return copy;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 20 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asString();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    /** One operation. {@code body} is null for none. */
    public record Operation(
            String method, String path, String id, List<Parameter> parameters, String mediaType, JsonNode body) {

        /** The operation with a body schema the document does not give. */
        public Operation withBody(String mediaType, JsonNode body) {
            return new Operation(method, path, id, parameters, mediaType, body);
        }

        public String name() {
            return method + " " + path;
        }

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }
    }

    /** One parameter. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {}

    /** The type of a schema, also where OpenAPI 3.1 gives a list ({@code ["string", "null"]}). */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "";
    }
}
