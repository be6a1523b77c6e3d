package com.tradeflow.nacos.devserver.support;

import org.apache.dubbo.config.ApplicationConfig;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.config.RegistryConfig;
import org.apache.dubbo.config.bootstrap.DubboBootstrap;

/** Child JVM: finds {@link GreetingService} through {@code nacos://}, calls it once, prints the answer, exits. */
public final class DubboConsumerMain {

    private DubboConsumerMain() {}

    public static void main(String[] args) {
        ReferenceConfig<GreetingService> reference = new ReferenceConfig<>();
        reference.setInterface(GreetingService.class);
        reference.setCheck(true);
        reference.setTimeout(5000);

        ApplicationConfig application = new ApplicationConfig("devserver-it-consumer");
        application.setQosEnable(false);
        DubboBootstrap bootstrap = DubboBootstrap.getInstance()
                .application(application)
                .registry(new RegistryConfig("nacos://" + args[0]))
                .reference(reference);
        bootstrap.start();
        System.out.println("ANSWER " + reference.get().greet("tradeflow"));
        bootstrap.stop();
        System.exit(0);
    }
}
