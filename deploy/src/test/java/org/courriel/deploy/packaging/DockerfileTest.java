package org.courriel.deploy.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.courriel.deploy.packaging.PackagingFiles.DEPLOY;
import static org.courriel.deploy.packaging.PackagingFiles.ROOT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * deploy/Dockerfile, parsed into its instructions: no Docker engine builds it on these machines, so the test
 * checks the instructions the image's promises rest on.
 */
class DockerfileTest {

    private static final Pattern ENV_PAIR = Pattern.compile("([A-Z_][A-Z0-9_]*)=(\"[^\"]*\"|\\S+)");

    private final List<Instruction> instructions = parse(PackagingFiles.read(DEPLOY.resolve("Dockerfile")));

    @Test
    void buildsOnTheTemurin25JdkAndRunsOnTheTemurin25Jre() {
        assertThat(all("ARG")).contains("JDK_IMAGE=eclipse-temurin:25-jdk", "JRE_IMAGE=eclipse-temurin:25-jre");
        assertThat(all("FROM")).containsExactly("${JDK_IMAGE} AS build", "${JRE_IMAGE}");
        assertThat(all("RUN")).anySatisfy(run -> assertThat(run).contains("./mvnw").contains("-pl deploy -am package"));
    }

    @Test
    void copiesSpringBootsLayersFromTheLeastToTheMostOftenChanged() {
        List<String> layers = all("COPY").stream().filter(copy -> copy.startsWith("--from=build /layers/"))
                .map(copy -> copy.replaceAll("--from=build /layers/([a-z-]+)/ .*", "$1")).toList();
        // Spring Boot's default layer order (java -Djarmode=tools -jar courriel.jar list-layers).
        assertThat(layers).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        assertThat(all("RUN")).anySatisfy(run -> assertThat(run).contains("-Djarmode=tools").contains("extract --layers"));
    }

    @Test
    void runsAsAnUnprivilegedUserWithStateInTheDataVolume() {
        assertThat(last("USER")).isEqualTo("courriel");
        assertThat(all("VOLUME")).containsExactly("[\"/data\"]");
        assertThat(env()).contains("COURRIEL_DATA_DIR=/data");
        assertThat(last("ENTRYPOINT")).startsWith("[\"java\"");
    }

    @Test
    void startsFromAnAotCacheMadeInTheRuntimeStageBeforeItsSettingsAndItsUser() {
        List<String> keywords = instructions.stream().map(Instruction::keyword).toList();
        int runtime = keywords.lastIndexOf("FROM");
        int training = -1;
        for (int i = runtime; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("RUN")
                    && instructions.get(i).arguments().contains("-XX:AOTCacheOutput=/opt/courriel/courriel.aot")) {
                training = i;
            }
        }
        assertThat(training).as("the cache is made by the JRE that runs it").isGreaterThan(runtime);
        assertThat(instructions.get(training).arguments()).contains("-Dspring.context.exit=onRefresh")
                .contains("--courriel.data-dir=/tmp/aot-training").contains("rm -rf /tmp/aot-training");
        assertThat(keywords.subList(training, keywords.size())).as("trained as root with no settings of the image")
                .contains("ENV", "USER");
        assertThat(keywords.subList(runtime, training)).doesNotContain("ENV", "USER");
        assertThat(last("ENTRYPOINT")).isEqualTo(
                "[\"java\", \"-XX:AOTCache=/opt/courriel/courriel.aot\", \"-jar\", \"/opt/courriel/courriel.jar\"]");
    }

    @Test
    void exposesTheMailPortsTheApiAndManagement() {
        assertThat(last("EXPOSE").split(" ")).containsExactlyInAnyOrder("25", "465", "587", "143", "993", "8080", "8081");
        assertThat(env()).contains("COURRIEL_MX_PORT=25", "COURRIEL_SUBMISSION_PORT=587", "COURRIEL_SUBMISSIONS_PORT=465",
                "COURRIEL_IMAP_PORT=143", "COURRIEL_IMAPS_PORT=993", "MANAGEMENT_SERVER_PORT=8081");
    }

    @Test
    void checksHealthWithTheScriptOnTheManagementPort() {
        assertThat(last("HEALTHCHECK")).contains("CMD [\"/usr/local/bin/courriel-healthcheck\", \"8081\"]");
        assertThat(all("COPY")).contains("deploy/docker/healthcheck /usr/local/bin/courriel-healthcheck");
    }

    @Test
    void copiesOnlyWhatExistsAndConfiguresOnlyDocumentedSettings() {
        for (String copy : all("COPY")) {
            if (!copy.startsWith("--from")) {
                String[] parts = copy.split(" ");
                for (String source : Arrays.copyOf(parts, parts.length - 1)) {
                    assertThat(ROOT.resolve(source)).as("COPY " + source).exists();
                }
            }
        }
        DocumentedSettings documented = DocumentedSettings.load();
        assertThat(env()).allSatisfy(pair -> {
            String variable = pair.substring(0, pair.indexOf('='));
            assertThat(variable.equals("JAVA_TOOL_OPTIONS") || documented.documentsVariable(variable))
                    .as(variable + " is a setting in docs/configuration.md").isTrue();
        });
    }

    private List<String> env() {
        List<String> pairs = new ArrayList<>();
        for (String env : all("ENV")) {
            Matcher matcher = ENV_PAIR.matcher(env);
            while (matcher.find()) {
                pairs.add(matcher.group(1) + "=" + matcher.group(2));
            }
        }
        return pairs;
    }

    private List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    private String last(String keyword) {
        List<String> found = all(keyword);
        assertThat(found).as(keyword).isNotEmpty();
        return found.getLast();
    }

    /** Instructions with their continuation lines joined, comments dropped. */
    static List<Instruction> parse(String dockerfile) {
        List<Instruction> parsed = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String text = current.toString().replaceAll("\\s+", " ");
            int space = text.indexOf(' ');
            parsed.add(new Instruction(text.substring(0, space).toUpperCase(), text.substring(space + 1)));
            current.setLength(0);
        }
        return parsed;
    }

    record Instruction(String keyword, String arguments) {
    }
}
