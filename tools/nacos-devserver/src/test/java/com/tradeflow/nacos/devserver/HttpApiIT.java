package com.tradeflow.nacos.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The v1 (and v2 config) HTTP API, driven by the real curl binary as an operator would. */
class HttpApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static NacosDevServer server;
    private static String base;

    @BeforeAll
    static void start() {
        server = NacosDevServer.start(DevServerOptions.defaults()
                .withPort(0)
                .withHeartbeatTimeouts(Duration.ofMillis(1500), Duration.ofMillis(3000)));
        base = "http://" + server.address();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldPublishReadAndDeleteAConfigWithCurl() throws Exception {
        assertThat(curl(
                                "-X",
                                "POST",
                                base + "/nacos/v1/cs/configs",
                                "-d",
                                "dataId=app.properties",
                                "-d",
                                "group=DEFAULT_GROUP",
                                "--data-urlencode",
                                "content=a=1\nb=2")
                        .body)
                .isEqualTo("true");
        Curl read = curl(base + "/nacos/v1/cs/configs?dataId=app.properties&group=DEFAULT_GROUP");
        assertThat(read.status).isEqualTo(200);
        assertThat(read.body).isEqualTo("a=1\nb=2");

        assertThat(curl("-X", "DELETE", base + "/nacos/v1/cs/configs?dataId=app.properties&group=DEFAULT_GROUP").body)
                .isEqualTo("true");
        Curl gone = curl(base + "/nacos/v1/cs/configs?dataId=app.properties&group=DEFAULT_GROUP");
        assertThat(gone.status).isEqualTo(404);
        assertThat(gone.body).isEqualTo("config data not exist");
    }

    @Test
    void shouldServeTheV2ConfigApiInItsEnvelope() throws Exception {
        Curl published = curl(
                "-X",
                "POST",
                base + "/nacos/v2/cs/config",
                "-d",
                "dataId=v2.json",
                "-d",
                "group=G",
                "-d",
                "namespaceId=public",
                "-d",
                "content={}");
        assertThat(JSON.readTree(published.body).path("data").asBoolean()).isTrue();
        JsonNode read = JSON.readTree(curl(base + "/nacos/v2/cs/config?dataId=v2.json&group=G").body);
        assertThat(read.path("code").asInt()).isZero();
        assertThat(read.path("data").asText()).isEqualTo("{}");
        Curl missing = curl(base + "/nacos/v2/cs/config?dataId=nothing&group=G");
        assertThat(missing.status).isEqualTo(404);
        assertThat(JSON.readTree(missing.body).path("code").asInt()).isEqualTo(20004);
    }

    @Test
    void shouldRegisterListAndDeregisterAnInstanceWithCurl() throws Exception {
        String service = "serviceName=SEATA_GROUP%40%40seata-server&groupName=SEATA_GROUP";
        assertThat(curl(
                                "-X",
                                "POST",
                                base + "/nacos/v1/ns/instance?" + service
                                        + "&clusterName=default&ip=10.3.0.1&port=8091&metadata=%7B%22role%22%3A%22tc%22%7D")
                        .body)
                .isEqualTo("ok");
        JsonNode list = JSON.readTree(curl(base + "/nacos/v1/ns/instance/list?" + service).body);
        assertThat(list.path("name").asText()).isEqualTo("SEATA_GROUP@@seata-server");
        assertThat(list.path("hosts")).hasSize(1);
        assertThat(list.path("hosts").get(0).path("ip").asText()).isEqualTo("10.3.0.1");
        assertThat(list.path("hosts").get(0).path("metadata").path("role").asText())
                .isEqualTo("tc");

        JsonNode beat = JSON.readTree(curl(
                        "-X",
                        "PUT",
                        base + "/nacos/v1/ns/instance/beat?" + service + "&clusterName=default&ip=10.3.0.1&port=8091")
                .body);
        assertThat(beat.path("code").asInt()).isEqualTo(10200);

        assertThat(curl(
                                "-X",
                                "DELETE",
                                base + "/nacos/v1/ns/instance?" + service
                                        + "&clusterName=default&ip=10.3.0.1&port=8091")
                        .body)
                .isEqualTo("ok");
        assertThat(JSON.readTree(curl(base + "/nacos/v1/ns/instance/list?" + service).body)
                        .path("hosts"))
                .isEmpty();
        JsonNode unknownBeat = JSON.readTree(curl(
                        "-X",
                        "PUT",
                        base + "/nacos/v1/ns/instance/beat?" + service + "&clusterName=default&ip=10.3.0.1&port=8091")
                .body);
        assertThat(unknownBeat.path("code").asInt()).isEqualTo(20404);
    }

    @Test
    void shouldMarkASilentHttpInstanceUnhealthyThenRemoveIt() throws Exception {
        String service = "serviceName=silent&ip=10.3.0.2&port=1";
        curl("-X", "POST", base + "/nacos/v1/ns/instance?" + service);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !JSON.readTree(curl(base + "/nacos/v1/ns/instance/list?serviceName=silent").body)
                        .path("hosts")
                        .get(0)
                        .path("healthy")
                        .asBoolean());
        await().atMost(Duration.ofSeconds(6))
                .until(() -> JSON.readTree(curl(base + "/nacos/v1/ns/instance/list?serviceName=silent").body)
                        .path("hosts")
                        .isEmpty());
    }

    @Test
    void shouldAnswerAHeldLongPollAsSoonAsAWatchedConfigChanges() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String listening = "watched.properties\u0002DEFAULT_GROUP\u0002\u0001";
        CompletableFuture<HttpResponse<String>> poll = http.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "/nacos/v1/cs/configs/listener"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Long-Pulling-Timeout", "30000")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "Listening-Configs=" + URLEncoder.encode(listening, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        assertThat(poll).isNotDone();

        curl(
                "-X",
                "POST",
                base + "/nacos/v1/cs/configs",
                "-d",
                "dataId=watched.properties",
                "-d",
                "group=DEFAULT_GROUP",
                "-d",
                "content=x=1");
        HttpResponse<String> answer = poll.get(5, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(java.net.URLDecoder.decode(answer.body(), StandardCharsets.UTF_8))
                .isEqualTo("watched.properties\u0002DEFAULT_GROUP\u0001");
    }

    @Test
    void shouldReportHealthAndRenderTheConsolePage() throws Exception {
        assertThat(JSON.readTree(curl(base + "/nacos/v1/ns/operator/metrics").body)
                        .path("status")
                        .asText())
                .isEqualTo("UP");
        curl("-X", "POST", base + "/nacos/v1/ns/instance?serviceName=shown&ip=10.3.0.9&port=9");
        curl(
                "-X",
                "POST",
                base + "/nacos/v1/cs/configs",
                "-d",
                "dataId=shown.txt",
                "-d",
                "group=G",
                "--data-urlencode",
                "content=<script>alert(1)</script>");
        Curl page = curl(base + "/nacos/");
        assertThat(page.status).isEqualTo(200);
        assertThat(page.body)
                .contains("DEFAULT_GROUP@@shown", "10.3.0.9:9", "shown.txt")
                .contains("&lt;script&gt;")
                .doesNotContain("<script>");
    }

    @Nested
    class BadInput {

        @Test
        void shouldAnswer400WhenARequiredParameterIsMissing() throws Exception {
            Curl noService = curl("-X", "POST", base + "/nacos/v1/ns/instance?ip=1.1.1.1&port=1");
            assertThat(noService.status).isEqualTo(400);
            assertThat(noService.body).contains("serviceName");
            Curl noDataId = curl(base + "/nacos/v1/cs/configs?group=G");
            assertThat(noDataId.status).isEqualTo(400);
        }

        @Test
        void shouldAnswer400ForInvalidValues() throws Exception {
            assertThat(curl("-X", "POST", base + "/nacos/v1/ns/instance?serviceName=s&ip=1.1.1.1&port=abc").status)
                    .isEqualTo(400);
            assertThat(curl("-X", "POST", base + "/nacos/v1/ns/instance?serviceName=s&ip=1.1.1.1&port=70000").status)
                    .isEqualTo(400);
            assertThat(curl(
                                    "-X",
                                    "POST",
                                    base + "/nacos/v1/ns/instance?serviceName=s&ip=1.1.1.1&port=1"
                                            + "&metadata=not-json")
                            .status)
                    .isEqualTo(400);
            assertThat(curl(
                                    "-X",
                                    "POST",
                                    base + "/nacos/v1/cs/configs",
                                    "-d",
                                    "dataId=../etc/passwd",
                                    "-d",
                                    "group=G",
                                    "-d",
                                    "content=x")
                            .status)
                    .isEqualTo(400);
            assertThat(curl("-X", "POST", base + "/nacos/v1/cs/configs/listener", "-d", "Listening-Configs=garbage")
                            .status)
                    .isEqualTo(400);
            assertThat(curl(base + "/nacos/v1/cs/configs?dataId=a%zz&group=G").status)
                    .isEqualTo(400);
        }

        @Test
        void shouldRefuseAConfigOverTenMegabytes() throws Exception {
            java.nio.file.Path big = java.nio.file.Files.createTempFile("big", ".txt");
            java.nio.file.Files.writeString(big, "x".repeat(10 * 1024 * 1024 + 1));
            Curl refused = curl(
                    "-X",
                    "POST",
                    base + "/nacos/v1/cs/configs",
                    "-d",
                    "dataId=big.txt",
                    "-d",
                    "group=G",
                    "--data-urlencode",
                    "content@" + big);
            assertThat(refused.status).isEqualTo(400);
            assertThat(refused.body).contains("too large");
            assertThat(curl(base + "/nacos/v1/cs/configs?dataId=big.txt&group=G").status)
                    .isEqualTo(404);
        }

        @Test
        void shouldAnswerUnknownPathsAndMethodsAndKeepServing() throws Exception {
            assertThat(curl(base + "/nacos/v1/no/such/api").status).isEqualTo(404);
            assertThat(curl("-X", "PATCH", base + "/nacos/v1/cs/configs").status)
                    .isEqualTo(405);
            assertThat(curl(base + "/nacos/v1/ns/operator/metrics").status).isEqualTo(200);
        }
    }

    record Curl(int status, String body) {}

    /** Runs curl; the status code is appended after a marker line so the body stays exact. */
    static Curl curl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--max-time", "20", "-w", "\n@@%{http_code}"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        int marker = out.lastIndexOf("\n@@");
        return new Curl(Integer.parseInt(out.substring(marker + 3).trim()), out.substring(0, marker));
    }
}
