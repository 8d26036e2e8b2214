package fi.hyte.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the production-like stack (docker-compose.yml, deploy/) against the repository, without a Docker engine:
 * the services it builds are the reactor's modules, the environment it sets is what the services read, the ports
 * agree, images are pinned, everything has a healthcheck and waits for health, mounted files exist, and the
 * Keycloak realm gives the demo clients the claims of the development issuer. Where a {@code docker-compose} binary
 * (or the {@code docker compose} plugin) is installed, it validates the file too.
 */
class ComposeFileTest {

    /** The reactor modules that run as services; service-support, test-support and local-stack do not. */
    private static final Set<String> SERVICE_MODULES =
            Set.of("plan-service", "action-service", "indicator-service", "report-service", "gateway");

    private static final String DOCKERFILE = "deploy/Dockerfile";
    private static final String REALM_FILE = "deploy/keycloak/hyte-realm.json";

    /** The claims each demo client's tokens carry, as the development issuer (local profile) gives them. */
    private static final Map<String, Map<String, Object>> DEMO_CLIENT_CLAIMS = demoClientClaims();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Path root;
    private static Map<String, Object> compose;

    @BeforeAll
    static void loadComposeFile() throws IOException {
        root = repositoryRoot();
        Path file = root.resolve("docker-compose.yml");
        assertThat(file).as("docker-compose.yml at the repository root").isRegularFile();
        compose = yaml(file);
    }

    @Test
    void everyServiceBuiltFromTheDockerfileNamesAModuleOfTheReactor() {
        List<String> modules = reactorModules();
        List<String> problems = new ArrayList<>();
        Map<String, String> built = hyteServices();
        assertThat(built).as("compose services built from " + DOCKERFILE).isNotEmpty();
        built.forEach((service, module) -> {
            if (module == null) {
                problems.add(service + ": build.args has no MODULE");
                return;
            }
            if (!Files.isRegularFile(root.resolve(module).resolve("pom.xml"))) {
                problems.add(service + ": MODULE " + module + " has no " + module + "/pom.xml");
            }
            if (!modules.contains(module)) {
                problems.add(service + ": MODULE " + module + " is not in the root pom's <modules> " + modules);
            }
            Object image = service(service).get("image");
            if (!(image instanceof String name) || !name.startsWith("hyte/" + module + ":")) {
                problems.add(service + ": image should be hyte/" + module + ":<version>, is " + image);
            }
        });
        assertNoProblems("services built from " + DOCKERFILE, problems);
    }

    @Test
    void everyServiceModuleOfTheReactorIsBuiltInCompose() {
        List<String> modules = reactorModules();
        Set<String> builtModules = new LinkedHashSet<>(hyteServices().values());
        List<String> problems = new ArrayList<>();
        for (String module : SERVICE_MODULES.stream().sorted().toList()) {
            if (!modules.contains(module)) {
                problems.add(module + " is not in the root pom's <modules> " + modules);
            }
            if (!builtModules.contains(module)) {
                problems.add(module + " has no compose service built from " + DOCKERFILE + " with MODULE " + module);
            }
        }
        assertNoProblems("service modules in compose", problems);
    }

