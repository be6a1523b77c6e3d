package com.tradeflow.devstack.service;

/** The stack's own services, in start order. */
public enum ServiceName {
    INVENTORY("provider-inventory"),
    ACCOUNT("provider-account"),
    WEB("consumer-web");

    private final String module;

    ServiceName(String module) {
        this.module = module;
    }

    /** Maven module, jar name and Spring application name. */
    public String module() {
        return module;
    }
}
