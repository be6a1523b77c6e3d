package com.tradeflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check of {@link ComposeChecks} fails on a file that breaks its rule, and passes once it is mended. */
class ComposeChecksTests {

    private static ComposeFile compose(String yaml) {
        return ComposeFile.parse(yaml);
    }

    @Test
    void anImageWithoutAnExactVersionIsReported() {
        ComposeFile broken = compose("""
                services:
                  a: {image: redis}
                  b: {image: "redis:latest"}
                  c: {image: "mysql:8.4"}
                  d: {build: .}
                  e: {image: "registry.example:5000/team/app"}
                  f: {image: "tradeflow/web:${TAG:?}"}
                """);
        assertThat(ComposeChecks.unpinnedImages(broken, Map.of("TAG", "latest")))
                .hasSize(6)
                .anyMatch(p -> p.startsWith("a:") && p.contains("no tag"))
                .anyMatch(p -> p.startsWith("b:") && p.contains("latest"))
                .anyMatch(p -> p.startsWith("c:") && p.contains("not an exact version"))
                .anyMatch(p -> p.startsWith("d:") && p.contains("no image"))
                .anyMatch(p -> p.startsWith("e:") && p.contains("no tag"));

        ComposeFile mended = compose("""
                services:
                  a: {image: "redis:7.4.9"}
                  b: {image: "nacos/nacos-server:v2.5.1"}
                  c: {image: "registry.example:5000/team/app@sha256:0123"}
                  f: {image: "tradeflow/web:${TAG:?}"}
                  g: {image: "tradeflow/web:${OTHER:-1.2.3}"}
                """);
        assertThat(ComposeChecks.unpinnedImages(mended, Map.of("TAG", "0.1.0-SNAPSHOT")))
                .isEmpty();
    }

    @Test
    void aBaseImageWithoutAnExactVersionIsReported() {
        assertThat(ComposeChecks.unpinnedBaseImages(Map.of(
                        "a.Dockerfile", "FROM eclipse-temurin:17-jre\n",
                        "b.Dockerfile", "# nothing\n",
                        "c.Dockerfile", "FROM maven:3.9.9 AS build\nFROM build\nFROM ubuntu\n")))
                .containsExactlyInAnyOrder(
                        "a.Dockerfile: FROM eclipse-temurin:17-jre has the tag 17-jre, not an exact version",
                        "b.Dockerfile: no FROM line",
                        "c.Dockerfile: FROM ubuntu has no tag (that is latest)");
        assertThat(ComposeChecks.unpinnedBaseImages(Map.of(
                        "a.Dockerfile", "# syntax=docker/dockerfile:1\nFROM eclipse-temurin:17.0.20_8-jre-noble\n")))
                .isEmpty();
    }

    @Test
    void aDependencyThatCannotBeWaitedForIsReported() {
        ComposeFile broken = compose("""
                services:
                  app:
                    image: a
                    depends_on:
                      ghost: {condition: service_started}
                      db: {condition: service_healthy}
                      init: {condition: service_completed_successfully}
                      cache: {condition: service_ready}
                  list:
                    image: a
                    depends_on: [nobody]
                  db: {image: a}
                  init: {image: a, restart: always}
                  cache: {image: a}
                """);
        assertThat(ComposeChecks.dependencyProblems(broken))
                .containsExactlyInAnyOrder(
                        "app: depends on ghost, which is not a service of this file",
                        "app: waits for db to be healthy, which has no healthcheck",
                        "app: waits for init to complete, which is restarted (always)",
                        "app: waits for cache with an unknown condition service_ready",
                        "list: depends on nobody, which is not a service of this file");

        ComposeFile mended = compose("""
                services:
                  app:
                    image: a
                    depends_on:
                      db: {condition: service_healthy}
                      init: {condition: service_completed_successfully}
                  db: {image: a, healthcheck: {test: [CMD, "true"]}}
                  init: {image: a, restart: "no"}
                """);
        assertThat(ComposeChecks.dependencyProblems(mended)).isEmpty();
    }

