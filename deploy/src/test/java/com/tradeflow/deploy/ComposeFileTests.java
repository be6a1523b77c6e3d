package com.tradeflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.api.event.EventTopics;
import com.tradeflow.deploy.Placeholders.SpringPlaceholder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose.yaml against the services' own configuration and the rest of deploy/: read as files, no Docker
 * (this machine has none; the file is checked here, not run). ComposeChecksTests shows each check failing.
 */
class ComposeFileTests {

    private static final List<String> MODULES = List.of("provider-inventory", "provider-account", "consumer-web");
    private static final Set<String> EVERY_SERVICE = Set.of(
            "NACOS_ADDR",
            "MYSQL_USER",
            "MYSQL_PASSWORD",
            "ROCKETMQ_NAMESRV",
            "ROCKETMQ_ACCESS_KEY",
            "ROCKETMQ_SECRET_KEY",
            "TRADEFLOW_RPC_CALLER_TOKEN");
    /**
     * What a service needs in a container although its application.yml has a default: the defaults point at
     * 127.0.0.1 (nothing there in a container) or are empty, and the service then refuses to start (caller token,
     * signing key, issuer) or works unsigned, as root, or off the network.
     */
    private static final Map<String, Set<String>> NEEDED_DESPITE_DEFAULTS = Map.of(
            "provider-inventory",
            union(EVERY_SERVICE, Set.of("REDIS_URL")),
            "provider-account",
            union(EVERY_SERVICE, Set.of("TRADEFLOW_EVENT_SIGNING_KEY", "TRADEFLOW_XA_TM_NAME", "TRADEFLOW_XA_LOG_DIR")),
            "consumer-web",
            union(
                    EVERY_SERVICE,
                    Set.of(
                            "REDIS_URL",
                            "TRADEFLOW_EVENT_SIGNING_KEY",
                            "OIDC_ISSUER_URI",
                            "WEB_ADDRESS",
                            "MANAGEMENT_ADDRESS")));

    private static Path root;
    private static Path deploy;
    private static ComposeFile compose;
    private static Map<String, String> envExample;
    private static Set<String> envExampleMentions;
    private static Map<String, String> dockerfiles;

