package com.tradeflow.nacos.devserver.support;

import com.alibaba.nacos.api.NacosFactory;
import com.alibaba.nacos.api.naming.NamingService;

/** Child JVM: registers one instance and stays up until killed. Args: serverAddr service ip port. */
public final class RegisterInstanceMain {

    private RegisterInstanceMain() {}

    public static void main(String[] args) throws Exception {
        NamingService naming = NacosFactory.createNamingService(args[0]);
        naming.registerInstance(args[1], args[2], Integer.parseInt(args[3]));
        System.out.println("REGISTERED " + args[1]);
        Thread.sleep(Long.MAX_VALUE);
    }
}