    @Test
    void aServiceWithoutAVariableItsModuleNeedsIsReported() {
        String yaml = """
                services:
                  web-1:
                    image: a
                    build: {context: .., args: {MODULE: web}}
                    environment: {MYSQL_HOST: mysql%s}
                  web-2:
                    image: a
                    build: {context: .., args: {MODULE: web}}
                    environment: [MYSQL_HOST=mysql, NACOS_ADDR=nacos:8848]
                  other: {image: a, environment: {}}
                """;
        Map<String, Set<String>> needed = Map.of("web", Set.of("MYSQL_HOST", "NACOS_ADDR"));
        assertThat(ComposeChecks.missingVariables(compose(yaml.formatted("")), needed, "needed"))
                .containsExactly("web-1 (web): needed, not set: [NACOS_ADDR]");
        assertThat(ComposeChecks.missingVariables(
                        compose(yaml.formatted(", NACOS_ADDR: nacos:8848")), needed, "needed"))
                .isEmpty();
    }

    @Test
    void aSecretWithALiteralValueIsReported() {
        ComposeFile broken = compose("""
                services:
                  a:
                    image: a
                    environment:
                      MYSQL_PASSWORD: hunter2
                      API_TOKEN: "${API_TOKEN:-a-default}"
                      GATEWAY_SECRET_VALUE: "prefix-${SECRET}"
                      SEATA_SECURITY_SECRETKEY: "${SECRET}${SECRET}"
                  b:
                    image: a
                    environment: [ROCKETMQ_ACCESS_KEY=tradeflow]
                    build: {context: ., args: {BUILD_TOKEN: abc}}
                """);
        assertThat(ComposeChecks.literalSecrets(broken)).hasSize(6).allMatch(p -> p.contains("has a literal value"));

        ComposeFile mended = compose("""
                services:
                  a:
                    image: a
                    environment:
                      MYSQL_PASSWORD: ${MYSQL_PASSWORD:?set it}
                      API_TOKEN: ${API_TOKEN:-}
                      GATEWAY_SECRET_VALUE: ${SECRET}
                      PASSED_THROUGH_PASSWORD:
                      MYSQL_HOST: mysql
                """);
        assertThat(ComposeChecks.literalSecrets(mended)).isEmpty();
    }

    @Test
    void aPortPublishedBeyondTheLoopbackIsReported() {
        ComposeFile broken = compose("""
                services:
                  a: {image: a, ports: ["8080:8080", "0.0.0.0:9090:9090", 7070]}
                  b: {image: a, ports: [{target: 80, published: 8081}]}
                  c: {image: a, network_mode: host}
                """);
        assertThat(ComposeChecks.portsOffLoopback(broken)).hasSize(5);

        ComposeFile mended = compose("""
                services:
                  a: {image: a, ports: ["127.0.0.1:8080:8080", "127.0.0.1:${PORT:-9090}:9090"]}
                  b: {image: a, ports: [{target: 80, published: 8081, host_ip: 127.0.0.1}]}
                """);
        assertThat(ComposeChecks.portsOffLoopback(mended)).isEmpty();
    }

    @Test
    void theSeataStoreSchemaNotMountedAsTheRepositorysFileIsReported(@TempDir Path repository) {
        Path deploy = repository.resolve("deploy");
        Path schema = repository.resolve("seata-config/store.sql");
        String yaml = """
                services:
                  mysql:
                    image: "mysql:8.4.10"
                    environment: {%s}
                    volumes:
                      - %s
                """;
        assertThat(ComposeChecks.seataStoreNotMounted(
                        compose(yaml.formatted(
                                "MYSQL_DATABASE: seata", "./copy.sql:/docker-entrypoint-initdb.d/20.sql:ro")),
                        deploy,
                        schema))
                .singleElement()
                .asString()
                .startsWith("no mysql service mounts");
        assertThat(ComposeChecks.seataStoreNotMounted(
                        compose(yaml.formatted("", "../seata-config/store.sql:/tmp/store.sql")), deploy, schema))
                .containsExactlyInAnyOrder(
                        "mysql: mounts the Seata store schema at /tmp/store.sql, not as a .sql file of "
                                + "/docker-entrypoint-initdb.d/",
                        "mysql: mounts the Seata store schema writable (add :ro)",
                        "mysql: no MYSQL_DATABASE for the init scripts to run in");
        assertThat(ComposeChecks.seataStoreNotMounted(
                        compose(yaml.formatted(
                                "MYSQL_DATABASE: seata",
                                "../seata-config/store.sql:/docker-entrypoint-initdb.d/20-store.sql:ro")),
                        deploy,
                        schema))
                .isEmpty();
    }

