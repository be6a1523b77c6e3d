package com.tradeflow.nacos.devserver.config;

import com.alibaba.nacos.api.config.remote.request.ConfigBatchListenRequest;
import com.alibaba.nacos.api.config.remote.request.ConfigPublishRequest;
import com.alibaba.nacos.api.config.remote.request.ConfigQueryRequest;
import com.alibaba.nacos.api.config.remote.request.ConfigRemoveRequest;
import com.alibaba.nacos.api.config.remote.response.ConfigChangeBatchListenResponse;
import com.alibaba.nacos.api.config.remote.response.ConfigPublishResponse;
import com.alibaba.nacos.api.config.remote.response.ConfigQueryResponse;
import com.alibaba.nacos.api.config.remote.response.ConfigRemoveResponse;
import com.alibaba.nacos.api.exception.NacosException;
import com.alibaba.nacos.api.remote.response.ResponseCode;
import com.tradeflow.nacos.devserver.remote.RequestHandlers;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The config module of the gRPC protocol, answered the way Nacos 2.5's config request handlers answer. */
public final class ConfigRequestHandlers {

    private static final Logger log = LoggerFactory.getLogger(ConfigRequestHandlers.class);

    private final ConfigStore store;
    private final ConfigListeners listeners;

    public ConfigRequestHandlers(ConfigStore store, ConfigListeners listeners) {
        this.store = store;
        this.listeners = listeners;
    }

    public void registerWith(RequestHandlers handlers) {
        handlers.register(ConfigQueryRequest.class, (request, connection) -> {
            ConfigKey key = ConfigRules.key(request.getTenant(), request.getGroup(), request.getDataId());
            Optional<ConfigItem> item = store.get(key);
            ConfigQueryResponse response = new ConfigQueryResponse();
            if (item.isEmpty()) {
                response.setErrorInfo(ConfigQueryResponse.CONFIG_NOT_FOUND, "config data not exist");
                return response;
            }
            response.setContent(item.get().content());
            response.setMd5(item.get().md5());
            response.setContentType(item.get().type());
            response.setLastModified(item.get().lastModified());
            response.setResultCode(ResponseCode.SUCCESS.getCode());
            return response;
        });
        handlers.register(ConfigPublishRequest.class, (request, connection) -> {
            ConfigKey key = ConfigRules.key(request.getTenant(), request.getGroup(), request.getDataId());
            ConfigRules.checkContent(request.getContent());
            if (!store.publish(key, request.getContent(), request.getAdditionParam("type"), request.getCasMd5())) {
                return ConfigPublishResponse.buildFailResponse(
                        ResponseCode.FAIL.getCode(), "Cas publish fail, server md5 may have changed.");
            }
            log.info("config published over gRPC by {}: {}", connection, key);
            return ConfigPublishResponse.buildSuccessResponse();
        });
        handlers.register(ConfigRemoveRequest.class, (request, connection) -> {
            ConfigKey key = ConfigRules.key(request.getTenant(), request.getGroup(), request.getDataId());
            if (store.remove(key)) {
                log.info("config removed over gRPC by {}: {}", connection, key);
            }
            // removing what is not there succeeds on a real server too
            return ConfigRemoveResponse.buildSuccessResponse();
        });
        handlers.register(ConfigBatchListenRequest.class, (request, connection) -> {
            ConfigChangeBatchListenResponse response = new ConfigChangeBatchListenResponse();
            if (request.getConfigListenContexts() == null) {
                return response;
            }
            for (ConfigBatchListenRequest.ConfigListenContext context : request.getConfigListenContexts()) {
                ConfigKey key = keyOrNull(context);
                if (key == null) {
                    continue;
                }
                if (request.isListen()) {
                    listeners.listen(
                            key,
                            connection.id(),
                            new ConfigKey(context.getTenant(), context.getGroup(), context.getDataId()));
                    String clientMd5 = context.getMd5() == null ? "" : context.getMd5();
                    if (!clientMd5.equals(store.md5(key))) {
                        response.addChangeConfig(context.getDataId(), context.getGroup(), context.getTenant());
                    }
                } else {
                    listeners.unlisten(key, connection.id());
                }
            }
            return response;
        });
    }

    /** One bad entry in a batch of 32 must not fail the other 31: it is skipped and logged. */
    private static ConfigKey keyOrNull(ConfigBatchListenRequest.ConfigListenContext context) {
        try {
            return ConfigRules.key(context.getTenant(), context.getGroup(), context.getDataId());
        } catch (NacosException e) {
            log.warn("listen context skipped: {}", e.getErrMsg());
            return null;
        }
    }
}
