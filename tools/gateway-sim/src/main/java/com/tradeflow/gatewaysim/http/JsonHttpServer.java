package com.tradeflow.gatewaysim.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK HTTP server with JSON error answers and a route table. Handlers only compute a {@link Reply}; a reply
 * with a delay is sent later from the shared scheduler, so a simulated 10 s timeout holds no HTTP thread.
 */
public final class JsonHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JsonHttpServer.class);
    /** Payment requests are tiny; a larger body is a client bug, refused before it is parsed. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final int BACKLOG = 128;
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes a reply's headers and body as two TCP segments; without TCP_NODELAY the body
        // waits for the client's delayed ACK, about 40 ms on every keep-alive request (measured: 45 ms vs 5 ms
        // per call), which would pass for gateway latency. The JDK reads this once, when the first HttpServer of
        // the JVM starts, so it helps when that is this one or when the property is set on the command line.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final List<Route> routes;
    private final ScheduledExecutorService scheduler;
    private final HttpServer server;
    private final ExecutorService executor;

    private JsonHttpServer(
            List<Route> routes, ScheduledExecutorService scheduler, HttpServer server, ExecutorService executor) {
        this.routes = List.copyOf(routes);
        this.scheduler = scheduler;
        this.server = server;
        this.executor = executor;
    }

    /**
     * @param port      0 picks a free port
     * @param threads   handlers never wait, so a few threads serve many clients
     * @param scheduler sends delayed replies; owned by the caller
     */
    public static JsonHttpServer start(
            String host, int port, int threads, List<Route> routes, ScheduledExecutorService scheduler)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), BACKLOG);
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "gateway-sim-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        JsonHttpServer json = new JsonHttpServer(routes, scheduler, server, executor);
        server.setExecutor(executor);
        server.createContext("/", json::serve);
        server.start();
        return json;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        // replies still waiting for their delay are dropped with their connections, as by a crashed gateway
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) {
        Reply reply;
        try {
            reply = dispatch(exchange);
        } catch (ApiException e) {
            reply = Reply.error(e);
        } catch (IOException e) {
            log.debug("request {} not read: {}", exchange.getRequestURI(), e.getMessage());
            exchange.close();
            return;
        } catch (RuntimeException e) {
            log.error(
                    "{} {} failed",
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    e);
            reply = Reply.error(
                    500, "INTERNAL_ERROR", "unexpected error: " + e.getClass().getSimpleName());
        }
        if (reply.status() == 401) {
            reply = reply.withHeader("WWW-Authenticate", "Bearer");
        }
        if (reply.delayMillis() <= 0) {
            send(exchange, reply);
            return;
        }
        Reply delayed = reply;
        try {
            scheduler.schedule(() -> sendOnHttpThread(exchange, delayed), delayed.delayMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            exchange.close(); // shutting down
        }
    }

    private void sendOnHttpThread(HttpExchange exchange, Reply reply) {
        try {
            executor.execute(() -> send(exchange, reply));
        } catch (RejectedExecutionException e) {
            exchange.close();
        }
    }

    private Reply dispatch(HttpExchange exchange) throws ApiException, IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        byte[] body = readBody(exchange.getRequestBody());
        List<Route> matching =
                routes.stream().filter(r -> r.match(path) != null).toList();
        if (matching.isEmpty()) {
            throw ApiException.notFound("NOT_FOUND", "no such endpoint: " + path);
        }
        for (Route route : matching) {
            if (route.method().equals(method)) {
                Request request = new Request(
                        method,
                        path,
                        route.match(path),
                        exchange.getRequestHeaders(),
                        exchange.getRequestURI().getRawQuery(),
                        body);
                return route.handler().handle(request);
            }
        }
        String allowed = matching.stream().map(Route::method).distinct().collect(Collectors.joining(", "));
        return Reply.error(405, "METHOD_NOT_ALLOWED", method + " is not allowed on " + path)
                .withHeader("Allow", allowed);
    }

    private static byte[] readBody(InputStream in) throws IOException, ApiException {
        try (in) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new ApiException(413, "BODY_TOO_LARGE", "request body over " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        }
    }

    private static void send(HttpExchange exchange, Reply reply) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            reply.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        } catch (IOException e) {
            // the client gave up first: exactly what an injected timeout is for
            log.debug("reply to {} not delivered: {}", exchange.getRequestURI(), e.getMessage());
        }
    }
}