    @Test
    void anEnvExampleThatMissesARequiredVariableOrHoldsASecretIsReported() {
        ComposeFile compose = compose("""
                services:
                  a:
                    image: a
                    environment:
                      DB_PASSWORD: ${DB_PASSWORD:?set it}
                      ISSUER: ${OIDC_ISSUER_URI}
                      AUDIENCE: ${OIDC_AUDIENCE:-api}
                      HEALTH: $$HOME
                      OLD_STYLE: $UNBRACED
                """);
        assertThat(ComposeChecks.envExampleProblems(
                        compose, Map.of("DB_PASSWORD", "s3cret"), Set.of("DB_PASSWORD", "STALE")))
                .containsExactlyInAnyOrder(
                        "compose.yaml interpolates without braces in: $UNBRACED",
                        ".env.example does not list what compose.yaml requires: [OIDC_ISSUER_URI]",
                        ".env.example mentions what compose.yaml does not use: [STALE]",
                        ".env.example gives the secret DB_PASSWORD a value; leave it empty");

        ComposeFile mended = compose("""
                services:
                  a:
                    image: a
                    environment:
                      DB_PASSWORD: ${DB_PASSWORD:?set it}
                      ISSUER: ${OIDC_ISSUER_URI}
                      AUDIENCE: ${OIDC_AUDIENCE:-api}
                      HEALTH: $$HOME
                """);
        assertThat(ComposeChecks.envExampleProblems(
                        mended,
                        Map.of("DB_PASSWORD", "", "OIDC_ISSUER_URI", ""),
                        Set.of("DB_PASSWORD", "OIDC_ISSUER_URI", "OIDC_AUDIENCE")))
                .isEmpty();
    }

    @Test
    void anXaLogSharedOrOutsideAVolumeIsReported() {
        String yaml = """
                services:
                  account-1:
                    image: a
                    build: {args: {MODULE: account}}
                    environment: {TRADEFLOW_XA_TM_NAME: account-1, TRADEFLOW_XA_LOG_DIR: /data/xa}
                    volumes: [xa-1:/data]
                  account-2:
                    image: a
                    build: {args: {MODULE: account}}
                    environment: {TRADEFLOW_XA_TM_NAME: %s, TRADEFLOW_XA_LOG_DIR: %s}
                    volumes: [%s]
                  account-3:
                    image: a
                    build: {args: {MODULE: account}}
                    environment: {TRADEFLOW_XA_TM_NAME: account-3}
                volumes:
                  xa-1:
                  xa-2:
                """;
        assertThat(ComposeChecks.xaLogProblems(
                        compose(yaml.formatted("account-1", "/data/xa", "xa-1:/data")), "account"))
                .containsExactlyInAnyOrder(
                        "account-1: its XA log volume xa-1 is mounted by [account-1, account-2]",
                        "account-2: TRADEFLOW_XA_TM_NAME account-1 is also account-1's",
                        "account-2: its XA log volume xa-1 is mounted by [account-1, account-2]",
                        "account-3: no TRADEFLOW_XA_LOG_DIR (the default lies in the container)");
        assertThat(ComposeChecks.xaLogProblems(
                        compose(yaml.formatted("account-2", "/elsewhere", "xa-2:/data")), "account"))
                .contains("account-2: TRADEFLOW_XA_LOG_DIR /elsewhere is not on a named volume");
        assertThat(ComposeChecks.xaLogProblems(
                        compose(yaml.formatted("account-2", "/data/xa", "./host-dir:/data")), "account"))
                .contains("account-2: TRADEFLOW_XA_LOG_DIR /data/xa is not on a named volume");

        String mended = yaml.formatted("account-2", "/data/xa", "xa-2:/data")
                .replace(
                        "environment: {TRADEFLOW_XA_TM_NAME: account-3}",
                        "environment: {TRADEFLOW_XA_TM_NAME: account-3, TRADEFLOW_XA_LOG_DIR: /data/xa}\n"
                                + "    volumes: [xa-3:/data]")
                .replace("  xa-2:\n", "  xa-2:\n  xa-3:\n");
        assertThat(ComposeChecks.xaLogProblems(compose(mended), "account")).isEmpty();
    }

