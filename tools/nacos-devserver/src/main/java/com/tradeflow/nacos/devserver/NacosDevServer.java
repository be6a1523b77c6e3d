package com.tradeflow.nacos.devserver;

import com.alibaba.nacos.api.remote.request.HealthCheckRequest;
import com.alibaba.nacos.api.remote.request.ServerLoaderInfoRequest;
import com.alibaba.nacos.api.remote.response.HealthCheckResponse;
import com.alibaba.nacos.api.remote.response.ServerLoaderInfoResponse;
import com.alibaba.nacos.common.remote.PayloadRegistry;
import com.tradeflow.nacos.devserver.config.ConfigListeners;
import com.tradeflow.nacos.devserver.config.ConfigRequestHandlers;
import com.tradeflow.nacos.devserver.config.ConfigStore;
import com.tradeflow.nacos.devserver.http.ConfigHttpApi;
import com.tradeflow.nacos.devserver.http.ConsolePage;
import com.tradeflow.nacos.devserver.http.HttpApiServer;
import com.tradeflow.nacos.devserver.http.NamingHttpApi;
import com.tradeflow.nacos.devserver.naming.HttpHeartbeats;
import com.tradeflow.nacos.devserver.naming.NamingPushService;
import com.tradeflow.nacos.devserver.naming.NamingRegistry;
import com.tradeflow.nacos.devserver.naming.NamingRequestHandlers;
import com.tradeflow.nacos.devserver.remote.ConnectionRegistry;
import com.tradeflow.nacos.devserver.remote.GrpcRemoteServer;
import com.tradeflow.nacos.devserver.remote.RequestHandlers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node, in-memory server that nacos-client 2.x (gRPC) and 1.x (HTTP) take for Nacos, for tests and the
 * local stack only: no clustering, no authentication, loopback only. Production uses a real Nacos cluster.
 *
 * <pre>{@code
 * try (NacosDevServer nacos = NacosDevServer.start(DevServerOptions.defaults().withPort(0))) {
 *     String serverAddr = nacos.address(); // "127.0.0.1:<httpPort>"; gRPC on httpPort + 1000
 * }
 * }</pre>
 */
public final class NacosDevServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NacosDevServer.class);
    /** Attempts at finding a free HTTP port whose +1000 twin is free too, when port 0 is asked for. */
    private static final int FREE_PORT_ATTEMPTS = 20;

    private final DevServerOptions options;
    private final ConnectionRegistry connections = new ConnectionRegistry();
    private final NamingRegistry naming = new NamingRegistry();
    private final ConfigStore configs;
    private final NamingPushService pushes;
    private final HttpHeartbeats heartbeats;
    private GrpcRemoteServer grpc;
    private HttpApiServer http;

    private NacosDevServer(DevServerOptions options) {
        this.options = options;
        this.configs = new ConfigStore(options.dataDir());
        this.pushes = new NamingPushService(naming, connections, options.pushDelay());
        this.heartbeats = new HttpHeartbeats(
                naming,
                options.heartbeatTimeout(),
                options.deleteTimeout(),
                options.heartbeatTimeout().dividedBy(3));
        connections.onDisconnect(connection -> naming.releaseConnection(connection.id()));
    }

    /** Starts both endpoints; on failure nothing is left running. */
    public static NacosDevServer start(DevServerOptions options) {
        PayloadRegistry.init();
        NacosDevServer server = new NacosDevServer(options);
        try {
            server.bind();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e instanceof RuntimeException re ? re : new UncheckedIOException(e.getMessage(), (IOException) e);
        }
        log.info(
                "nacos-devserver ready: HTTP {}:{}, gRPC {}:{}, data {}",
                options.host(),
                server.httpPort(),
                options.host(),
                server.grpcPort(),
                options.dataDir() == null ? "in memory" : options.dataDir());
        return server;
    }

    private void bind() throws IOException {
        RequestHandlers handlers = new RequestHandlers();
        handlers.register(HealthCheckRequest.class, (request, connection) -> new HealthCheckResponse());
        handlers.register(ServerLoaderInfoRequest.class, (request, connection) -> new ServerLoaderInfoResponse());
        new NamingRequestHandlers(naming).registerWith(handlers);
        new ConfigRequestHandlers(configs, new ConfigListeners(configs, connections)).registerWith(handlers);

        int attempts = options.port() == 0 ? FREE_PORT_ATTEMPTS : 1;
        for (int attempt = 1; ; attempt++) {
            HttpApiServer candidate = new HttpApiServer(options.host(), options.port());
            try {
                candidate.start();
            } catch (BindException e) {
                throw new PortInUseException(options.port(), "HTTP", e);
            }
            int port = candidate.port();
            GrpcRemoteServer grpcCandidate = new GrpcRemoteServer(
                    options.host(),
                    port + DevServerOptions.GRPC_PORT_OFFSET,
                    handlers,
                    connections,
                    options.idleBeforeDetection(),
                    options.detectionGrace());
            try {
                grpcCandidate.start();
            } catch (IOException e) {
                candidate.stop();
                if (attempt < attempts && isBindFailure(e)) {
                    continue;
                }
                if (isBindFailure(e)) {
                    throw new PortInUseException(port + DevServerOptions.GRPC_PORT_OFFSET, "gRPC", e);
                }
                throw e;
            }
            http = candidate;
            grpc = grpcCandidate;
            break;
        }
        new NamingHttpApi(naming, heartbeats, connections).registerWith(http);
        new ConfigHttpApi(configs).registerWith(http);
        new ConsolePage(naming, configs, connections).registerWith(http);
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    public int httpPort() {
        return http.port();
    }

    public int grpcPort() {
        return grpc.port();
    }

    /** The {@code serverAddr} clients are given: host and HTTP port. */
    public String address() {
        return options.host() + ":" + httpPort();
    }

    public NamingRegistry naming() {
        return naming;
    }

    public ConfigStore configs() {
        return configs;
    }

    @Override
    public void close() {
        if (grpc != null) {
            grpc.stop();
        }
        if (http != null) {
            http.stop();
        }
        pushes.close();
        heartbeats.close();
        log.info("nacos-devserver stopped");
    }

    /** A port the server needs is taken; the message names it. */
    public static final class PortInUseException extends RuntimeException {
        private final int port;

        PortInUseException(int port, String what, Throwable cause) {
            super(what + " port " + port + " is already in use", cause);
            this.port = port;
        }

        public int port() {
            return port;
        }
    }
}
