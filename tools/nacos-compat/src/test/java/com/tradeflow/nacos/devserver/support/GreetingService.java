package com.tradeflow.nacos.devserver.support;

/** The Dubbo interface the compatibility test exports and calls across two JVMs. */
public interface GreetingService {

    String greet(String name);
}
