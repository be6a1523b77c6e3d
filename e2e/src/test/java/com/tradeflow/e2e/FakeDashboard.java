package com.tradeflow.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the Sentinel dashboard's heartbeat endpoint ({@code /registry/machine}): records what each
 * heartbeat says (application, address, command port), answers as the dashboard does. Nothing else of the dashboard.
 */
final class FakeDashboard implements AutoCloseable {

    private final HttpServer server;
    private final List<Map<String, String>> heartbeats = new CopyOnWriteArrayList<>();

    private FakeDashboard(HttpServer server) {
        this.server = server;
    }

    static FakeDashboard start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeDashboard dashboard = new FakeDashboard(server);
            server.createContext("/registry/machine", exchange -> {
                Map<String, String> beat = new HashMap<>();
                parse(exchange.getRequestURI().getRawQuery(), beat);
                parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), beat);
                dashboard.heartbeats.add(beat);
                byte[] ok = "{\"success\":true,\"code\":0}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
                exchange.close();
            });
            server.start();
            return dashboard;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Map<String, String>> heartbeats() {
        return List.copyOf(heartbeats);
    }

    private static void parse(String form, Map<String, String> into) {
        if (form == null || form.isBlank()) {
            return;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                into.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
