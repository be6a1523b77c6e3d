package com.tradeflow.nacos.devserver.support;

import java.lang.management.ManagementFactory;
import org.apache.dubbo.config.ApplicationConfig;
import org.apache.dubbo.config.ProtocolConfig;
import org.apache.dubbo.config.RegistryConfig;
import org.apache.dubbo.config.ServiceConfig;
import org.apache.dubbo.config.bootstrap.DubboBootstrap;

/** Child JVM: exports {@link GreetingService} through {@code nacos://} and stays up. Args: serverAddr. */
public final class DubboProviderMain {

    private DubboProviderMain() {}

    public static void main(String[] args) throws InterruptedException {
        ServiceConfig<GreetingService> service = new ServiceConfig<>();
        service.setInterface(GreetingService.class);
        String pid = String.valueOf(ProcessHandle.current().pid());
        service.setRef(name -> "hello " + name + " from provider " + pid);

        ApplicationConfig application = new ApplicationConfig("devserver-it-provider");
        application.setQosEnable(false);
        ProtocolConfig protocol = new ProtocolConfig("dubbo", -1);
        DubboBootstrap.getInstance()
                .application(application)
                .registry(new RegistryConfig("nacos://" + args[0]))
                .protocol(protocol)
                .service(service)
                .start();
        System.out.println(
                "PROVIDER READY " + ManagementFactory.getRuntimeMXBean().getName());
        Thread.sleep(Long.MAX_VALUE);
    }
}
