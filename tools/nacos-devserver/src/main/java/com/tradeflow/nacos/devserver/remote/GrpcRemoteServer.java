package com.tradeflow.nacos.devserver.remote;

import com.alibaba.nacos.api.ability.constant.AbilityKey;
import com.alibaba.nacos.api.exception.NacosException;
import com.alibaba.nacos.api.grpc.auto.BiRequestStreamGrpc;
import com.alibaba.nacos.api.grpc.auto.Payload;
import com.alibaba.nacos.api.grpc.auto.RequestGrpc;
import com.alibaba.nacos.api.remote.request.ClientDetectionRequest;
import com.alibaba.nacos.api.remote.request.ConnectionSetupRequest;
import com.alibaba.nacos.api.remote.request.Request;
import com.alibaba.nacos.api.remote.request.ServerCheckRequest;
import com.alibaba.nacos.api.remote.request.SetupAckRequest;
import com.alibaba.nacos.api.remote.response.ErrorResponse;
import com.alibaba.nacos.api.remote.response.Response;
import com.alibaba.nacos.api.remote.response.ServerCheckResponse;
import com.alibaba.nacos.common.remote.client.grpc.GrpcUtils;
import com.alibaba.nacos.shaded.io.grpc.Attributes;
import com.alibaba.nacos.shaded.io.grpc.Context;
import com.alibaba.nacos.shaded.io.grpc.Contexts;
import com.alibaba.nacos.shaded.io.grpc.Grpc;
import com.alibaba.nacos.shaded.io.grpc.Metadata;
import com.alibaba.nacos.shaded.io.grpc.Server;
import com.alibaba.nacos.shaded.io.grpc.ServerCall;
import com.alibaba.nacos.shaded.io.grpc.ServerCallHandler;
import com.alibaba.nacos.shaded.io.grpc.ServerInterceptor;
import com.alibaba.nacos.shaded.io.grpc.ServerInterceptors;
import com.alibaba.nacos.shaded.io.grpc.ServerTransportFilter;
import com.alibaba.nacos.shaded.io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import com.alibaba.nacos.shaded.io.grpc.stub.ServerCallStreamObserver;
import com.alibaba.nacos.shaded.io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Nacos 2.x gRPC endpoint: service {@code Request} (unary) and service {@code BiRequestStream}, both
 * carrying {@link Payload}s whose JSON body is converted with nacos-client's own {@link GrpcUtils}.
 *
 * <p>The connection id is assigned per transport (TCP connection) when it becomes ready, returned to the client
 * in its {@code ServerCheckResponse}, and bound to the bi-stream by the client's {@code ConnectionSetupRequest}.
 * Unary requests on a transport whose bi-stream is not set up are refused with {@code UN_REGISTER}, which makes
 * the client reconnect, exactly as on a real server.
 */
public final class GrpcRemoteServer {

    private static final Logger log = LoggerFactory.getLogger(GrpcRemoteServer.class);

    private static final Attributes.Key<String> TRANSPORT_CONNECTION_ID = Attributes.Key.create("conn_id");
    private static final Context.Key<String> CONNECTION_ID = Context.key("conn_id");
    private static final Context.Key<InetSocketAddress> REMOTE_ADDRESS = Context.key("remote_addr");

    /** Room for a 10 MB config plus the JSON and protobuf envelope around it. */
    private static final int MAX_INBOUND_MESSAGE_BYTES = 12 * 1024 * 1024;

    private final String host;
    private final int port;
    private final RequestHandlers handlers;
    private final ConnectionRegistry connections;
    private final Duration idleBeforeDetection;
    private final Duration detectionGrace;
    private final AtomicLong transportSequence = new AtomicLong();
    private Server server;
    private ScheduledExecutorService ejector;

    public GrpcRemoteServer(
            String host,
            int port,
            RequestHandlers handlers,
            ConnectionRegistry connections,
            Duration idleBeforeDetection,
            Duration detectionGrace) {
        this.host = host;
        this.port = port;
        this.handlers = handlers;
        this.connections = connections;
        this.idleBeforeDetection = idleBeforeDetection;
        this.detectionGrace = detectionGrace;
    }

