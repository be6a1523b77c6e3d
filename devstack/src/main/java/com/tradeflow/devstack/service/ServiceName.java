package com.tradeflow.devstack.service;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The stack's own services, in start order. */
public enum ServiceName {
    INVENTORY("provider-inventory", "provider-inventory"),
    ACCOUNT("provider-account", "provider-account"),
    WEB("consumer-web", "consumer-web"),
    /**
     * A second consumer-web (same databases) that publishes order events as RocketMQ transactional messages instead
     * of through the outbox relay: the test stack runs it so both publishers pass the same tests, and two
     * instances share the outbox. Locally on request ({@code DEVSTACK_SERVICES}).
     */
    WEB_TRANSACTIONAL("consumer-web", "consumer-web-txmsg");

    /** What the one-command stack starts when {@code DEVSTACK_SERVICES} is not set. */
    public static final Set<ServiceName> DEFAULT = Collections.unmodifiableSet(EnumSet.of(INVENTORY, ACCOUNT, WEB));

    private final String module;
    private final String instance;

    ServiceName(String module, String instance) {
        this.module = module;
        this.instance = instance;
    }

    /** Maven module, jar name and Spring application name. */
    public String module() {
        return module;
    }

    /** The process: its log file, its working directories, its name in logs and in {@code DEVSTACK_SERVICES}. */
    public String instance() {
        return instance;
    }
}
