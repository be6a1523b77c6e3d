package com.tradeflow.platform.sentinel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tradeflow.sentinel.*}: where a service's Sentinel rules live and how the Sentinel dashboard reaches it.
 *
 * @param nacosAddr     the Nacos config center holding the rules, {@code host:port}
 * @param group         the rules' Nacos group ({@code SENTINEL_GROUP}); their data ids are
 *                      {@code <application>-<kind>-rules}
 * @param dashboard     the Sentinel dashboard, {@code host:port}; blank: no heartbeats (the transport port still
 *                      answers, e.g. the dashboard's rule commands)
 * @param transportPort the port of Sentinel's command API (the dashboard pushes rules and reads metrics there)
 * @param clientIp      the address this service announces to the dashboard
 */
@ConfigurationProperties("tradeflow.sentinel")
public record SentinelProperties(String nacosAddr, String group, String dashboard, int transportPort, String clientIp) {

    public SentinelProperties {
        group = group == null || group.isBlank() ? "SENTINEL_GROUP" : group;
        dashboard = dashboard == null ? "" : dashboard.strip();
        clientIp = clientIp == null || clientIp.isBlank() ? "127.0.0.1" : clientIp;
        if (nacosAddr == null || nacosAddr.isBlank() || transportPort < 1 || transportPort > 65535) {
            throw new IllegalArgumentException(
                    "tradeflow.sentinel: nacos-addr and a transport-port in 1..65535 are " + "required");
        }
    }
}
