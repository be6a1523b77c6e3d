package com.tradeflow.devstack.service;

/**
 * One process of a service: number 1 is the instance on the service's configured ports, further instances (from
 * {@code DEVSTACK_INSTANCES}, or added by a test) run beside it on their own ports.
 *
 * @param number 1, 2, ...
 */
public record ServiceInstance(ServiceName service, int number) {

    public ServiceInstance {
        if (number < 1) {
            throw new IllegalArgumentException("instances are numbered from 1, not " + number);
        }
    }

    /** The instance on the service's configured ports. */
    public static ServiceInstance first(ServiceName service) {
        return new ServiceInstance(service, 1);
    }

    /** Its log file, working directories and name in logs: {@code provider-account}, {@code provider-account-2}. */
    public String name() {
        return number == 1 ? service.instance() : service.instance() + "-" + number;
    }

    @Override
    public String toString() {
        return name();
    }
}