    @Test
    void everyVariableAServiceContainerSetsIsReadByItsApplicationYml() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : hyteServices().entrySet()) {
            String service = entry.getKey();
            String module = entry.getValue();
            Set<String> names = environment(service).keySet().stream()
                    .filter(name -> !name.equals("JAVA_TOOL_OPTIONS") && !name.startsWith("SPRING_"))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            Path yml = applicationYml(module);
            if (!Files.isRegularFile(yml)) {
                problems.add(module + ": " + root.relativize(yml) + " does not exist, so none of " + names
                        + " that compose service " + service + " sets is read");
                continue;
            }
            String text = Files.readString(yml, StandardCharsets.UTF_8);
            for (String name : names) {
                if (!reads(text, name)) {
                    problems.add(module + ": " + root.relativize(yml) + " does not read " + name + " (no ${" + name
                            + "} or ${" + name + ":default}) that compose service " + service + " sets");
                }
            }
        }
        assertNoProblems("environment variables nobody reads", problems);
    }

    @Test
    void serverPortOfEachServiceIsTheDefaultPortOfItsApplicationYml() throws IOException {
        Pattern defaultPort = Pattern.compile("\\$\\{SERVER_PORT:(\\d+)}");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : hyteServices().entrySet()) {
            String service = entry.getKey();
            String module = entry.getValue();
            String port = environment(service).get("SERVER_PORT");
            if (port == null) {
                problems.add(service + ": sets no SERVER_PORT");
                continue;
            }
            Path yml = applicationYml(module);
            if (!Files.isRegularFile(yml)) {
                problems.add(module + ": " + root.relativize(yml) + " does not exist, so its default port cannot be"
                        + " compared with SERVER_PORT " + port);
                continue;
            }
            Matcher matcher = defaultPort.matcher(Files.readString(yml, StandardCharsets.UTF_8));
            if (!matcher.find()) {
                problems.add(module + ": " + root.relativize(yml) + " has no server.port: ${SERVER_PORT:<port>}");
            } else if (!matcher.group(1).equals(port)) {
                problems.add(module + ": default port " + matcher.group(1) + " in " + root.relativize(yml)
                        + " but compose service " + service + " sets SERVER_PORT " + port);
            }
            for (Object published : list(service(service).get("ports"))) {
                String mapping = String.valueOf(published);
                String containerPort = mapping.substring(mapping.lastIndexOf(':') + 1);
                if (!containerPort.equals(port)) {
                    problems.add(service + ": publishes " + mapping + " but listens on SERVER_PORT " + port);
                }
            }
        }
        assertNoProblems("service ports", problems);
    }

    @Test
    void theGatewayRoutesToEachServiceByItsComposeNameAndPort() {
        Map<String, String> gateway = environment("gateway");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : hyteServices().entrySet()) {
            String service = entry.getKey();
            if (service.equals("gateway")) {
                continue;
            }
            String variable = service.toUpperCase().replace('-', '_') + "_URI";
            String expected = "http://" + service + ":" + environment(service).get("SERVER_PORT");
            if (!expected.equals(gateway.get(variable))) {
                problems.add("gateway: " + variable + " is " + gateway.get(variable) + ", expected " + expected);
            }
        }
        assertNoProblems("gateway routes", problems);
    }

    @Test
    void everyServiceTrustsTheIssuerThatKeycloakAdvertises() throws IOException {
        String hostname = environment("keycloak").get("KC_HOSTNAME");
        assertThat(hostname)
                .as("keycloak KC_HOSTNAME (fixed, so the issuer does not depend on the caller)")
                .isNotBlank();
        String realm = String.valueOf(realm().get("realm"));
        String issuer = hostname + "/realms/" + realm;
        List<String> problems = new ArrayList<>();
        for (String service : hyteServices().keySet()) {
            Map<String, String> env = environment(service);
            if (!issuer.equals(env.get("JWT_ISSUER_URI"))) {
                problems.add(
                        service + ": JWT_ISSUER_URI is " + env.get("JWT_ISSUER_URI") + ", Keycloak issues " + issuer);
            }
            String jwks = issuer + "/protocol/openid-connect/certs";
            if (!jwks.equals(env.get("JWT_JWK_SET_URI"))) {
                problems.add(service + ": JWT_JWK_SET_URI is " + env.get("JWT_JWK_SET_URI") + ", expected " + jwks);
            }
        }
        Map<String, String> gateway = environment("gateway");
        String tokenEndpoint = gateway.get("AUTH_SERVER_URI") + gateway.get("AUTH_TOKEN_PATH");
        if (!tokenEndpoint.equals(issuer + "/protocol/openid-connect/token")) {
            problems.add("gateway: AUTH_SERVER_URI + AUTH_TOKEN_PATH is " + tokenEndpoint + ", Keycloak's token"
                    + " endpoint is " + issuer + "/protocol/openid-connect/token");
        }
        assertNoProblems("issuer", problems);
    }

    @Test
    void everyImageIsPinnedToAVersionTag() throws IOException {
        List<String> problems = new ArrayList<>();
        services().forEach((name, service) -> {
            Object image = service.get("image");
            if (image == null) {
                problems.add(name + ": has no image");
            } else if (!pinned(String.valueOf(image))) {
                problems.add(name + ": image " + image + " is not pinned to a version tag");
            }
        });
        Set<String> stages = new LinkedHashSet<>();
        Pattern from = Pattern.compile("(?i)^\\s*FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?");
        for (String line : Files.readAllLines(root.resolve(DOCKERFILE), StandardCharsets.UTF_8)) {
            Matcher matcher = from.matcher(line);
            if (matcher.find()) {
                String image = matcher.group(1);
                if (!stages.contains(image) && !pinned(image)) {
                    problems.add(DOCKERFILE + ": FROM " + image + " is not pinned to a version tag");
                }
                if (matcher.group(2) != null) {
                    stages.add(matcher.group(2));
                }
            }
        }
        assertNoProblems("unpinned images", problems);
    }

    @Test
    void everyLongRunningServiceHasAHealthcheck() {
        Set<String> oneShot = new LinkedHashSet<>();
        services()
                .values()
                .forEach(service -> dependsOn(service).forEach((target, condition) -> {
                    if ("service_completed_successfully".equals(condition)) {
                        oneShot.add(target);
                    }
                }));
        List<String> problems = new ArrayList<>();
        services().forEach((name, service) -> {
            if (oneShot.contains(name)) {
                return;
            }
            Map<String, Object> healthcheck = map(service.get("healthcheck"));
            List<Object> test = healthcheck.get("test") instanceof String command
                    ? List.of("CMD-SHELL", command)
                    : list(healthcheck.get("test"));
            if (Boolean.TRUE.equals(healthcheck.get("disable")) || test.isEmpty() || "NONE".equals(test.getFirst())) {
                problems.add(name + ": has no healthcheck");
            }
        });
        assertNoProblems("services without a healthcheck", problems);
    }

    @Test
    void everyDependencyWaitsUntilTheOtherServiceIsHealthy() {
        Set<String> allowed = Set.of("service_healthy", "service_completed_successfully");
        List<String> problems = new ArrayList<>();
        services().forEach((name, service) -> {
            if (service.get("depends_on") instanceof List<?> plain) {
                problems.add(name + ": depends_on " + plain + " only waits until they are started; use"
                        + " {x: {condition: service_healthy}}");
                return;
            }
            dependsOn(service).forEach((target, condition) -> {
                if (!services().containsKey(target)) {
                    problems.add(name + ": depends on " + target + ", which is no service");
                }
                if (!allowed.contains(condition)) {
                    problems.add(name + ": depends on " + target + " with condition " + condition + ", not one of "
                            + allowed);
                }
            });
        });
        assertNoProblems("dependencies", problems);
    }

    @Test
    void everyHostPathTheStackMountsOrBuildsFromExists() {
        List<String> problems = new ArrayList<>();
        services().forEach((name, service) -> {
            for (Object volume : list(service.get("volumes"))) {
                String source = null;
                if (volume instanceof String shortSyntax) {
                    String candidate = shortSyntax.split(":", 2)[0];
                    if (candidate.startsWith(".") || candidate.startsWith("/") || candidate.startsWith("~")) {
                        source = candidate;
                    }
                } else if (volume instanceof Map<?, ?> longSyntax && "bind".equals(longSyntax.get("type"))) {
                    source = String.valueOf(longSyntax.get("source"));
                }
                if (source != null && !Files.exists(root.resolve(source).normalize())) {
                    problems.add(name + ": mounts " + source + ", which does not exist");
                }
            }
            if (service.get("build") != null) {
                Map<String, Object> build = map(service.get("build"));
                Path context = root.resolve(String.valueOf(build.getOrDefault("context", ".")));
                Path dockerfile = context.resolve(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile")));
                if (!Files.isRegularFile(dockerfile.normalize())) {
                    problems.add(name + ": builds from " + root.relativize(dockerfile.normalize())
                            + ", which does not exist");
                }
            }
        });
        assertNoProblems("host paths", problems);
    }

    @Test
    void theHyteServicesOtherThanTheGatewayCanBeScaled() {
        List<String> problems = new ArrayList<>();
        hyteServices().keySet().forEach(name -> {
            Map<String, Object> service = service(name);
            if (service.containsKey("container_name")) {
                problems.add(name + ": has a container_name, so it cannot be scaled");
            }
            if (!name.equals("gateway") && !list(service.get("ports")).isEmpty()) {
                problems.add(name + ": publishes " + service.get("ports") + " to the host; only the gateway does");
            }
        });
        assertNoProblems("scaling", problems);
    }

    @Test
    void theKeycloakRealmGivesEachDemoClientItsClaimsAndTheHyteAudience() throws IOException {
        Map<String, Object> realm = realm();
        assertThat(realm.get("realm")).as("realm name in " + REALM_FILE).isEqualTo("hyte");
        assertThat(realm.get("enabled")).as("realm enabled").isEqualTo(true);
        Map<String, Map<String, Object>> clients = new LinkedHashMap<>();
        for (Object client : list(realm.get("clients"))) {
            clients.put(String.valueOf(map(client).get("clientId")), map(client));
        }
        List<String> problems = new ArrayList<>();
        if (!clients.keySet().equals(DEMO_CLIENT_CLAIMS.keySet())) {
            problems.add("clients are " + clients.keySet() + ", expected " + DEMO_CLIENT_CLAIMS.keySet());
        }
        DEMO_CLIENT_CLAIMS.forEach((clientId, expectedClaims) -> {
            Map<String, Object> client = clients.get(clientId);
            if (client == null) {
                return;
            }
            Map<String, Object> expectedSettings = Map.of(
                    "enabled", true,
                    "publicClient", false,
                    "secret", "demo",
                    "serviceAccountsEnabled", true,
                    "standardFlowEnabled", false,
                    "implicitFlowEnabled", false,
                    "directAccessGrantsEnabled", false);
            expectedSettings.forEach((key, value) -> {
                if (!value.equals(client.get(key))) {
                    problems.add(clientId + ": " + key + " is " + client.get(key) + ", expected " + value);
                }
            });
            Map<String, Object> claims = new TreeMap<>();
            boolean audience = false;
            for (Object entry : list(client.get("protocolMappers"))) {
                Map<String, Object> mapper = map(entry);
                Map<String, Object> config = map(mapper.get("config"));
                if (!"true".equals(config.get("access.token.claim"))) {
                    problems.add(clientId + ": mapper " + mapper.get("name") + " does not set access.token.claim");
                }
                switch (String.valueOf(mapper.get("protocolMapper"))) {
                    case "oidc-audience-mapper" -> audience |= "hyte".equals(config.get("included.custom.audience"));
                    case "oidc-hardcoded-claim-mapper" -> {
                        String claim = String.valueOf(config.get("claim.name"));
                        String value = String.valueOf(config.get("claim.value"));
                        String type = String.valueOf(config.get("jsonType.label"));
                        claims.put(claim, type.equals("JSON") ? JSON.readValue(value, Object.class) : value);
                        String expectedType = expectedClaims.get(claim) instanceof List ? "JSON" : "String";
                        if (expectedClaims.containsKey(claim) && !expectedType.equals(type)) {
                            problems.add(clientId + ": claim " + claim + " has jsonType.label " + type + ", expected "
                                    + expectedType);
                        }
                    }
                    default -> problems.add(clientId + ": unexpected mapper " + mapper.get("protocolMapper"));
                }
            }
            if (!claims.equals(new TreeMap<>(expectedClaims))) {
                problems.add(clientId + ": claims are " + claims + ", expected " + new TreeMap<>(expectedClaims));
            }
            if (!audience) {
                problems.add(clientId + ": no oidc-audience-mapper adding the audience hyte");
            }
        });
        assertNoProblems(REALM_FILE, problems);
    }

    @Test
    void dockerComposeAcceptsTheFile() throws IOException, InterruptedException {
        Optional<List<String>> dockerCompose = composeCommand();
        if (dockerCompose.isEmpty()) {
            Assumptions.assumeTrue(
                    false,
                    "docker-compose.yml not validated by Docker Compose: neither a docker-compose binary nor the"
                            + " docker compose plugin is on the PATH (apt-get install docker-compose provides one that"
                            + " validates without a Docker engine)");
        }
        List<String> command = new ArrayList<>(dockerCompose.get());
        command.addAll(List.of("-f", "docker-compose.yml", "config", "-q"));
        Run run = run(command, 120);
        assertThat(run.exitCode())
                .as(String.join(" ", command) + " exited " + run.exitCode() + ":\n" + run.output())
                .isZero();
    }

    // ------------------------------------------------------------------ compose file

    private static Map<String, Map<String, Object>> services() {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        map(compose.get("services")).forEach((name, service) -> services.put(name, map(service)));
        return services;
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> service = services().get(name);
        assertThat(service).as("compose service " + name).isNotNull();
        return service;
    }

    /** The compose services built from deploy/Dockerfile, each with its MODULE build argument (null if none). */
    private static Map<String, String> hyteServices() {
        Map<String, String> built = new LinkedHashMap<>();
        services().forEach((name, service) -> {
            if (!(service.get("build") instanceof Map<?, ?>)) {
                return;
            }
            Map<String, Object> build = map(service.get("build"));
            String dockerfile = String.valueOf(build.get("dockerfile"));
            if (Path.of(dockerfile).normalize().equals(Path.of(DOCKERFILE))) {
                built.put(name, keyValues(build.get("args")).get("MODULE"));
            }
        });
        return built;
    }

    private static Map<String, String> environment(String service) {
        return keyValues(service(service).get("environment"));
    }

    /** Compose's two forms of a dictionary: a map, or a list of KEY=VALUE strings. */
    private static Map<String, String> keyValues(Object value) {
        Map<String, String> result = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> mapping) {
            mapping.forEach((key, item) -> result.put(String.valueOf(key), item == null ? null : String.valueOf(item)));
        } else {
            for (Object item : list(value)) {
                String[] parts = String.valueOf(item).split("=", 2);
                result.put(parts[0], parts.length > 1 ? parts[1] : null);
            }
        }
        return result;
    }

    /** depends_on as target to condition; the list form means service_started. */
    private static Map<String, String> dependsOn(Map<String, Object> service) {
        Map<String, String> result = new LinkedHashMap<>();
        Object dependsOn = service.get("depends_on");
        if (dependsOn instanceof Map<?, ?> mapping) {
            mapping.forEach((target, options) -> result.put(
                    String.valueOf(target), String.valueOf(map(options).get("condition"))));
        } else {
            list(dependsOn).forEach(target -> result.put(String.valueOf(target), "service_started"));
        }
        return result;
    }

    private static boolean pinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        int lastSlash = image.lastIndexOf('/');
        int colon = image.indexOf(':', lastSlash + 1);
        if (colon < 0) {
            return false;
        }
        String tag = image.substring(colon + 1);
        return !tag.isBlank() && !tag.equals("latest") && !tag.contains("$");
    }

    // ------------------------------------------------------------------ modules

    private static Path applicationYml(String module) {
        return root.resolve(module).resolve("src/main/resources/application.yml");
    }

    /** Whether the text reads the variable as ${NAME} or ${NAME:default}. */
    private static boolean reads(String text, String variable) {
        return Pattern.compile("\\$\\{" + Pattern.quote(variable) + "[:}]")
                .matcher(text)
                .find();
    }

    private static List<String> reactorModules() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder()
                    .parse(root.resolve("pom.xml").toFile())
                    .getDocumentElement();
            List<String> modules = new ArrayList<>();
            NodeList nodes = project.getElementsByTagName("module");
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i).getParentNode().getParentNode() == project) {
                    modules.add(nodes.item(i).getTextContent().trim());
                }
            }
            return modules;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the root pom.xml's <modules>", e);
        }
    }

    // ------------------------------------------------------------------ Keycloak realm

    private static Map<String, Object> realm() throws IOException {
        Path file = root.resolve(REALM_FILE);
        assertThat(file).as(REALM_FILE).isRegularFile();
        return map(JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Map.class));
    }

    /** The development issuer's table is the reference: Keycloak must issue the same claims. */
    private static Map<String, Map<String, Object>> demoClientClaims() {
        Map<String, Map<String, Object>> claims = new LinkedHashMap<>();
        fi.hyte.localstack.issuer.DemoClient.ALL.forEach(client -> claims.put(client.clientId(), client.claims()));
        return claims;
    }

    // ------------------------------------------------------------------ Docker Compose

    private static Optional<List<String>> composeCommand() throws InterruptedException {
        Optional<Path> standalone = onPath("docker-compose");
        if (standalone.isPresent()) {
            return Optional.of(List.of(standalone.get().toString()));
        }
        Optional<Path> docker = onPath("docker");
        if (docker.isPresent()) {
            try {
                if (run(List.of(docker.get().toString(), "compose", "version"), 30)
                                .exitCode()
                        == 0) {
                    return Optional.of(List.of(docker.get().toString(), "compose"));
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(Pattern.quote(File.pathSeparator))) {
            if (directory.isBlank()) {
                continue;
            }
            Path candidate = Path.of(directory, executable);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private record Run(int exitCode, String output) {}

    private static Run run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        StringBuilder output = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (InputStream in = process.getInputStream()) {
                output.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("(output unreadable: ").append(e).append(')');
            }
        });
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return new Run(process.exitValue(), output.toString());
    }

    // ------------------------------------------------------------------ helpers

    private static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory with mvnw above " + start);
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return map(new Yaml(new SafeConstructor(options)).load(reader));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (value == null) {
            return Map.of();
        }
        assertThat(value).as("a mapping").isInstanceOf(Map.class);
        Map<String, Object> result = new LinkedHashMap<>();
        ((Map<Object, Object>) value).forEach((key, item) -> result.put(String.valueOf(key), item));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        assertThat(value).as("a sequence").isInstanceOf(List.class);
        return (List<Object>) value;
    }

    private static void assertNoProblems(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(what + ":\n  " + String.join("\n  ", problems));
        }
    }
}
