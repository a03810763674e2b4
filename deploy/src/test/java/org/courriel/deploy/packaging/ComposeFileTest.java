package org.courriel.deploy.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.courriel.deploy.packaging.PackagingFiles.DEPLOY;
import static org.courriel.deploy.packaging.PackagingFiles.list;
import static org.courriel.deploy.packaging.PackagingFiles.map;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * deploy/compose.yaml, read as the data it is: there is no Docker engine to start it on the build machines,
 * so the test checks what `docker compose up` relies on.
 */
class ComposeFileTest {

    private static final Path COMPOSE = DEPLOY.resolve("compose.yaml");
    private final Map<String, Object> compose = PackagingFiles.yaml(COMPOSE);
    private final Map<String, Object> services = map(compose.get("services"));

    @Test
    void runsCourrielWithPostgresRspamdPrometheusAndGrafanaAndRoundcubeOnlyAsWebmailProfile() {
        assertThat(services).containsOnlyKeys("courriel", "postgres", "rspamd", "redis", "prometheus", "grafana",
                "roundcube");
        assertThat(service("postgres").get("image")).isEqualTo("postgres:17");
        assertThat(list(service("roundcube").get("profiles"))).containsExactly("webmail");
        for (String name : List.of("courriel", "postgres", "rspamd", "redis", "prometheus", "grafana")) {
            assertThat(service(name)).as(name + " is in the default profile").doesNotContainKey("profiles");
        }
        assertThat(map(service("courriel").get("build")).get("dockerfile")).isEqualTo("deploy/Dockerfile");
    }

    @Test
    void everyServiceHasAHealthCheckAndWaitsForWhatItNeeds() {
        for (String name : List.of("courriel", "postgres", "rspamd", "redis", "prometheus", "grafana")) {
            assertThat(map(service(name).get("healthcheck")).get("test")).as(name).isNotNull();
        }
        assertThat(condition("courriel", "postgres")).isEqualTo("service_healthy");
        // mail is accepted unscored while rspamd is down, so Courriel does not wait for it to be healthy
        assertThat(condition("courriel", "rspamd")).isEqualTo("service_started");
        assertThat(condition("rspamd", "redis")).isEqualTo("service_healthy");
        assertThat(condition("grafana", "prometheus")).isEqualTo("service_healthy");
        assertThat(condition("roundcube", "courriel")).isEqualTo("service_healthy");
        assertThat(list(map(service("courriel").get("healthcheck")).get("test")))
                .contains("/usr/local/bin/courriel-healthcheck");
    }

    @Test
    void publishesTheMailPortsAndKeepsManagementOnTheHostsLoopback() {
        List<String> ports = list(service("courriel").get("ports")).stream().map(String::valueOf).toList();
        assertThat(ports).contains("25:25", "465:465", "587:587", "143:143", "993:993", "8080:8080",
                "127.0.0.1:8081:8081");
        for (String name : List.of("prometheus", "grafana", "roundcube")) {
            assertThat(list(service(name).get("ports"))).as(name)
                    .allSatisfy(port -> assertThat(String.valueOf(port)).startsWith("127.0.0.1:"));
        }
        assertThat(map(service("courriel").get("sysctls"))).containsEntry("net.ipv4.ip_unprivileged_port_start", 0);
    }

