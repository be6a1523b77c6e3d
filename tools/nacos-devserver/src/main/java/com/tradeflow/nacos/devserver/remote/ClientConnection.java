package com.tradeflow.nacos.devserver.remote;

import com.alibaba.nacos.api.grpc.auto.Payload;
import com.alibaba.nacos.api.remote.request.ServerRequest;
import com.alibaba.nacos.common.remote.client.grpc.GrpcUtils;
import com.alibaba.nacos.shaded.io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One nacos-client gRPC connection: the bi-stream the server pushes on, and what the client said about itself
 * in its {@code ConnectionSetupRequest}.
 */
public final class ClientConnection {

    private static final AtomicLong PUSH_IDS = new AtomicLong();

    private final String id;
    private final String remoteIp;
    private final int remotePort;
    private final String clientVersion;
    private final Map<String, String> labels;
    private final StreamObserver<Payload> stream;
    private volatile long lastActiveAt = System.currentTimeMillis();
    private volatile boolean closed;

    ClientConnection(
            String id,
            String remoteIp,
            int remotePort,
            String clientVersion,
            Map<String, String> labels,
            StreamObserver<Payload> stream) {
        this.id = id;
        this.remoteIp = remoteIp;
        this.remotePort = remotePort;
        this.clientVersion = clientVersion;
        this.labels = labels == null ? Map.of() : Map.copyOf(labels);
        this.stream = stream;
    }

    public String id() {
        return id;
    }

    public String remoteIp() {
        return remoteIp;
    }

    public int remotePort() {
        return remotePort;
    }

    public String appName() {
        return labels.getOrDefault("AppName", "-");
    }

    public long lastActiveAt() {
        return lastActiveAt;
    }

    void touch() {
        lastActiveAt = System.currentTimeMillis();
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Sends a server request down the bi-stream. The client answers on the same stream; answers only refresh
     * the connection's activity, as nothing here waits for them.
     *
     * @return false when the stream is already gone
     */
    public boolean push(ServerRequest request) {
        return send(encode(request));
    }

    /**
     * Converts a server request once, for sending the same push to many connections: the request id only has
     * to be echoed by each client, it need not differ between them.
     */
    public static Payload encode(ServerRequest request) {
        request.setRequestId(String.valueOf(PUSH_IDS.incrementAndGet()));
        return GrpcUtils.convert(request);
    }

    /** @return false when the stream is already gone */
    public boolean send(Payload payload) {
        if (closed) {
            return false;
        }
        try {
            // gRPC stream observers are not thread-safe; pushes come from several threads
            synchronized (stream) {
                stream.onNext(payload);
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            synchronized (stream) {
                stream.onCompleted();
            }
        } catch (RuntimeException ignored) {
            // the transport is already gone
        }
    }

    @Override
    public String toString() {
        return id + "(" + appName() + ", " + clientVersion + ")";
    }
}
