package com.tradeflow.nacos.devserver.http;

import com.alibaba.nacos.api.common.Constants;
import com.alibaba.nacos.api.exception.NacosException;
import com.alibaba.nacos.api.naming.pojo.Instance;
import com.alibaba.nacos.api.naming.pojo.ServiceInfo;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.tradeflow.nacos.devserver.naming.HttpHeartbeats;
import com.tradeflow.nacos.devserver.naming.InstanceRules;
import com.tradeflow.nacos.devserver.naming.NamingRegistry;
import com.tradeflow.nacos.devserver.naming.ServiceKey;
import com.tradeflow.nacos.devserver.remote.ConnectionRegistry;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The naming part of the v1 open API: what nacos-client 1.4 (the Seata TC) and operators call. */
public final class NamingHttpApi {

    /** A heart-beat the server knew nothing about: the 1.4 client registers the instance again. */
    private static final int BEAT_RESOURCE_NOT_FOUND = 20404;

    private static final int BEAT_OK = 10200;
    private static final long BEAT_INTERVAL_MILLIS = 5000;

    private final NamingRegistry registry;
    private final HttpHeartbeats heartbeats;
    private final ConnectionRegistry connections;

    public NamingHttpApi(NamingRegistry registry, HttpHeartbeats heartbeats, ConnectionRegistry connections) {
        this.registry = registry;
        this.heartbeats = heartbeats;
        this.connections = connections;
    }

    public void registerWith(HttpApiServer server) {
        server.route("POST", "/nacos/v1/ns/instance", this::register);
        server.route("PUT", "/nacos/v1/ns/instance", this::register);
        server.route("DELETE", "/nacos/v1/ns/instance", this::deregister);
        server.route("PUT", "/nacos/v1/ns/instance/beat", this::beat);
        server.route("GET", "/nacos/v1/ns/instance/list", this::list);
        server.route("GET", "/nacos/v1/ns/service/list", this::services);
        server.route("GET", "/nacos/v1/ns/operator/metrics", call -> Reply.json(200, metrics()));
    }

    private Reply register(HttpCall call) throws BadRequest {
        ServiceKey key = serviceKey(call);
        Instance instance = new Instance();
        instance.setIp(call.required("ip"));
        instance.setPort(port(call));
        instance.setClusterName(call.param("clusterName", Constants.DEFAULT_CLUSTER_NAME));
        instance.setWeight(call.doubleParam("weight", 1.0));
        instance.setEnabled(call.boolParam("enabled", call.boolParam("enable", true)));
        instance.setHealthy(call.boolParam("healthy", true));
        instance.setMetadata(metadata(call.param("metadata")));
        validate(instance);
        if (call.boolParam("ephemeral", true)) {
            heartbeats.register(key, instance);
        } else {
            registry.upsert(key, NamingRegistry.PERSISTENT_OWNER, instance, false);
        }
        return Reply.text(200, "ok");
    }

    private Reply deregister(HttpCall call) throws BadRequest {
        ServiceKey key = serviceKey(call);
        String ip = call.required("ip");
        int port = port(call);
        String cluster = call.param("clusterName", Constants.DEFAULT_CLUSTER_NAME);
        if (call.boolParam("ephemeral", true)) {
            heartbeats.deregister(key, ip, port, cluster);
        } else {
            registry.deregister(key, NamingRegistry.PERSISTENT_OWNER, ip, port, cluster);
        }
        return Reply.text(200, "ok");
    }

    private Reply beat(HttpCall call) throws BadRequest {
        ServiceKey key = serviceKey(call);
        String ip = call.param("ip");
        int port = call.intParam("port", 0);
        String cluster = call.param("clusterName", Constants.DEFAULT_CLUSTER_NAME);
        JsonNode beat = parse(call.param("beat"), "beat");
        if (beat != null) {
            ip = beat.path("ip").asText(ip);
            port = beat.path("port").asInt(port);
            cluster = beat.path("cluster").asText("").isBlank()
                    ? cluster
                    : beat.path("cluster").asText();
        }
        if (ip == null || ip.isBlank()) {
            throw BadRequest.missing("ip");
        }
        int code = BEAT_OK;
        if (!heartbeats.beat(key, ip, port, cluster)) {
            if (beat == null) {
                code = BEAT_RESOURCE_NOT_FOUND;
            } else {
                // a full beat carries the instance: register it again, as a real server does after a restart
                Instance instance = new Instance();
                instance.setIp(ip);
                instance.setPort(port);
                instance.setClusterName(cluster);
                instance.setWeight(beat.path("weight").asDouble(1.0));
                instance.setMetadata(metadata(beat.path("metadata")));
                heartbeats.register(key, instance);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientBeatInterval", BEAT_INTERVAL_MILLIS);
        body.put("code", code);
        body.put("lightBeatEnabled", true);
        return Reply.json(200, body);
    }

    private Reply list(HttpCall call) throws BadRequest {
        ServiceKey key = serviceKey(call);
        ServiceInfo info = registry.serviceInfo(key, call.param("clusters", ""), call.boolParam("healthyOnly", false));
        // 1.4 clients key their cache by the grouped name; a name with "@@" reads right in 1.x and 2.x alike
        info.setName(key.groupedName());
        return Reply.json(200, info);
    }

    private Reply services(HttpCall call) throws BadRequest {
        ServiceKey key = ServiceKey.of(call.param("namespaceId"), call.param("groupName"), "");
        List<String> names = registry.serviceNames(key.namespace(), key.group());
        int pageNo = call.intParam("pageNo", 1);
        int pageSize = call.intParam("pageSize", 10);
        long start = Math.max(0L, ((long) pageNo - 1) * pageSize);
        List<String> page = pageSize <= 0 || start >= names.size()
                ? List.of()
                : names.subList((int) start, (int) Math.min(names.size(), start + pageSize));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", names.size());
        body.put("doms", page);
        return Reply.json(200, body);
    }

    private Map<String, Object> metrics() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.put("serviceCount", registry.serviceCount());
        body.put("instanceCount", registry.instanceCount());
        body.put("subscribeCount", registry.subscriberCount());
        body.put("clientCount", connections.size());
        body.put("connectionBasedClientCount", connections.size());
        return body;
    }

    private static ServiceKey serviceKey(HttpCall call) throws BadRequest {
        String name = call.required("serviceName");
        ServiceKey key = ServiceKey.of(call.param("namespaceId"), call.param("groupName"), name);
        if (key.name().isBlank()) {
            throw BadRequest.invalid("serviceName", name);
        }
        return key;
    }

    private static int port(HttpCall call) throws BadRequest {
        call.required("port");
        return call.intParam("port", 0);
    }

    private static void validate(Instance instance) throws BadRequest {
        try {
            InstanceRules.check(instance);
        } catch (NacosException e) {
            throw new BadRequest(400, 20002, e.getErrMsg());
        }
    }

    private static JsonNode parse(String json, String name) throws BadRequest {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return Reply.JSON.readTree(json);
        } catch (IOException e) {
            throw BadRequest.invalid(name, json.length() > 60 ? json.substring(0, 60) + "..." : json);
        }
    }

    private static Map<String, String> metadata(String json) throws BadRequest {
        return metadata(parse(json, "metadata"));
    }

    private static Map<String, String> metadata(JsonNode node) throws BadRequest {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return new HashMap<>();
        }
        if (!node.isObject()) {
            throw BadRequest.invalid("metadata", node.toString());
        }
        return Reply.JSON.convertValue(node, new TypeReference<HashMap<String, String>>() {});
    }
}
