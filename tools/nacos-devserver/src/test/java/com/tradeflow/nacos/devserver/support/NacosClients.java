package com.tradeflow.nacos.devserver.support;

import com.alibaba.nacos.api.NacosFactory;
import com.alibaba.nacos.api.PropertyKeyConst;
import com.alibaba.nacos.api.config.ConfigService;
import com.alibaba.nacos.api.exception.NacosException;
import com.alibaba.nacos.api.naming.NamingService;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Real nacos-client 2.x instances pointed at a server, shut down together at the end of a test class. */
public final class NacosClients implements AutoCloseable {

    private final String serverAddr;
    private final List<NamingService> namings = new ArrayList<>();
    private final List<ConfigService> configs = new ArrayList<>();

    public NacosClients(String serverAddr) {
        this.serverAddr = serverAddr;
    }

    public NamingService naming() throws NacosException {
        return naming(null);
    }

    public NamingService naming(String namespace) throws NacosException {
        NamingService naming = NacosFactory.createNamingService(properties(namespace));
        namings.add(naming);
        return naming;
    }

    public ConfigService config() throws NacosException {
        return config(null);
    }

    public ConfigService config(String namespace) throws NacosException {
        ConfigService config = NacosFactory.createConfigService(properties(namespace));
        configs.add(config);
        return config;
    }

    private Properties properties(String namespace) {
        Properties properties = new Properties();
        properties.setProperty(PropertyKeyConst.SERVER_ADDR, serverAddr);
        if (namespace != null) {
            properties.setProperty(PropertyKeyConst.NAMESPACE, namespace);
        }
        return properties;
    }

    @Override
    public void close() throws NacosException {
        for (NamingService naming : namings) {
            naming.shutDown();
        }
        for (ConfigService config : configs) {
            config.shutDown();
        }
    }
}
