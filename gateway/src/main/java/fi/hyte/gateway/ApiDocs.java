package fi.hyte.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v3/api-docs}: one OpenAPI document for the whole API, the services' own documents
 * ({@code <service>/v3/api-docs}, fetched at request time from {@code hyte.gateway.api-docs.*}) merged:
 * their paths and components, with the bearer scheme. A service that does not answer within {@code hyte.gateway.api-docs-timeout} (5 s) is
 * left out, and the document's description says which. Public, like {@code /swagger-ui}: it describes the
 * API, it holds no data.
 */
@RestController
@EnableConfigurationProperties(ApiDocs.Services.class)
class ApiDocs {

    private static final Logger log = LoggerFactory.getLogger(ApiDocs.class);

    private final Services services;
    private final WebClient http;
    private final JsonMapper json;

    ApiDocs(Services services, JsonMapper json) {
        this.services = services;
        this.http = WebClient.create();
        this.json = json;
    }

    @GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<String> merged() {
        return Flux.fromIterable(services.getApiDocs().entrySet())
                .concatMap(service -> http.get()
                        .uri(service.getValue() + "/v3/api-docs")
                        .retrieve()
                        .bodyToMono(String.class)
                        .timeout(services.getApiDocsTimeout())
                        .map(body -> Map.entry(service.getKey(), json.readTree(body)))
                        .onErrorResume(e -> {
                            log.warn("API document of {} not available: {}", service.getKey(), e.toString());
                            return Mono.just(Map.entry(service.getKey(), json.nullNode()));
                        }))
                .collectList()
                .map(documents -> json.writeValueAsString(merge(documents)));
    }

    ObjectNode merge(List<Map.Entry<String, JsonNode>> documents) {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", "Hyte API");
        info.put("version", "0.1.0");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject("bearer")
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "POST /oauth2/token (client credentials) issues one: audience hyte, roles claim.");
        merged.putArray("security").addObject().putArray("bearer");
        List<String> missing = new ArrayList<>();
        List<String> included = new ArrayList<>();
        for (var document : documents) {
            JsonNode doc = document.getValue();
            if (doc == null || !doc.isObject() || !doc.has("paths")) {
                missing.add(document.getKey());
                continue;
            }
            included.add(document.getKey());
            doc = renameClashingSchemas(document.getKey(), doc, components.get("schemas"));
            doc.get("paths").properties().forEach(path -> paths.set(path.getKey(), path.getValue()));
            JsonNode theirs = doc.get("components");
            if (theirs != null && theirs.isObject()) {
                theirs.properties().forEach(kind -> {
                    if (kind.getKey().equals("securitySchemes")) {
                        return;
                    }
                    ObjectNode ours = components.has(kind.getKey())
                            ? (ObjectNode) components.get(kind.getKey())
                            : components.putObject(kind.getKey());
                    // the same name with the same content (ProblemDetail) is kept once; schemas whose names
                    // clash with different content were renamed above
                    kind.getValue().properties().forEach(entry -> {
                        if (!ours.has(entry.getKey())) {
                            ours.set(entry.getKey(), entry.getValue());
                        }
                    });
                });
            }
        }
        info.put(
                "description",
                "The Hyte API through the gateway, merged from the services' own documents ("
                        + String.join(", ", included) + ")."
                        + (missing.isEmpty()
                                ? ""
                                : " Not available right now, so left out: " + String.join(", ", missing) + "."));
        if (!missing.isEmpty()) {
            merged.putArray("x-missing-services")
                    .addAll(missing.stream()
                            .map(json::valueToTree)
                            .map(JsonNode.class::cast)
                            .toList());
        }
        return merged;
    }

    /**
     * A schema of {@code service}'s document whose name is already taken by a different schema becomes
     * {@code <service>.<name>}, and every reference to it in that document follows.
     */
    private JsonNode renameClashingSchemas(String service, JsonNode doc, JsonNode merged) {
        JsonNode theirs = doc.at("/components/schemas");
        if (merged == null || !theirs.isObject()) {
            return doc;
        }
        String text = json.writeValueAsString(doc);
        boolean renamed = false;
        for (var schema : theirs.properties()) {
            JsonNode existing = merged.get(schema.getKey());
            if (existing != null && !existing.equals(schema.getValue())) {
                String from = "#/components/schemas/" + schema.getKey();
                String to = "#/components/schemas/" + service + "." + schema.getKey();
                text = text.replace("\"" + from + "\"", "\"" + to + "\"");
                renamed = true;
            }
        }
        if (!renamed) {
            return doc;
        }
        ObjectNode copy = (ObjectNode) json.readTree(text);
        ObjectNode schemas = (ObjectNode) copy.at("/components/schemas");
        for (String name : new ArrayList<>(schemas.propertyNames())) {
            JsonNode existing = merged.get(name);
            if (existing != null && !existing.equals(schemas.get(name))) {
                schemas.set(service + "." + name, schemas.remove(name));
            }
        }
        return copy;
    }

    /** {@code hyte.gateway.*}: the services whose documents are merged, by name. */
    @ConfigurationProperties("hyte.gateway")
    static class Services {
        private Map<String, String> apiDocs = new LinkedHashMap<>();
        private Duration apiDocsTimeout = Duration.ofSeconds(5);

        public Duration getApiDocsTimeout() {
            return apiDocsTimeout;
        }

        public void setApiDocsTimeout(Duration apiDocsTimeout) {
            this.apiDocsTimeout = apiDocsTimeout;
        }

        public Map<String, String> getApiDocs() {
            return apiDocs;
        }

        public void setApiDocs(Map<String, String> apiDocs) {
            this.apiDocs = apiDocs;
        }
    }
}
