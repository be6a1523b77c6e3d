package com.tradeflow.web.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.seata.core.model.BranchStatus;
import org.apache.seata.core.model.GlobalStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The global transactions the coordinator (Seata TC) holds: every one not finished yet, in flight or still being
 * committed or rolled back (a phase two that keeps failing stays here, retried, with its status saying so). Read from
 * the TC's console API ({@code tradeflow.ops.coordinator.*}: its address and sign-in), at each view. The TC signs
 * its console users in with a token that lasts; one is asked for at the first view and again when refused.
 */
@Component
class CoordinatorSessions {

    private static final String LOGIN = "/api/v1/auth/login";
    private static final String SESSIONS = "/api/v1/console/globalSession/query?pageNum=1&withBranch=true&pageSize=";
    private static final int OK = 200;
    private static final int UNAUTHORIZED = 401;

    private final String console;
    private final String username;
    private final String password;
    private final Duration timeout;
    private final int shown;
    private final ObjectMapper json;
    private final HttpClient http;
    private volatile String token;

    CoordinatorSessions(
            @Value("${tradeflow.ops.coordinator.console-url:}") String console,
            @Value("${tradeflow.ops.coordinator.username:}") String username,
            @Value("${tradeflow.ops.coordinator.password:}") String password,
            @Value("${tradeflow.ops.registry-timeout}") Duration timeout,
            @Value("${tradeflow.ops.page-size}") int shown,
            ObjectMapper json) {
        this.console = console.strip();
        this.username = username;
        this.password = password;
        this.timeout = timeout;
        this.shown = shown;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** One branch of a global transaction, as the TC holds it. */
    record Branch(long branchId, String resourceId, String type, String status) {}

    /** A global transaction the TC holds; {@code status} is Seata's ({@link GlobalStatus}), by name. */
    record Session(
            String xid,
            String name,
            String application,
            String status,
            Instant begun,
            long timeoutMillis,
            List<Branch> branches) {}

    /** The sessions (newest first as the TC lists them), how many it holds, or why they could not be read. */
    record Listing(boolean configured, long total, List<Session> sessions, String error) {}

    Listing list() {
        if (console.isEmpty()) {
            return new Listing(false, 0, List.of(), null);
        }
        try {
            JsonNode page = sessions(false);
            List<Session> sessions = new ArrayList<>();
            for (JsonNode session : page.path("data")) {
                sessions.add(session(session));
            }
            return new Listing(true, page.path("total").asLong(), sessions, null);
        } catch (IOException | RuntimeException e) {
            return new Listing(
                    true,
                    0,
                    List.of(),
                    "the coordinator's console at " + console + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Listing(true, 0, List.of(), "interrupted");
        }
    }

    private JsonNode sessions(boolean signedInAgain) throws IOException, InterruptedException {
        String known = token;
        String signedIn = known == null ? signIn() : known;
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(console + SESSIONS + shown))
                        .timeout(timeout)
                        .header("Authorization", signedIn)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == UNAUTHORIZED && !signedInAgain) {
            token = null;
            return sessions(true);
        }
        if (answer.statusCode() != OK) {
            throw new IOException("HTTP " + answer.statusCode());
        }
        JsonNode page = json.readTree(answer.body());
        if (!page.path("success").asBoolean()) {
            throw new IOException(page.path("message").asText("refused"));
        }
        return page;
    }

    private String signIn() throws IOException, InterruptedException {
        String body = json.writeValueAsString(Map.of("username", username, "password", password));
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(console + LOGIN))
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode result = answer.statusCode() == OK ? json.readTree(answer.body()) : null;
        if (result == null
                || !result.path("success").asBoolean()
                || result.path("data").asText().isEmpty()) {
            // the password is never part of the message
            throw new IOException("sign-in as '" + username + "' refused (HTTP " + answer.statusCode() + ")");
        }
        token = result.path("data").asText();
        return token;
    }

    private static Session session(JsonNode session) {
        List<Branch> branches = new ArrayList<>();
        for (JsonNode branch : session.path("branchSessionVOs")) {
            branches.add(new Branch(
                    branch.path("branchId").asLong(),
                    branch.path("resourceId").asText(),
                    branch.path("branchType").asText(),
                    branchStatus(branch.path("status").asInt())));
        }
        return new Session(
                session.path("xid").asText(),
                session.path("transactionName").asText(),
                session.path("applicationId").asText(),
                globalStatus(session.path("status").asInt()),
                Instant.ofEpochMilli(session.path("beginTime").asLong()),
                session.path("timeout").asLong(),
                branches);
    }

    private static String globalStatus(int code) {
        try {
            return GlobalStatus.get(code).name();
        } catch (RuntimeException e) {
            return "status " + code;
        }
    }

    private static String branchStatus(int code) {
        try {
            return BranchStatus.get(code).name();
        } catch (RuntimeException e) {
            return "status " + code;
        }
    }
}