    public void start() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
                .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
                // clients ping every few minutes at most; a real Nacos server permits the same
                .permitKeepAliveTime(5, TimeUnit.MINUTES)
                .addTransportFilter(new ConnectionIdFilter())
                .addService(ServerInterceptors.intercept(new UnaryAcceptor(), new ConnectionContextInterceptor()))
                .addService(ServerInterceptors.intercept(new BiStreamAcceptor(), new ConnectionContextInterceptor()))
                .build()
                .start();
        ejector = Executors.newSingleThreadScheduledExecutor(daemon("nacos-dev-ejector"));
        long period = Math.max(500, idleBeforeDetection.toMillis() / 4);
        ejector.scheduleWithFixedDelay(this::ejectDeadConnections, period, period, TimeUnit.MILLISECONDS);
        log.info("gRPC listening on {}:{}", host, server.getPort());
    }

    public int port() {
        return server.getPort();
    }

    public void stop() {
        if (ejector != null) {
            ejector.shutdownNow();
        }
        connections.unregisterAll("server stopping");
        if (server != null) {
            server.shutdownNow();
            try {
                server.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A connection that has said nothing (no request, no health check, no push ack) for the idle period is asked
     * to prove it is alive; one still silent after the grace period is dropped with everything it owned. Clients
     * send a health check every ~5 s, so only frozen or half-open peers get here.
     */
    private void ejectDeadConnections() {
        long now = System.currentTimeMillis();
        for (ClientConnection connection : connections.all()) {
            long idle = now - connection.lastActiveAt();
            if (idle > idleBeforeDetection.toMillis() + detectionGrace.toMillis()) {
                connections.unregister(connection.id(), "no answer for " + idle + " ms");
            } else if (idle > idleBeforeDetection.toMillis()) {
                if (!connection.push(new ClientDetectionRequest())) {
                    connections.unregister(connection.id(), "stream broken");
                }
            }
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private final class ConnectionIdFilter extends ServerTransportFilter {

        @Override
        public Attributes transportReady(Attributes attributes) {
            InetSocketAddress remote = (InetSocketAddress) attributes.get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
            String id = System.currentTimeMillis() + "_" + remote.getAddress().getHostAddress() + "_" + remote.getPort()
                    + "_" + transportSequence.incrementAndGet();
            return attributes.toBuilder().set(TRANSPORT_CONNECTION_ID, id).build();
        }

        @Override
        public void transportTerminated(Attributes attributes) {
            connections.unregister(attributes.get(TRANSPORT_CONNECTION_ID), "transport closed");
        }
    }

    private static final class ConnectionContextInterceptor implements ServerInterceptor {

        @Override
        public <Q, A> ServerCall.Listener<Q> interceptCall(
                ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
            Context context = Context.current()
                    .withValue(CONNECTION_ID, call.getAttributes().get(TRANSPORT_CONNECTION_ID))
                    .withValue(REMOTE_ADDRESS, (InetSocketAddress)
                            call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
            return Contexts.interceptCall(context, call, headers, next);
        }
    }

    private final class UnaryAcceptor extends RequestGrpc.RequestImplBase {

        @Override
        public void request(Payload payload, StreamObserver<Payload> responseObserver) {
            Response response = answer(payload);
            responseObserver.onNext(GrpcUtils.convert(response));
            responseObserver.onCompleted();
        }

        private Response answer(Payload payload) {
            String type = payload.getMetadata().getType();
            String connectionId = CONNECTION_ID.get();
            if (ServerCheckRequest.class.getSimpleName().equals(type)) {
                // true: the client sends its ability table and waits for our SetupAckRequest, so the
                // connection is registered before its first real request
                return new ServerCheckResponse(connectionId, true);
            }
            RequestHandler<Request> handler = handlers.get(type);
            if (handler == null) {
                log.warn("no handler for request type '{}' from {}", type, connectionId);
                return ErrorResponse.build(NacosException.NO_HANDLER, "RequestHandler Not Found");
            }
            ClientConnection connection = connections.get(connectionId);
            if (connection == null) {
                return ErrorResponse.build(NacosException.UN_REGISTER, "Connection is unregistered.");
            }
            connection.touch();
            Request request;
            try {
                Object parsed = GrpcUtils.parse(payload);
                if (!(parsed instanceof Request)) {
                    throw new IllegalArgumentException("payload of type " + type + " is not a request");
                }
                request = (Request) parsed;
            } catch (RuntimeException e) {
                log.warn("malformed {} from {}: {}", type, connection, e.getMessage());
                return ErrorResponse.build(NacosException.BAD_GATEWAY, "Invalid request: " + e.getMessage());
            }
            Response response;
            try {
                response = handler.handle(request, connection);
            } catch (NacosException e) {
                log.warn("{} from {} refused: {}", type, connection, e.getErrMsg());
                response = ErrorResponse.build(e.getErrCode(), e.getErrMsg());
            } catch (RuntimeException e) {
                log.error("{} from {} failed", type, connection, e);
                response = ErrorResponse.build(NacosException.SERVER_ERROR, String.valueOf(e.getMessage()));
            }
            response.setRequestId(request.getRequestId());
            return response;
        }
    }

    private final class BiStreamAcceptor extends BiRequestStreamGrpc.BiRequestStreamImplBase {

        @Override
        public StreamObserver<Payload> requestBiStream(StreamObserver<Payload> responseObserver) {
            String connectionId = CONNECTION_ID.get();
            InetSocketAddress remote = REMOTE_ADDRESS.get();
            return new StreamObserver<>() {

                @Override
                public void onNext(Payload payload) {
                    Object parsed;
                    try {
                        parsed = GrpcUtils.parse(payload);
                    } catch (RuntimeException e) {
                        log.warn("malformed bi-stream payload from {}: {}", connectionId, e.getMessage());
                        return;
                    }
                    if (parsed instanceof ConnectionSetupRequest setup) {
                        setUp(setup);
                    } else {
                        // answers to our pushes (NotifySubscriberResponse, ClientDetectionResponse ...)
                        ClientConnection connection = connections.get(connectionId);
                        if (connection != null) {
                            connection.touch();
                        }
                    }
                }

                private void setUp(ConnectionSetupRequest setup) {
                    ClientConnection connection = new ClientConnection(
                            connectionId,
                            remote.getAddress().getHostAddress(),
                            remote.getPort(),
                            setup.getClientVersion(),
                            setup.getLabels(),
                            responseObserver);
                    connections.register(connection);
                    if (setup.getAbilityTable() != null) {
                        connection.push(new SetupAckRequest(
                                Map.of(AbilityKey.SERVER_SUPPORT_PERSISTENT_INSTANCE_BY_GRPC.getName(), true)));
                    }
                }

                @Override
                public void onError(Throwable t) {
                    connections.unregister(connectionId, "stream error: " + t.getMessage());
                }

                @Override
                public void onCompleted() {
                    if (responseObserver instanceof ServerCallStreamObserver<Payload> call && !call.isCancelled()) {
                        try {
                            call.onCompleted();
                        } catch (RuntimeException ignored) {
                            // already closed
                        }
                    }
                    connections.unregister(connectionId, "client closed the stream");
                }
            };
        }
    }
}
