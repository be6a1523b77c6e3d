package com.tradeflow.bench.command;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for consumer-web on a free loopback port: 201 for every purchase and transfer, except mode LOCAL,
 * which it refuses with 400 like a stack that was not started in benchmark mode; 200 for cancellations. Every
 * API request must carry the token {@link #tokenOf} of the user its body names (401 otherwise, counted).
 */
final class FakeWebApi implements AutoCloseable {

    private static final int THREADS = 4;

    static {
        // the JDK HTTP server reads it once: without it each keep-alive answer waits ~40 ms for a delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    private final AtomicLong orders = new AtomicLong();
    private final AtomicLong withoutKey = new AtomicLong();
    private final AtomicLong wrongToken = new AtomicLong();
    private static final Pattern ACTING_USER = Pattern.compile("\"(?:userId|fromUserId)\":(\\d+)");

    /** The token the fake expects of user {@code userId}. */
    static String tokenOf(long userId) {
        return "token-of-" + userId;
    }

    FakeWebApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long orders() {
        return orders.get();
    }

    long placedWithoutIdempotencyKey() {
        return withoutKey.get();
    }

    long requestsWithAWrongToken() {
        return wrongToken.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/api/") && !carriesTheTokenOfItsUser(exchange, body)) {
            wrongToken.incrementAndGet();
            send(exchange, 401, "{\"code\":\"UNAUTHORIZED\",\"message\":\"not this user's token\"}");
        } else if (path.equals("/api/orders") && body.contains("\"LOCAL\"")) {
            send(exchange, 400, "{\"code\":\"VALIDATION_FAILED\",\"message\":\"mode must be one of AT, TCC, XA\"}");
        } else if (path.equals("/api/orders")) {
            if (exchange.getRequestHeaders().getFirst("Idempotency-Key") == null) {
                withoutKey.incrementAndGet();
            }
            send(exchange, 201, "{\"orderId\":\"" + orders.incrementAndGet() + "\",\"status\":\"PLACED\"}");
        } else if (path.endsWith("/cancel")) {
            send(exchange, 200, "{\"status\":\"CANCELLED\"}");
        } else {
            send(exchange, 201, "{\"status\":\"COMPLETED\"}");
        }
    }

    private static boolean carriesTheTokenOfItsUser(HttpExchange exchange, String body) {
        Matcher user = ACTING_USER.matcher(body);
        return user.find()
                && ("Bearer " + tokenOf(Long.parseLong(user.group(1))))
                        .equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
