package com.tradeflow.nacos.devserver.http;

import com.alibaba.nacos.api.exception.NacosException;
import com.tradeflow.nacos.devserver.config.ConfigItem;
import com.tradeflow.nacos.devserver.config.ConfigKey;
import com.tradeflow.nacos.devserver.config.ConfigRules;
import com.tradeflow.nacos.devserver.config.ConfigStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The config part of the v1 open API (with its long-poll listener) and of the v2 open API. */
public final class ConfigHttpApi {

    private static final Logger log = LoggerFactory.getLogger(ConfigHttpApi.class);

    /** Separators of the v1 listener protocol: between the fields of one config, and between configs. */
    private static final char WORD_SEPARATOR = '\u0002';

    private static final char LINE_SEPARATOR = '\u0001';
    private static final long DEFAULT_POLL_TIMEOUT_MILLIS = 30_000;
    private static final long MAX_POLL_TIMEOUT_MILLIS = 120_000;

    private final ConfigStore store;
    private final ConfigLongPolling longPolling;

    public ConfigHttpApi(ConfigStore store) {
        this.store = store;
        this.longPolling = new ConfigLongPolling(store);
    }

    public void registerWith(HttpApiServer server) {
        server.route("GET", "/nacos/v1/cs/configs", this::getV1);
        server.route("POST", "/nacos/v1/cs/configs", call -> {
            publish(call, "tenant");
            return Reply.json(200, true);
        });
        server.route("DELETE", "/nacos/v1/cs/configs", call -> {
            remove(call, "tenant");
            return Reply.json(200, true);
        });
        server.route("POST", "/nacos/v1/cs/configs/listener", this::listen);
        server.route("GET", "/nacos/v2/cs/config", call -> {
            Optional<ConfigItem> item = store.get(key(call, "namespaceId"));
            if (item.isEmpty()) {
                throw new BadRequest(404, 20004, "config data not exist");
            }
            return Reply.v2(item.get().content());
        });
        server.route("POST", "/nacos/v2/cs/config", call -> {
            publish(call, "namespaceId");
            return Reply.v2(true);
        });
        server.route("DELETE", "/nacos/v2/cs/config", call -> {
            remove(call, "namespaceId");
            return Reply.v2(true);
        });
    }

    private Reply getV1(HttpCall call) throws BadRequest {
        Optional<ConfigItem> item = store.get(key(call, "tenant"));
        if (item.isEmpty()) {
            return Reply.text(404, "config data not exist");
        }
        return Reply.text(200, item.get().content())
                .withHeader("Content-MD5", item.get().md5())
                .withHeader("Config-Type", item.get().type())
                .withHeader("Last-Modified", String.valueOf(item.get().lastModified()));
    }

    private void publish(HttpCall call, String tenantParam) throws BadRequest {
        ConfigKey key = key(call, tenantParam);
        String content = call.required("content");
        try {
            ConfigRules.checkContent(content);
        } catch (NacosException e) {
            throw new BadRequest(400, 20002, e.getErrMsg());
        }
        if (!store.publish(key, content, call.param("type"), call.param("casMd5"))) {
            throw new BadRequest(409, 20005, "Cas publish fail, server md5 may have changed.");
        }
        log.info("config published over HTTP from {}: {}", call.remoteIp(), key);
    }

    private void remove(HttpCall call, String tenantParam) throws BadRequest {
        ConfigKey key = key(call, tenantParam);
        if (store.remove(key)) {
            log.info("config removed over HTTP from {}: {}", call.remoteIp(), key);
        }
    }

    private Reply listen(HttpCall call) throws BadRequest {
        String raw = call.required("Listening-Configs");
        Map<ConfigKey, ConfigLongPolling.Watched> watched = parseListening(raw);
        long timeout = DEFAULT_POLL_TIMEOUT_MILLIS;
        String header = call.header("Long-Pulling-Timeout");
        if (header != null) {
            try {
                timeout = Math.min(MAX_POLL_TIMEOUT_MILLIS, Math.max(0, Long.parseLong(header.trim())));
            } catch (NumberFormatException e) {
                throw BadRequest.invalid("Long-Pulling-Timeout", header);
            }
        }
        boolean hangUp = !"true".equalsIgnoreCase(call.header("Long-Pulling-Timeout-No-Hangup"));
        List<ConfigKey> changed;
        try {
            changed = longPolling.poll(watched, timeout, hangUp);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            changed = List.of();
        }
        StringBuilder body = new StringBuilder();
        for (ConfigKey key : changed) {
            body.append(key.dataId()).append(WORD_SEPARATOR).append(key.group());
            if (key.tenant() != null && !key.tenant().isEmpty()) {
                body.append(WORD_SEPARATOR).append(key.tenant());
            }
            body.append(LINE_SEPARATOR);
        }
        return Reply.text(200, URLEncoder.encode(body.toString(), StandardCharsets.UTF_8));
    }

    /** {@code dataId^2group^2md5[^2tenant]^1...}, as nacos-client 1.4 sends it. */
    static Map<ConfigKey, ConfigLongPolling.Watched> parseListening(String raw) throws BadRequest {
        Map<ConfigKey, ConfigLongPolling.Watched> watched = new LinkedHashMap<>();
        for (String line : raw.split(String.valueOf(LINE_SEPARATOR))) {
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split(String.valueOf(WORD_SEPARATOR), -1);
            if (words.length != 3 && words.length != 4) {
                throw BadRequest.invalid("Listening-Configs", line.replace(WORD_SEPARATOR, '^'));
            }
            String tenant = words.length == 4 ? words[3] : "";
            ConfigKey key;
            try {
                key = ConfigRules.key(tenant, words[1], words[0]);
            } catch (NacosException e) {
                throw new BadRequest(400, 20002, e.getErrMsg());
            }
            watched.put(key, new ConfigLongPolling.Watched(new ConfigKey(tenant, words[1], words[0]), words[2]));
        }
        if (watched.isEmpty()) {
            throw BadRequest.invalid("Listening-Configs", raw);
        }
        return watched;
    }

    private static ConfigKey key(HttpCall call, String tenantParam) throws BadRequest {
        String dataId = call.required("dataId");
        String group = call.param("group", "DEFAULT_GROUP");
        try {
            return ConfigRules.key(call.param(tenantParam), group, dataId);
        } catch (NacosException e) {
            throw new BadRequest(400, 20002, e.getErrMsg());
        }
    }
}