    @Test
    void namedVolumesAreDeclaredAndEveryMountedFileIsInTheRepository() {
        Map<String, Object> declared = map(compose.get("volumes"));
        List<String> named = new ArrayList<>();
        for (Map.Entry<String, Object> service : services.entrySet()) {
            for (Object volume : list(map(service.getValue()).get("volumes"))) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(DEPLOY.resolve(source).normalize()).as(service.getKey() + " mounts " + source).exists();
                } else {
                    named.add(source);
                }
            }
        }
        assertThat(declared).containsOnlyKeys(named);
        assertThat(list(service("courriel").get("volumes"))).contains("courriel-data:/data");
        assertThat(list(service("postgres").get("volumes"))).contains("postgres-data:/var/lib/postgresql/data");
    }

    /** Issue #12: "the compose file of the deployment work starts rspamd next to Courriel". */
    @Test
    void courrielScoresWithTheRspamdServiceAndTeachesItsControllerOverAPrivateNetwork() {
        Map<String, Object> environment = map(service("courriel").get("environment"));
        assertThat(environment).containsEntry("COURRIEL_SPAM_RSPAMD_URL", "http://rspamd:11333")
                .containsEntry("COURRIEL_SPAM_RSPAMD_LEARN_CONTROLLER_URL", "http://rspamd:11334");
        Path local = DEPLOY.resolve("rspamd/local.d");
        assertThat(PackagingFiles.read(local.resolve("worker-normal.inc"))).contains("bind_socket = \"*:11333\";");
        assertThat(PackagingFiles.read(local.resolve("worker-controller.inc"))).contains("bind_socket = \"*:11334\";");
        assertThat(list(service("rspamd").get("volumes"))).contains("./rspamd/local.d:/etc/rspamd/local.d:ro");
        // Bayes statistics in the redis service, which only rspamd and Courriel's network share
        assertThat(PackagingFiles.read(local.resolve("redis.conf"))).contains("servers = \"redis:6379\";");
        assertThat(PackagingFiles.read(local.resolve("classifier-bayes.conf"))).contains("backend = \"redis\";");
        for (String name : List.of("rspamd", "redis")) {
            assertThat(service(name)).as(name + " publishes no port").doesNotContainKey("ports");
            assertThat(list(service(name).get("networks"))).as(name).containsExactly("spam");
        }
        assertThat(list(service("courriel").get("networks"))).containsExactlyInAnyOrder("default", "spam");
    }

    @Test
    void courrielIsConfiguredOnlyWithDocumentedSettings() {
        DocumentedSettings documented = DocumentedSettings.load();
        assertThat(map(service("courriel").get("environment")).keySet())
                .allSatisfy(variable -> assertThat(documented.documentsVariable(variable))
                        .as(variable + " is a setting in docs/configuration.md").isTrue());
    }

    @Test
    void prometheusScrapesTheCourrielServiceOnItsManagementPortAndLoadsTheMountedRules() {
        Map<String, Object> prometheus = PackagingFiles.yaml(DEPLOY.resolve("prometheus/prometheus.yml"));
        String managementPort = String.valueOf(map(service("courriel").get("environment")).get("MANAGEMENT_SERVER_PORT"));
        List<Object> targets = new ArrayList<>();
        for (Object job : list(prometheus.get("scrape_configs"))) {
            for (Object staticConfig : list(map(job).get("static_configs"))) {
                targets.addAll(list(map(staticConfig).get("targets")));
            }
        }
        assertThat(targets).contains("courriel:" + managementPort);
        List<String> mounts = list(service("prometheus").get("volumes")).stream().map(String::valueOf).toList();
        for (Object rules : list(prometheus.get("rule_files"))) {
            Path inContainer = Path.of("/etc/prometheus").resolve(String.valueOf(rules));
            assertThat(mounts).as("rule file " + rules + " is mounted")
                    .anySatisfy(mount -> assertThat(mount.split(":")[1]).isEqualTo(inContainer.toString()));
        }
    }

    @Test
    void grafanaLoadsTheDashboardFromWhereItIsMounted() throws Exception {
        Path providers = DEPLOY.resolve("grafana/provisioning/dashboards");
        List<String> paths = new ArrayList<>();
        try (var files = Files.list(providers)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml")).toList()) {
                for (Object provider : list(PackagingFiles.yaml(file).get("providers"))) {
                    paths.add(String.valueOf(map(map(provider).get("options")).get("path")));
                }
            }
        }
        String dashboard = list(service("grafana").get("volumes")).stream().map(String::valueOf)
                .filter(v -> v.startsWith("./grafana/courriel.json:")).findFirst().orElseThrow().split(":")[1];
        assertThat(paths).anySatisfy(path -> assertThat(dashboard).startsWith(path.replaceAll("/$", "") + "/"));
    }

    /** `docker compose config` (or Debian's docker-compose 1.29) where one is installed. */
    @Test
    void passesDockerComposeConfig() {
        PackagingFiles.Result result;
        if (PackagingFiles.onPath("docker-compose") != null) {
            result = PackagingFiles.run("docker-compose", "-f", COMPOSE.toString(), "--profile", "webmail", "config", "-q");
        } else {
            assumeTrue(PackagingFiles.onPath("docker") != null, "neither docker compose nor docker-compose installed");
            result = PackagingFiles.run("docker", "compose", "-f", COMPOSE.toString(), "--profile", "webmail", "config", "-q");
            assumeTrue(!result.output().contains("unknown command"), "docker has no compose plugin");
        }
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private Map<String, Object> service(String name) {
        return map(services.get(name));
    }

    private Object condition(String service, String dependency) {
        return map(map(service(service).get("depends_on")).get(dependency)).get("condition");
    }
}