    @BeforeAll
    static void readFiles() throws IOException {
        root = repositoryRoot();
        deploy = root.resolve("deploy");
        compose = ComposeFile.load(deploy.resolve("compose.yaml"));
        envExample = new LinkedHashMap<>();
        envExampleMentions = new TreeSet<>();
        Pattern assignment = Pattern.compile("^(#\\s*)?([A-Z][A-Z0-9_]*)=(.*)$");
        for (String line : Files.readAllLines(deploy.resolve(".env.example"))) {
            Matcher matcher = assignment.matcher(line.strip());
            if (matcher.matches()) {
                envExampleMentions.add(matcher.group(2));
                if (matcher.group(1) == null) {
                    envExample.put(matcher.group(2), matcher.group(3).strip());
                }
            }
        }
        dockerfiles = new TreeMap<>();
        try (Stream<Path> files = Files.walk(deploy)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Dockerfile")
                            && !f.startsWith(deploy.resolve("target")))
                    .toList()) {
                dockerfiles.put(deploy.relativize(file).toString(), Files.readString(file));
            }
        }
    }

    @Test
    void everyImageHasAnExactVersionTag() {
        assertThat(compose.services()).hasSizeGreaterThan(MODULES.size());
        assertThat(ComposeChecks.unpinnedImages(compose, envExample)).isEmpty();
    }

    @Test
    void everyDockerfileStartsFromAnExactVersion() {
        assertThat(dockerfiles).containsKeys("service.Dockerfile", "nacos-config-import.Dockerfile");
        assertThat(ComposeChecks.unpinnedBaseImages(dockerfiles)).isEmpty();
    }

    @Test
    void everyDependencyIsAServiceOfTheFileThatCanBeWaitedForSo() {
        assertThat(ComposeChecks.dependencyProblems(compose)).isEmpty();
    }

    @Test
    void everyServiceSetsEachVariableItsApplicationYmlReadsWithoutADefaultInProd() {
        Map<String, Set<String>> required = new TreeMap<>();
        for (String module : MODULES) {
            required.put(
                    module,
                    springPlaceholders(module).stream()
                            .filter(p -> p.isVariable() && !p.hasDefault() && !p.nested())
                            .map(SpringPlaceholder::name)
                            .collect(Collectors.toCollection(TreeSet::new)));
            // the prod profile's JDBC URLs name no default host: proof that the prod document is read
            assertThat(required.get(module)).as(module).contains("MYSQL_HOST");
        }
        assertThat(ComposeChecks.missingVariables(compose, required, "its application.yml reads them with no default"))
                .isEmpty();
    }

    @Test
    void everyServiceSetsWhatItNeedsInAContainerDespiteItsLocalDefaults() {
        NEEDED_DESPITE_DEFAULTS.forEach((module, variables) -> assertThat(springPlaceholders(module).stream()
                        .filter(SpringPlaceholder::isVariable)
                        .map(SpringPlaceholder::name))
                .as("variables %s reads (this list must not outlive them)", module)
                .containsAll(variables));
        assertThat(ComposeChecks.missingVariables(
                        compose, NEEDED_DESPITE_DEFAULTS, "its defaults do not work in a container"))
                .isEmpty();
    }

    @Test
    void noSecretHasALiteralValue() {
        assertThat(ComposeChecks.literalSecrets(compose)).isEmpty();
    }

    @Test
    void publishedPortsListenOnTheHostsLoopbackOnly() {
        assertThat(ComposeFile.ports(compose.service("consumer-web-1"))).isNotEmpty();
        assertThat(ComposeChecks.portsOffLoopback(compose)).isEmpty();
    }

    @Test
    void theMysqlInitRunsTheRepositorysSeataStoreSchema() {
        Path schema = root.resolve("seata-config/src/main/resources/sql/server/mysql-db-store.sql");
        assertThat(schema).isRegularFile();
        assertThat(ComposeChecks.seataStoreNotMounted(compose, deploy, schema)).isEmpty();
    }

    @Test
    void envExampleListsEveryVariableTheFileRequiresAndNoSecretValue() {
        assertThat(envExample).isNotEmpty();
        assertThat(ComposeChecks.envExampleProblems(compose, envExample, envExampleMentions))
                .isEmpty();
    }

    @Test
    void eachProviderAccountInstanceKeepsItsOwnXaLog() {
        assertThat(ComposeChecks.xaLogProblems(compose, "provider-account")).isEmpty();
    }

    @Test
    void everyServiceRunsAsTwoInstances() {
        assertThat(ComposeChecks.tooFewInstances(compose, Set.copyOf(MODULES), 2))
                .isEmpty();
    }

    @Test
    void theBrokerGetsEveryTopicTheServicesUse() throws IOException {
        String script = Files.readString(deploy.resolve("rocketmq/create-topics.sh"));
        Matcher array = Pattern.compile("(?s)\ntopics=\\((.*?)\n\\)").matcher(script);
        assertThat(array.find())
                .as("a topics=( ... ) array in create-topics.sh")
                .isTrue();
        Set<String> created = Arrays.stream(array.group(1).split("\\s+"))
                .filter(word -> !word.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(created).containsExactlyInAnyOrderElementsOf(EventTopics.all());
    }

    @Test
    void theReadmeNamesEveryImageWithItsVersion() throws IOException {
        String readme = Files.readString(deploy.resolve("README.md"));
        assertThat(ComposeChecks.imagesNotNamed(compose, ComposeChecks.baseImages(dockerfiles), readme))
                .isEmpty();
    }

    /** The placeholders of the module's configuration as the prod profile sees it. */
    private static List<SpringPlaceholder> springPlaceholders(String module) {
        Path resources = root.resolve(module).resolve("src/main/resources");
        List<String> values = new ArrayList<>();
        for (String file : List.of("application.yml", "application-prod.yml")) {
            Path yml = resources.resolve(file);
            if (!Files.exists(yml)) {
                continue;
            }
            try {
                for (Object document : new Yaml(new LoaderOptions()).loadAll(Files.readString(yml))) {
                    if (file.equals("application-prod.yml") || appliesToProd(document)) {
                        collectStrings(document, values);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(values).as(module + "'s application.yml").isNotEmpty();
        return values.stream().flatMap(v -> Placeholders.spring(v).stream()).toList();
    }

    /** A document without spring.config.activate.on-profile, or one for prod. */
    private static boolean appliesToProd(Object document) {
        Object profile = path(document, "spring", "config", "activate", "on-profile");
        return profile == null || String.valueOf(profile).equals("prod");
    }

    private static Object path(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    private static void collectStrings(Object node, List<String> strings) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collectStrings(value, strings));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectStrings(value, strings));
        } else if (node != null) {
            strings.add(String.valueOf(node));
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("deploy/compose.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no deploy/compose.yaml above " + Path.of("").toAbsolutePath());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
    }
}
