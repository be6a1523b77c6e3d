package com.tradeflow.nacos.devserver.remote;

import com.alibaba.nacos.api.remote.request.Request;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Request handlers by payload type name (the simple class name that travels in the gRPC metadata). */
public final class RequestHandlers {

    private final Map<String, RequestHandler<Request>> byType = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    public <R extends Request> void register(Class<R> type, RequestHandler<? super R> handler) {
        byType.put(type.getSimpleName(), (RequestHandler<Request>) handler);
    }

    RequestHandler<Request> get(String type) {
        return type == null ? null : byType.get(type);
    }
}
