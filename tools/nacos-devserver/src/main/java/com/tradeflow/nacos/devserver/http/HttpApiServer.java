package com.tradeflow.nacos.devserver.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side under {@code /nacos}: the v1 open API (nacos-client 1.4 in the Seata TC, operators with curl),
 * the v2 config API, and the read-only console page. Routes are exact paths; every refusal is logged once and
 * answered with a status and a Nacos error code, and the server keeps serving.
 */
public final class HttpApiServer {

    private static final Logger log = LoggerFactory.getLogger(HttpApiServer.class);
    /** Long polls hold a thread each for up to 30 s; a dev server sees a handful of them. */
    private static final int MAX_THREADS = 256;

    @FunctionalInterface
    interface Route {
        Reply handle(HttpCall call) throws BadRequest, IOException;
    }

    private final Map<String, Route> routes = new HashMap<>();
    private final String host;
    private final int port;
    private HttpServer server;
    private ExecutorService executor;

    public HttpApiServer(String host, int port) {
        this.host = host;
        this.port = port;
    }

    void route(String method, String path, Route route) {
        routes.put(method + " " + path, route);
    }

    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 128);
        AtomicInteger threads = new AtomicInteger();
        executor = new ThreadPoolExecutor(2, MAX_THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread thread = new Thread(r, "nacos-dev-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
        log.info("HTTP listening on {}:{}", host, server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void serve(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        boolean v2 = path.startsWith("/nacos/v2/");
        Reply reply;
        try {
            Route route = routes.get(exchange.getRequestMethod() + " " + path);
            if (route == null) {
                boolean known = routes.keySet().stream().anyMatch(k -> k.endsWith(" " + path));
                throw known
                        ? new BadRequest(
                                405, 20002, "method " + exchange.getRequestMethod() + " not allowed on " + path)
                        : new BadRequest(404, 20004, "no such API: " + path);
            }
            reply = route.handle(HttpCall.read(exchange));
        } catch (BadRequest e) {
            log.warn(
                    "{} {} from {} refused ({}): {}",
                    exchange.getRequestMethod(),
                    path,
                    exchange.getRemoteAddress().getAddress().getHostAddress(),
                    e.status,
                    e.getMessage());
            reply = v2 ? Reply.v2Error(e) : Reply.text(e.status, "caused: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.error("{} {} failed", exchange.getRequestMethod(), path, e);
            BadRequest error = new BadRequest(500, 30000, "server error: " + e.getMessage());
            reply = v2 ? Reply.v2Error(error) : Reply.text(500, "caused: " + error.getMessage());
        }
        send(exchange, reply);
    }

    private static void send(HttpExchange exchange, Reply reply) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        } catch (IOException e) {
            // the client went away (a long poll it abandoned, mostly)
            log.debug("reply to {} not delivered: {}", exchange.getRequestURI(), e.getMessage());
        }
    }
}
