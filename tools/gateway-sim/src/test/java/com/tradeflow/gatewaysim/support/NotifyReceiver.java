package com.tradeflow.gatewaysim.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The merchant's side of notifications: a real JDK HTTP server that records every notification and answers
 * with {@code {"code":"SUCCESS"}}, or refuses the first few (500, then 200 without SUCCESS, alternating).
 */
public final class NotifyReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One notification as the merchant received it. */
    public record Received(String timestamp, String signature, byte[] rawBody, JsonNode json, long receivedAtNanos) {

        public String notificationId() {
            return json.path("notificationId").asText();
        }

        public String status() {
            return json.path("status").asText();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int refuseFirst;

    private NotifyReceiver(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static NotifyReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                Thread thread = new Thread(r, "notify-receiver");
                thread.setDaemon(true);
                return thread;
            });
            NotifyReceiver receiver = new NotifyReceiver(server, executor);
            server.setExecutor(executor);
            server.createContext("/notify", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuse (do not acknowledge) the first {@code count} notifications; {@code Integer.MAX_VALUE}: all. */
    public NotifyReceiver refusingFirst(int count) {
        refuseFirst = count;
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(
                    exchange.getRequestHeaders().getFirst("X-Gateway-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Gateway-Signature"),
                    body,
                    JSON.readTree(body),
                    System.nanoTime()));
            int call = calls.incrementAndGet();
            boolean refuse = call <= refuseFirst;
            int status = refuse && call % 2 == 1 ? 500 : 200;
            byte[] answer =
                    (refuse ? "{\"code\":\"FAIL\"}" : "{\"code\":\"SUCCESS\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }
}
