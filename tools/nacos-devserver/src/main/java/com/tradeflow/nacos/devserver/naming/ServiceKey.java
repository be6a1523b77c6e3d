package com.tradeflow.nacos.devserver.naming;

import com.alibaba.nacos.api.common.Constants;

/** A naming service: namespace, group and name, as a real server keys it. */
public record ServiceKey(String namespace, String group, String name) {

    public static final String DEFAULT_NAMESPACE = "public";

    /**
     * Normalises what clients send: blank namespace is {@code public}, blank group is {@code DEFAULT_GROUP}, and a
     * name already carrying {@code group@@} (the 1.x HTTP API sends it so) is split.
     */
    public static ServiceKey of(String namespace, String group, String name) {
        String ns = namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
        String g = group == null || group.isBlank() ? Constants.DEFAULT_GROUP : group;
        String n = name == null ? "" : name;
        int split = n.indexOf(Constants.SERVICE_INFO_SPLITER);
        if (split > 0) {
            g = n.substring(0, split);
            n = n.substring(split + Constants.SERVICE_INFO_SPLITER.length());
        }
        return new ServiceKey(ns, g, n);
    }

    public String groupedName() {
        return group + Constants.SERVICE_INFO_SPLITER + name;
    }
}
