package com.tradeflow.platform.sentinel;

import com.alibaba.csp.sentinel.command.CommandHandler;
import com.alibaba.csp.sentinel.command.CommandHandlerProvider;
import com.alibaba.csp.sentinel.command.CommandRequest;
import com.alibaba.csp.sentinel.command.CommandResponse;
import com.alibaba.csp.sentinel.spi.Spi;
import com.alibaba.csp.sentinel.transport.CommandCenter;
import com.alibaba.csp.sentinel.transport.config.TransportConfig;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sentinel's command API (what the dashboard calls: rules, metrics, cluster state) on the loopback interface only,
 * in place of Sentinel's own {@code SimpleHttpCommandCenter}, which opens its port on every interface and has no
 * option for it. A {@code setRules} there writes a persistent, cluster-wide rule to Nacos; from here it can come
 * only from this machine. Same port ({@code csp.sentinel.api.port}), same commands (Sentinel's command handlers),
 * same answers: 200 with the handler's text, 400 with its error.
 */
@Spi(order = Spi.ORDER_HIGHEST)
public final class LoopbackCommandCenter implements CommandCenter {

    private static final Logger log = LoggerFactory.getLogger(LoopbackCommandCenter.class);
    private static final int DEFAULT_PORT = 8719;
    private static final int BACKLOG = 50;
    /** A command's form body (a rule set) is small; anything larger is refused. */
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private HttpServer server;
    private ExecutorService executor;

    @Override
    public void beforeStart() {
        // nothing to prepare: start() collects Sentinel's own command handlers through its SPI
    }

    @Override
    public void start() throws IOException {
        int port = port();
        Map<String, CommandHandler> handlers =
                CommandHandlerProvider.getInstance().namedHandlers();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "sentinel-command-center");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, handlers));
        server.start();
        TransportConfig.setRuntimePort(port);
        log.info(
                "Sentinel command API on {}:{} ({} commands)",
                InetAddress.getLoopbackAddress().getHostAddress(),
                port,
                handlers.size());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private static int port() {
        String configured = TransportConfig.getPort();
        return configured == null || configured.isBlank() ? DEFAULT_PORT : Integer.parseInt(configured.trim());
    }

    private static void handle(HttpExchange exchange, Map<String, CommandHandler> handlers) {
        try (exchange) {
            try {
                answer(exchange, handlers);
            } catch (IOException | RuntimeException e) {
                log.warn(
                        "Sentinel command {} failed: {}",
                        exchange.getRequestURI().getPath(),
                        e.toString());
                reply(exchange, 500, "Internal error");
            }
        }
    }

    private static void answer(HttpExchange exchange, Map<String, CommandHandler> handlers) throws IOException {
        String name = exchange.getRequestURI().getPath().replaceFirst("^/+", "");
        CommandHandler<?> handler = handlers.get(name);
        if (handler == null) {
            reply(exchange, 400, "Unknown command `" + name + "`");
            return;
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            reply(exchange, 413, "Request body too large");
            return;
        }
        CommandRequest request = new CommandRequest();
        addParams(request, exchange.getRequestURI().getRawQuery());
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            addParams(request, new String(body, StandardCharsets.UTF_8));
        } else {
            request.setBody(body);
        }
        CommandResponse<?> response = handler.handle(request);
        if (response.isSuccess()) {
            reply(exchange, 200, response.getResult() == null ? "" : String.valueOf(response.getResult()));
        } else {
            Throwable failure = response.getException();
            reply(exchange, 400, failure == null ? "Unknown error" : failure.getMessage());
        }
    }

    private static void addParams(CommandRequest request, String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                request.addParam(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the caller went away: nothing to tell it
        }
    }
}
