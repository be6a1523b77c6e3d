package com.tradeflow.platform.datasource;

/**
 * One real database (schema) a service writes to, as configured under {@code tradeflow.databases.<name>}.
 *
 * @param migrations Flyway locations holding its schema, e.g. {@code classpath:db/inventory}
 */
public record PhysicalDatabase(String name, String url, String username, String password, int poolSize,
                               String migrations) {
}
