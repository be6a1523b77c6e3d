package com.tradeflow.nacos.devserver.remote;

import com.alibaba.nacos.api.exception.NacosException;
import com.alibaba.nacos.api.remote.request.Request;
import com.alibaba.nacos.api.remote.response.Response;

/** Answers one request type of the Nacos 2.x gRPC protocol for a registered connection. */
@FunctionalInterface
public interface RequestHandler<R extends Request> {

    /**
     * @throws NacosException with a Nacos error code for requests the server refuses (bad parameters ...)
     */
    Response handle(R request, ClientConnection connection) throws NacosException;
}
