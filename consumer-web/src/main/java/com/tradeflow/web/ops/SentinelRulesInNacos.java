package com.tradeflow.web.ops;

import com.alibaba.nacos.api.PropertyKeyConst;
import com.alibaba.nacos.api.config.ConfigFactory;
import com.alibaba.nacos.api.config.ConfigService;
import com.alibaba.nacos.api.exception.NacosException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradeflow.platform.sentinel.SentinelProperties;
import com.tradeflow.platform.sentinel.SentinelRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Sentinel rules each service follows, read where the services read them: Nacos ({@link SentinelProperties},
 * the same settings as this service's own rules), one config per application and kind
 * ({@link SentinelRules#dataIds}). Read at each view; editing stays with the Sentinel dashboard (or the configs).
 */
@Component
class SentinelRulesInNacos implements DisposableBean {

    private final String nacosAddr;
    private final String group;
    private final List<String> applications;
    private final Duration timeout;
    private final ObjectMapper json;
    private ConfigService configs;

    SentinelRulesInNacos(
            SentinelProperties sentinel,
            @Value("${tradeflow.ops.sentinel-applications}") List<String> applications,
            @Value("${tradeflow.ops.registry-timeout}") Duration timeout,
            ObjectMapper json) {
        this.nacosAddr = sentinel.nacosAddr();
        this.group = sentinel.group();
        this.applications = applications;
        this.timeout = timeout;
        this.json = json;
    }

    /** One config: its rules as stored (pretty-printed when JSON), how many, or why it could not be read. */
    record RuleConfig(String application, String dataId, int rules, String content, String error) {}

    String group() {
        return group;
    }

    List<RuleConfig> all() {
        List<RuleConfig> found = new ArrayList<>();
        for (String application : applications) {
            for (String dataId : SentinelRules.dataIds(application)) {
                found.add(read(application, dataId));
            }
        }
        return found;
    }

    private RuleConfig read(String application, String dataId) {
        String content;
        try {
            content = configs().getConfig(dataId, group, timeout.toMillis());
        } catch (NacosException e) {
            return new RuleConfig(application, dataId, 0, null, "Nacos did not answer: " + e.getErrMsg());
        }
        if (content == null || content.isBlank()) {
            return new RuleConfig(application, dataId, 0, "", null);
        }
        try {
            JsonNode rules = json.readTree(content);
            return new RuleConfig(
                    application,
                    dataId,
                    rules.isArray() ? rules.size() : 1,
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(rules),
                    null);
        } catch (JsonProcessingException e) {
            // the services refuse it too (and keep their last rules): show it as it is
            return new RuleConfig(application, dataId, 0, content, "not JSON: " + e.getOriginalMessage());
        }
    }

    private synchronized ConfigService configs() throws NacosException {
        if (configs == null) {
            Properties properties = new Properties();
            properties.setProperty(PropertyKeyConst.SERVER_ADDR, nacosAddr);
            configs = ConfigFactory.createConfigService(properties);
        }
        return configs;
    }

    @Override
    public synchronized void destroy() throws NacosException {
        if (configs != null) {
            configs.shutDown();
        }
    }
}
