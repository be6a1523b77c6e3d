package com.tradeflow.platform.sentinel;

import com.alibaba.csp.sentinel.datasource.WritableDataSource;
import com.alibaba.nacos.api.config.ConfigService;
import com.alibaba.nacos.api.config.ConfigType;
import com.alibaba.nacos.api.exception.NacosException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes rules that reached this service through Sentinel's command API (the dashboard's "save") to their Nacos
 * config. Nacos then hands them to every instance, this one included, and keeps them over restarts: the rules in
 * Nacos stay the only truth, and the dashboard and Nacos never disagree for longer than a config push.
 */
final class NacosRuleWriter<T> implements WritableDataSource<T> {

    private static final Logger log = LoggerFactory.getLogger(NacosRuleWriter.class);

    private final ConfigService config;
    private final String group;
    private final String dataId;

    NacosRuleWriter(ConfigService config, String group, String dataId) {
        this.config = config;
        this.group = group;
        this.dataId = dataId;
    }

    /** @throws NacosException Nacos refused or could not be reached: the command answers failure to the dashboard */
    @Override
    public void write(T rules) throws NacosException {
        if (!config.publishConfig(dataId, group, RuleJson.write(rules), ConfigType.JSON.getType())) {
            throw new NacosException(NacosException.SERVER_ERROR, "Nacos refused " + group + "/" + dataId);
        }
        log.info("Sentinel rules set through the command API written to Nacos {}/{}", group, dataId);
    }

    @Override
    public void close() {
        // the config service is shared and closed by its owner
    }
}
