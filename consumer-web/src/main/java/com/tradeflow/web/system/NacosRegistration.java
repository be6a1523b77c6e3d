package com.tradeflow.web.system;

import com.alibaba.nacos.api.PropertyKeyConst;
import com.alibaba.nacos.api.exception.NacosException;
import com.alibaba.nacos.api.naming.NamingFactory;
import com.alibaba.nacos.api.naming.NamingService;
import com.alibaba.nacos.api.naming.pojo.Instance;
import com.tradeflow.platform.registry.OperationsMetadata;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This web instance in Nacos, beside the Dubbo providers: a gateway or load balancer that discovers through Nacos
 * finds every live instance (Dubbo registers providers only, and this service is a consumer). Registered once the
 * web server listens (its real port), as an ephemeral instance: the registry drops it when its connection ends,
 * a crash included. At shutdown it leaves first ({@link ShutdownSequence}), so discovery stops sending new requests
 * to an instance on its way out.
 */
@Component
public class NacosRegistration implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NacosRegistration.class);
    private static final String WILDCARD_V4 = "0.0.0.0";
    private static final String WILDCARD_V6 = "::";

    private final WebServerApplicationContext context;
    private final boolean enabled;
    private final String nacosAddr;
    private final String service;
    private final String group;
    private final String address;
    private volatile NamingService naming;
    private volatile Instance instance;

    NacosRegistration(
            WebServerApplicationContext context,
            @Value("${tradeflow.registration.enabled:true}") boolean enabled,
            @Value("${tradeflow.registration.nacos-addr}") String nacosAddr,
            @Value("${tradeflow.registration.service}") String service,
            @Value("${tradeflow.registration.group}") String group,
            @Value("${server.address:0.0.0.0}") String address) {
        this.context = context;
        this.enabled = enabled;
        this.nacosAddr = nacosAddr;
        this.service = service;
        this.group = group;
        this.address = address;
    }

    @Override
    public void start() {
        if (!enabled) {
            log.info("not registered in Nacos (tradeflow.registration.enabled=false)");
            return;
        }
        Instance self = new Instance();
        self.setIp(advertised(address));
        self.setPort(context.getWebServer().getPort());
        self.setEphemeral(true);
        Map<String, String> metadata = new HashMap<>(OperationsMetadata.of(context));
        metadata.put("protocol", "http");
        self.setMetadata(metadata);
        Properties properties = new Properties();
        properties.setProperty(PropertyKeyConst.SERVER_ADDR, nacosAddr);
        try {
            NamingService client = NamingFactory.createNamingService(properties);
            client.registerInstance(service, group, self);
            naming = client;
            instance = self;
        } catch (NacosException e) {
            throw new IllegalStateException(
                    "cannot register " + service + " at " + self.getIp() + ":" + self.getPort() + " in Nacos "
                            + nacosAddr + ": " + e.getErrMsg(),
                    e);
        }
        log.info(
                "registered in Nacos {} as {} {}:{} (group {})",
                nacosAddr,
                service,
                self.getIp(),
                self.getPort(),
                group);
    }

    @Override
    public void stop() {
        leave();
    }

    /** Deregisters this instance (once; later calls do nothing). */
    synchronized void leave() {
        NamingService client = naming;
        Instance self = instance;
        if (client == null) {
            return;
        }
        naming = null;
        try {
            client.deregisterInstance(service, group, self);
            log.info("left Nacos ({} {}:{})", service, self.getIp(), self.getPort());
        } catch (NacosException e) {
            log.warn(
                    "could not leave Nacos ({}); the registry drops this instance when its connection ends",
                    e.getErrMsg());
        } finally {
            try {
                client.shutDown();
            } catch (NacosException e) {
                log.debug("Nacos client shut down with an error: {}", e.getErrMsg());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return naming != null;
    }

    /** The address others reach this instance at: the one it listens on, or this host's when it listens on all. */
    private static String advertised(String bound) {
        if (!WILDCARD_V4.equals(bound) && !WILDCARD_V6.equals(bound)) {
            return bound;
        }
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(
                    "server.address listens on all interfaces and this host's address is "
                            + "unknown: set server.address",
                    e);
        }
    }
}
