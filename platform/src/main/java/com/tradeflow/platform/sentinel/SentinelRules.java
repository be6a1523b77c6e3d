package com.tradeflow.platform.sentinel;

import com.alibaba.csp.sentinel.adapter.dubbo3.config.DubboAdapterGlobalConfig;
import com.alibaba.csp.sentinel.config.SentinelConfig;
import com.alibaba.csp.sentinel.datasource.ReadableDataSource;
import com.alibaba.csp.sentinel.datasource.nacos.NacosDataSource;
import com.alibaba.csp.sentinel.init.InitExecutor;
import com.alibaba.csp.sentinel.transport.config.TransportConfig;
import com.alibaba.nacos.api.PropertyKeyConst;
import com.alibaba.nacos.api.config.ConfigFactory;
import com.alibaba.nacos.api.config.ConfigService;
import com.alibaba.nacos.api.exception.NacosException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sentinel in a service: its name and transport settings, and its rules of every kind read from Nacos
 * ({@code <application>-flow-rules} ... in group {@code SENTINEL_GROUP}), followed as they change. Rules set through
 * the transport's command API (what the dashboard calls) are written to the same Nacos configs, so they reach every
 * instance and survive restarts. Starts before Dubbo exports and before the web server takes requests, so no call
 * runs without its rules.
 */
public final class SentinelRules implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SentinelRules.class);
    /** Sentinel's own key for the application name (read once, when its name resolver first loads). */
    private static final String APP_NAME = "project.name";

    private final SentinelProperties properties;
    private final String application;
    private final List<ReadableDataSource<String, ?>> sources = new ArrayList<>();
    private volatile ConfigService writer;

    /** The Nacos data ids of an application's rules, one per kind ({@code <application>-flow-rules} ...). */
    public static List<String> dataIds(String application) {
        return Arrays.stream(RuleKind.values())
                .map(kind -> kind.dataId(application))
                .toList();
    }

    public SentinelRules(SentinelProperties properties, String application) {
        this.properties = properties;
        this.application = application;
        // before anything touches Sentinel: these are read when its classes load
        System.setProperty(APP_NAME, application);
        SentinelConfig.setConfig(APP_NAME, application);
        SentinelConfig.setConfig(TransportConfig.SERVER_PORT, String.valueOf(properties.transportPort()));
        // Dubbo resources named dubbo:provider:... and dubbo:consumer:..., so a rule says which side it guards
        SentinelConfig.setConfig(DubboAdapterGlobalConfig.DUBBO_RES_NAME_WITH_PREFIX_KEY, "true");
        SentinelConfig.setConfig(TransportConfig.HEARTBEAT_CLIENT_IP, properties.clientIp());
        if (!properties.dashboard().isEmpty()) {
            SentinelConfig.setConfig(TransportConfig.CONSOLE_SERVER, properties.dashboard());
        }
    }

    @Override
    public void start() {
        Properties nacos = new Properties();
        nacos.setProperty(PropertyKeyConst.SERVER_ADDR, properties.nacosAddr());
        try {
            writer = ConfigFactory.createConfigService(nacos);
        } catch (NacosException e) {
            throw new IllegalStateException(
                    "Sentinel rules: cannot reach Nacos at " + properties.nacosAddr() + ": " + e.getErrMsg(), e);
        }
        for (RuleKind kind : RuleKind.values()) {
            String dataId = kind.dataId(application);
            NacosDataSource<List<?>> source = new NacosDataSource<>(
                    nacos, properties.group(), dataId, content -> RuleJson.parse(content, kind.ruleType()));
            sources.add(source);
            kind.follow(source.getProperty());
            kind.writeBackThrough(new NacosRuleWriter<>(writer, properties.group(), dataId));
        }
        // opens the command API on the transport port, and sends heartbeats when a dashboard is set
        InitExecutor.doInit();
        log.info(
                "Sentinel: application {}, rules from Nacos {} group {} ({}), command API on port {}, {}",
                application,
                properties.nacosAddr(),
                properties.group(),
                RuleKind.FLOW.dataId(application) + " ...",
                properties.transportPort(),
                properties.dashboard().isEmpty()
                        ? "no dashboard (SENTINEL_DASHBOARD unset)"
                        : "heartbeats to dashboard " + properties.dashboard());
    }

    @Override
    public void stop() {
        for (ReadableDataSource<String, ?> source : sources) {
            try {
                source.close();
            } catch (Exception e) {
                log.debug("closing a Sentinel rule source: {}", e.toString());
            }
        }
        sources.clear();
        ConfigService w = writer;
        writer = null;
        if (w != null) {
            try {
                w.shutDown();
            } catch (NacosException e) {
                log.debug("closing the Sentinel rule writer: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    /** Before the other lifecycle beans (the inbox jobs, the consumers): their calls are guarded too. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
