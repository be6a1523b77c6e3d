package com.tradeflow.nacos.devserver.naming;

import com.alibaba.nacos.api.exception.NacosException;
import com.alibaba.nacos.api.naming.pojo.Instance;
import com.alibaba.nacos.api.naming.remote.NamingRemoteConstants;
import com.alibaba.nacos.api.naming.remote.request.AbstractNamingRequest;
import com.alibaba.nacos.api.naming.remote.request.BatchInstanceRequest;
import com.alibaba.nacos.api.naming.remote.request.InstanceRequest;
import com.alibaba.nacos.api.naming.remote.request.PersistentInstanceRequest;
import com.alibaba.nacos.api.naming.remote.request.ServiceListRequest;
import com.alibaba.nacos.api.naming.remote.request.ServiceQueryRequest;
import com.alibaba.nacos.api.naming.remote.request.SubscribeServiceRequest;
import com.alibaba.nacos.api.naming.remote.response.BatchInstanceResponse;
import com.alibaba.nacos.api.naming.remote.response.InstanceResponse;
import com.alibaba.nacos.api.naming.remote.response.QueryServiceResponse;
import com.alibaba.nacos.api.naming.remote.response.ServiceListResponse;
import com.alibaba.nacos.api.naming.remote.response.SubscribeServiceResponse;
import com.alibaba.nacos.api.remote.response.ResponseCode;
import com.tradeflow.nacos.devserver.remote.RequestHandlers;
import java.util.List;

/** The naming module of the gRPC protocol, answered the way Nacos 2.5's naming request handlers answer. */
public final class NamingRequestHandlers {

    private final NamingRegistry registry;

    public NamingRequestHandlers(NamingRegistry registry) {
        this.registry = registry;
    }

    public void registerWith(RequestHandlers handlers) {
        handlers.register(InstanceRequest.class, (request, connection) -> {
            ServiceKey key = serviceKey(request);
            Instance instance = validInstance(request.getInstance());
            switch (request.getType()) {
                case NamingRemoteConstants.REGISTER_INSTANCE ->
                    registry.register(key, connection.id(), List.of(instance), true);
                case NamingRemoteConstants.DE_REGISTER_INSTANCE ->
                    registry.deregister(key, connection.id(), instance.getIp(), instance.getPort(), null);
                default -> throw unsupported(request.getType());
            }
            return new InstanceResponse(request.getType());
        });
        handlers.register(BatchInstanceRequest.class, (request, connection) -> {
            ServiceKey key = serviceKey(request);
            if (!NamingRemoteConstants.BATCH_REGISTER_INSTANCE.equals(request.getType())) {
                throw unsupported(request.getType());
            }
            List<Instance> instances = request.getInstances() == null ? List.of() : request.getInstances();
            for (Instance instance : instances) {
                validInstance(instance);
            }
            registry.register(key, connection.id(), instances, true);
            return new BatchInstanceResponse(request.getType());
        });
        handlers.register(PersistentInstanceRequest.class, (request, connection) -> {
            ServiceKey key = serviceKey(request);
            Instance instance = validInstance(request.getInstance());
            switch (request.getType()) {
                case NamingRemoteConstants.REGISTER_INSTANCE ->
                    registry.upsert(key, NamingRegistry.PERSISTENT_OWNER, instance, false);
                case NamingRemoteConstants.DE_REGISTER_INSTANCE ->
                    registry.deregister(
                            key, NamingRegistry.PERSISTENT_OWNER, instance.getIp(), instance.getPort(), null);
                default -> throw unsupported(request.getType());
            }
            return new InstanceResponse(request.getType());
        });
        handlers.register(SubscribeServiceRequest.class, (request, connection) -> {
            ServiceKey key = serviceKey(request);
            if (request.isSubscribe()) {
                registry.subscribe(key, connection.id(), request.getClusters());
            } else {
                registry.unsubscribe(key, connection.id());
            }
            return new SubscribeServiceResponse(
                    ResponseCode.SUCCESS.getCode(), "success", registry.serviceInfo(key, request.getClusters(), false));
        });
        handlers.register(
                ServiceQueryRequest.class,
                (request, connection) -> QueryServiceResponse.buildSuccessResponse(
                        registry.serviceInfo(serviceKey(request), request.getCluster(), request.isHealthyOnly())));
        handlers.register(ServiceListRequest.class, (request, connection) -> {
            ServiceKey key = ServiceKey.of(request.getNamespace(), request.getGroupName(), "");
            List<String> names = registry.serviceNames(key.namespace(), key.group());
            return ServiceListResponse.buildSuccessResponse(
                    names.size(), page(names, request.getPageNo(), request.getPageSize()));
        });
    }

    /** Nacos pages from 1; page 0 (Dubbo asks for it) means the first page. */
    static List<String> page(List<String> names, int pageNo, int pageSize) {
        long start = Math.max(0L, ((long) pageNo - 1) * pageSize);
        if (pageSize <= 0 || start >= names.size()) {
            return List.of();
        }
        long end = Math.min(names.size(), start + pageSize);
        return names.subList((int) start, (int) end);
    }

    private static ServiceKey serviceKey(AbstractNamingRequest request) throws NacosException {
        if (request.getServiceName() == null || request.getServiceName().isBlank()) {
            throw new NacosException(NacosException.INVALID_PARAM, "serviceName is required");
        }
        return ServiceKey.of(request.getNamespace(), request.getGroupName(), request.getServiceName());
    }

    private static Instance validInstance(Instance instance) throws NacosException {
        return InstanceRules.check(instance);
    }

    private static NacosException unsupported(String type) {
        return new NacosException(NacosException.INVALID_PARAM, "Unsupported request type " + type);
    }
}
