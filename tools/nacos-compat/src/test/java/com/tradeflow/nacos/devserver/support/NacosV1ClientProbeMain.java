package com.tradeflow.nacos.devserver.support;

import com.alibaba.nacos.api.NacosFactory;
import com.alibaba.nacos.api.config.ConfigService;
import com.alibaba.nacos.api.config.listener.AbstractListener;
import com.alibaba.nacos.api.naming.NamingService;

/**
 * Child JVM run on the class path of nacos-client 1.4 (HTTP only): publishes and reads a config, listens to it
 * (long polling), registers an instance (heart beats) and keeps printing what it sees of a service.
 * Compiled against the 2.x API, of which it uses only calls that 1.4 has too. Args: serverAddr.
 */
public final class NacosV1ClientProbeMain {

    private NacosV1ClientProbeMain() {}

    public static void main(String[] args) throws Exception {
        ConfigService config = NacosFactory.createConfigService(args[0]);
        System.out.println("PUBLISHED " + config.publishConfig("v1.probe", "G", "one"));
        System.out.println("GOT " + config.getConfig("v1.probe", "G", 3000));
        config.addListener("v1.probe", "G", new AbstractListener() {
            @Override
            public void receiveConfigInfo(String configInfo) {
                System.out.println("CHANGED " + configInfo);
            }
        });

        NamingService naming = NacosFactory.createNamingService(args[0]);
        naming.registerInstance("v1-probe-svc", "10.9.0.1", 7000);
        System.out.println("READY " + naming.getServerStatus());
        while (true) {
            System.out.println(
                    "SEES " + naming.getAllInstances("v1-peer-svc", false).size() + " PEERS");
            Thread.sleep(500);
        }
    }
}
