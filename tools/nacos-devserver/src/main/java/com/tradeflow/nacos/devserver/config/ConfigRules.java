package com.tradeflow.nacos.devserver.config;

import com.alibaba.nacos.api.exception.NacosException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** What a config must look like to be stored: the same character rules and size limit as a real server. */
public final class ConfigRules {

    /** The largest content accepted, in bytes of UTF-8 (Nacos' default limit). */
    public static final int MAX_CONTENT_BYTES = 10 * 1024 * 1024;

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_\\-.:]{1,255}");
    private static final Pattern TENANT = Pattern.compile("[\\w-]{0,128}");

    private ConfigRules() {}

    public static ConfigKey key(String tenant, String group, String dataId) throws NacosException {
        if (dataId == null || !NAME.matcher(dataId).matches()) {
            throw new NacosException(
                    NacosException.INVALID_PARAM,
                    "invalid dataId: '" + dataId + "' (letters, digits and _-.: only, at most 255)");
        }
        if (group == null || !NAME.matcher(group).matches()) {
            throw new NacosException(
                    NacosException.INVALID_PARAM,
                    "invalid group: '" + group + "' (letters, digits and _-.: only, at most 255)");
        }
        String normalised = ConfigKey.normaliseTenant(tenant);
        if (!TENANT.matcher(normalised).matches()) {
            throw new NacosException(NacosException.INVALID_PARAM, "invalid tenant: '" + tenant + "'");
        }
        return new ConfigKey(normalised, group, dataId);
    }

    public static void checkContent(String content) throws NacosException {
        if (content == null || content.isBlank()) {
            throw new NacosException(NacosException.INVALID_PARAM, "content is required");
        }
        // cheap bound first: a UTF-8 char is at most 3 bytes for a Java char
        if (content.length() > MAX_CONTENT_BYTES / 3
                && content.getBytes(StandardCharsets.UTF_8).length > MAX_CONTENT_BYTES) {
            throw new NacosException(
                    NacosException.INVALID_PARAM, "content too large: over " + MAX_CONTENT_BYTES + " bytes");
        }
    }
}