    @Test
    void aModuleWithOneInstanceIsReported() {
        ComposeFile compose = compose("""
                services:
                  web-1: {image: a, build: {args: {MODULE: web}}}
                  web-2: {image: a, build: {args: {MODULE: web}}}
                  stock-1: {image: a, build: {args: {MODULE: stock}}}
                """);
        assertThat(ComposeChecks.tooFewInstances(compose, Set.of("web", "stock", "account"), 2))
                .containsExactlyInAnyOrder(
                        "stock: 1 instance(s), fewer than 2", "account: 0 instance(s), fewer than 2");
    }

    @Test
    void anImageTheReadmeDoesNotNameIsReported() {
        ComposeFile compose = compose("""
                services:
                  mysql: {image: "mysql:8.4.10"}
                  web: {image: "tradeflow/web:1.0.0", build: .}
                """);
        assertThat(ComposeChecks.imagesNotNamed(
                        compose, Set.of("eclipse-temurin:17.0.20_8-jre-noble"), "| `mysql:8.4.9` |"))
                .containsExactlyInAnyOrder(
                        "deploy/README.md does not name eclipse-temurin:17.0.20_8-jre-noble",
                        "deploy/README.md does not name mysql:8.4.10");
        assertThat(ComposeChecks.imagesNotNamed(
                        compose,
                        Set.of("eclipse-temurin:17.0.20_8-jre-noble"),
                        "mysql:8.4.10 eclipse-temurin:17.0.20_8-jre-noble"))
                .isEmpty();
    }

    @Test
    void aKeyTwiceInOneMappingIsRefusedAsComposeRefusesIt() {
        assertThatThrownBy(() -> compose("""
                        services:
                          a: {image: "a:1.0.0"}
                          a: {image: "b:1.0.0"}
                        """)).hasMessageContaining("duplicate key");
    }

    @Test
    void mergeKeysAndAnchorsResolveAsComposeResolvesThem() {
        ComposeFile compose = compose("""
                x-env: &env {A: "1", B: "2"}
                services:
                  s:
                    image: a
                    environment:
                      <<: *env
                      B: "3"
                """);
        assertThat(ComposeFile.environment(compose.service("s")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("A", "1", "B", "3"));
    }

    @Test
    void springPlaceholdersTellDefaultsAndNestingApart() {
        assertThat(Placeholders.spring("jdbc:mysql://${MYSQL_HOST}:${MYSQL_PORT:3306}/db"))
                .containsExactly(
                        new Placeholders.SpringPlaceholder("MYSQL_HOST", false, false),
                        new Placeholders.SpringPlaceholder("MYSQL_PORT", true, false));
        assertThat(Placeholders.spring("${OPS_TRACE_URL:${ZIPKIN_URL:http://127.0.0.1:9411}/zipkin/{traceId}}"))
                .containsExactly(
                        new Placeholders.SpringPlaceholder("OPS_TRACE_URL", true, false),
                        new Placeholders.SpringPlaceholder("ZIPKIN_URL", true, true));
        assertThat(Placeholders.spring("${server.port}").get(0).isVariable()).isFalse();
    }
}
