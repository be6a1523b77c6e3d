package com.tradeflow.nacos.devserver.config;

/**
 * A config item: namespace (tenant), group and dataId. The public namespace is the empty tenant, whether a client
 * sends {@code ""}, nothing or {@code "public"}.
 */
public record ConfigKey(String tenant, String group, String dataId) {

    public static ConfigKey of(String tenant, String group, String dataId) {
        return new ConfigKey(normaliseTenant(tenant), group, dataId);
    }

    public static String normaliseTenant(String tenant) {
        return tenant == null || tenant.isBlank() || "public".equals(tenant) ? "" : tenant.trim();
    }

    /** Namespace id as the console shows it. */
    public String namespace() {
        return tenant.isEmpty() ? "public" : tenant;
    }
}
