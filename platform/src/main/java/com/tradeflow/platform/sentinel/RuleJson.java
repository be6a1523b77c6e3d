package com.tradeflow.platform.sentinel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules as JSON arrays, in the Sentinel dashboard's format: the fields of Sentinel's rule classes; the dashboard's
 * own extra fields (id, app, ip, port, gmtCreate ...) are ignored, and a hot-parameter entry the dashboard wraps as
 * {@code {"rule":{...}}} is unwrapped. Blank or missing content means no rules.
 */
final class RuleJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // rule classes expose computed collections through getters only: never fill those while reading
            .disable(MapperFeature.USE_GETTERS_AS_SETTERS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private RuleJson() {}

    /** @throws IllegalArgumentException content that is not a JSON array of such rules (the old rules stay) */
    static <T> List<T> parse(String content, Class<T> type) {
        if (content == null || content.isBlank()) {
            return List.of();
        }
        try {
            JsonNode root = MAPPER.readTree(content);
            if (!(root instanceof ArrayNode array)) {
                throw new IllegalArgumentException("rules must be a JSON array, got: " + abbreviate(content));
            }
            List<T> rules = new ArrayList<>();
            for (JsonNode entry : array) {
                JsonNode rule = entry.has("rule") && entry.get("rule").isObject() ? entry.get("rule") : entry;
                rules.add(MAPPER.treeToValue(rule, type));
            }
            return rules;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "not a JSON array of " + type.getSimpleName() + ": " + abbreviate(content) + " ("
                            + e.getOriginalMessage() + ")",
                    e);
        }
    }

    static String write(Object rules) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write rules", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
