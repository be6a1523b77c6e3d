package com.tradeflow.nacos.devserver.config;

import com.alibaba.nacos.common.utils.MD5Utils;
import java.nio.charset.StandardCharsets;

/** The stored content of a config and what clients compare: its MD5 (hex of the UTF-8 bytes, like Nacos). */
public record ConfigItem(String content, String md5, String type, long lastModified) {

    public static ConfigItem of(String content, String type) {
        return new ConfigItem(
                content, md5Of(content), type == null || type.isBlank() ? "text" : type, System.currentTimeMillis());
    }

    public static String md5Of(String content) {
        return MD5Utils.md5Hex(content, StandardCharsets.UTF_8.name());
    }
}
