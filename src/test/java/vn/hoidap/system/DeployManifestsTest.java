package vn.hoidap.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parses every document under deploy/kubernetes and checks what a wrong edit would break silently: the
 * required fields, the image, the probes on the right endpoints, resources, and that every secret
 * reference names a key the Secret has. Also the compose file and the Dockerfile's non-root user.
 */
class DeployManifestsTest {

    private static final Path DEPLOY = Path.of("deploy");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<JsonNode> DOCS = new ArrayList<>();
    private static final Map<String, JsonNode> BY_KIND = new HashMap<>();

    @BeforeAll
    static void parse() throws IOException {
        try (Stream<Path> files = Files.list(DEPLOY.resolve("kubernetes"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try (YAMLParser parser = new YAMLFactory().createParser(f.toFile())) {
                    for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                        if (doc != null && !doc.isEmpty()) {
                            DOCS.add(doc);
                            // The service's own Service, not the ExternalName one for PostgreSQL.
                            if (!"ExternalName".equals(doc.path("spec").path("type").asText())) {
                                BY_KIND.putIfAbsent(doc.path("kind").asText(), doc);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyDocumentHasTheRequiredFields() {
        assertFalse(DOCS.isEmpty());
        for (JsonNode d : DOCS) {
            assertFalse(d.path("apiVersion").asText().isBlank(), "apiVersion: " + d);
            assertFalse(d.path("kind").asText().isBlank(), "kind: " + d);
            if (!"Kustomization".equals(d.path("kind").asText())) {
                assertFalse(d.path("metadata").path("name").asText().isBlank(), "metadata.name: " + d);
            }
        }
        for (String kind : new String[] {"Deployment", "Service", "Ingress", "PodDisruptionBudget",
                "HorizontalPodAutoscaler", "Secret"}) {
            assertTrue(BY_KIND.containsKey(kind), "a " + kind + " is deployed");
        }
    }

    @Test
    void deploymentRunsReplicasWithProbesResourcesAndANonRootUser() {
        JsonNode deployment = BY_KIND.get("Deployment");
        assertTrue(deployment.path("spec").path("replicas").asInt() >= 2, "2+ replicas");
        JsonNode pod = deployment.path("spec").path("template");
        assertEquals(deployment.path("spec").path("selector").path("matchLabels"), pod.path("metadata").path("labels"));
        assertTrue(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean(), "runAsNonRoot");
        JsonNode c = pod.path("spec").path("containers").get(0);
        String image = c.path("image").asText();
        assertTrue(image.contains(":") && !image.endsWith(":latest"), "a pinned image: " + image);
        assertEquals("/health/liveness", c.path("livenessProbe").path("httpGet").path("path").asText());
        assertEquals("/health/readiness", c.path("readinessProbe").path("httpGet").path("path").asText());
        for (String r : new String[] {"requests", "limits"}) {
            assertFalse(c.path("resources").path(r).path("memory").asText().isBlank(), r + ".memory");
            assertFalse(c.path("resources").path(r).path("cpu").asText().isBlank(), r + ".cpu");
        }
        // Kubernetes kills the pod when the grace period ends: the preStop pause, the service's drain and its
        // graceful stop must fit, with 10 s left for the query log to drain and the JVM to exit.
        int preStop = 0;
        JsonNode preStopCommand = c.path("lifecycle").path("preStop").path("exec").path("command");
        if (preStopCommand.size() == 2 && "sleep".equals(preStopCommand.get(0).asText())) {
            preStop = Integer.parseInt(preStopCommand.get(1).asText());
        }
        Map<String, String> values = new HashMap<>();
        c.path("env").forEach(e -> values.put(e.path("name").asText(), e.path("value").asText()));
        int drain = seconds(values.getOrDefault("HOIDAP_SHUTDOWN_DRAIN", "3s"));
        int grace = seconds(values.getOrDefault("HOIDAP_SHUTDOWN_GRACE", "15s"));
        int period = pod.path("spec").path("terminationGracePeriodSeconds").asInt();
        assertTrue(period >= preStop + drain + grace + 10,
                "terminationGracePeriodSeconds " + period + " < preStop " + preStop + " + drain " + drain + " + grace " + grace + " + 10");
    }

    @Test
    void everySecretReferenceNamesAKeyOfTheSecretAndEveryCredentialComesFromIt() {
        JsonNode secret = BY_KIND.get("Secret");
        Set<String> keys = new HashSet<>();
        secret.path("stringData").fieldNames().forEachRemaining(keys::add);
        secret.path("data").fieldNames().forEachRemaining(keys::add);
        Map<String, JsonNode> env = new HashMap<>();
        for (JsonNode e : BY_KIND.get("Deployment").path("spec").path("template").path("spec").path("containers").get(0).path("env")) {
            env.put(e.path("name").asText(), e);
            JsonNode ref = e.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                assertEquals(secret.path("metadata").path("name").asText(), ref.path("name").asText(), e.toString());
                assertTrue(keys.contains(ref.path("key").asText()), "Secret has key " + ref.path("key") + ": " + keys);
            }
        }
        for (String credential : new String[] {"DATASOURCES_DEFAULT_URL", "DATASOURCES_DEFAULT_USERNAME",
                "DATASOURCES_DEFAULT_PASSWORD", "HOIDAP_ADMIN_PASSWORD", "HOIDAP_LOG_SALT", "TELEGRAM_BOT_TOKEN",
                "TELEGRAM_WEBHOOK_SECRET"}) {
            JsonNode e = env.get(credential);
            assertNotNull(e, credential + " is set");
            assertTrue(e.path("value").isMissingNode(), credential + " must come from the Secret, not a literal");
        }
    }

    @Test
    void ingressRoutesTheWebhooksAndAutoscalerAndBudgetTargetTheDeployment() {
        List<String> paths = new ArrayList<>();
        for (JsonNode rule : BY_KIND.get("Ingress").path("spec").path("rules")) {
            for (JsonNode p : rule.path("http").path("paths")) {
                paths.add(p.path("path").asText());
                assertEquals(BY_KIND.get("Service").path("metadata").path("name").asText(),
                        p.path("backend").path("service").path("name").asText());
            }
        }
        assertTrue(paths.contains("/telegram/webhook"), "webhook path: " + paths);
        String deployment = BY_KIND.get("Deployment").path("metadata").path("name").asText();
        JsonNode hpa = BY_KIND.get("HorizontalPodAutoscaler").path("spec");
        assertEquals(deployment, hpa.path("scaleTargetRef").path("name").asText());
        assertTrue(hpa.path("minReplicas").asInt() >= 2);
        assertEquals("cpu", hpa.path("metrics").get(0).path("resource").path("name").asText());
        assertEquals(BY_KIND.get("Deployment").path("spec").path("selector").path("matchLabels"),
                BY_KIND.get("PodDisruptionBudget").path("spec").path("selector").path("matchLabels"));
    }

    @Test
    void composeRunsTwoInstancesBehindNginxWithPostgres() throws IOException {
        // SnakeYAML: the compose file shares the instances' settings through a merge key (<<: *app).
        Object compose = new org.yaml.snakeyaml.Yaml().load(Files.readString(DEPLOY.resolve("compose.yaml")));
        JsonNode services = YAML.valueToTree(compose).path("services");
        assertTrue(services.has("db") && services.has("nginx") && services.has("app1") && services.has("app2"),
                "services: " + services);
        assertTrue(services.path("app1").path("environment").has("DATASOURCES_DEFAULT_URL"), "no embedded database");
        String nginx = Files.readString(DEPLOY.resolve("nginx/nginx.conf"));
        assertTrue(nginx.contains("app1:8080") && nginx.contains("app2:8080"), nginx);
    }

    @Test
    void grafanaDashboardParsesAndEveryPanelQueriesPrometheus() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DEPLOY.resolve("grafana/hoidap-dashboard.json").toFile());
        assertFalse(dashboard.path("title").asText().isBlank());
        assertTrue(dashboard.path("panels").size() >= 8);
        for (JsonNode p : dashboard.path("panels")) {
            assertFalse(p.path("targets").path(0).path("expr").asText().isBlank(), "panel " + p.path("title"));
        }
    }

    @Test
    void dockerfileBuildsInStagesAndRunsAsANonRootUser() throws IOException {
        List<String> lines = Files.readAllLines(DEPLOY.resolve("Dockerfile"));
        assertTrue(lines.stream().filter(l -> l.startsWith("FROM ")).count() >= 2, "multi-stage");
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse("USER root");
        assertFalse(user.contains("root") || user.matches("USER 0(:.*)?"), user);
    }

    /** "15s" or "15" → 15 (the service's durations in the manifests are whole seconds). */
    private static int seconds(String duration) {
        return Integer.parseInt(duration.strip().replaceFirst("s$", ""));
    }
}
