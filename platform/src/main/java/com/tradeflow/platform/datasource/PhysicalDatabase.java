package com.tradeflow.platform.datasource;

/**
 * One real database (schema) a service writes to, as configured under {@code tradeflow.databases.<name>}.
 *
 * @param migrations             Flyway locations holding its schema, e.g. {@code classpath:db/inventory}
 * @param lockWaitTimeoutSeconds how long a statement waits for a row lock before failing (XA holds row locks
 *                               until phase two; the database default of 50 s would outlast every caller)
 */
public record PhysicalDatabase(
        String name,
        String url,
        String username,
        String password,
        int poolSize,
        String migrations,
        int lockWaitTimeoutSeconds) {}
