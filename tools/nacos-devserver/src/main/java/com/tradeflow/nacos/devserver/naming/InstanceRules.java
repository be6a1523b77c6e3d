package com.tradeflow.nacos.devserver.naming;

import com.alibaba.nacos.api.exception.NacosException;
import com.alibaba.nacos.api.naming.pojo.Instance;

/** What an instance must look like to be registered, whichever API it comes through. */
public final class InstanceRules {

    private static final double MAX_WEIGHT = 10000;

    private InstanceRules() {}

    public static Instance check(Instance instance) throws NacosException {
        if (instance == null) {
            throw new NacosException(NacosException.INVALID_PARAM, "instance is required");
        }
        if (instance.getIp() == null || instance.getIp().isBlank()) {
            throw new NacosException(NacosException.INVALID_PARAM, "instance ip is required");
        }
        if (instance.getPort() < 0 || instance.getPort() > 65535) {
            throw new NacosException(NacosException.INVALID_PARAM, "instance port out of range: " + instance.getPort());
        }
        if (instance.getWeight() < 0 || instance.getWeight() > MAX_WEIGHT) {
            throw new NacosException(
                    NacosException.INVALID_PARAM, "instance weight out of range: " + instance.getWeight());
        }
        return instance;
    }
}
