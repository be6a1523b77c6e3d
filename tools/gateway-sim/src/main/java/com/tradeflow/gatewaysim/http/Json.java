package com.tradeflow.gatewaysim.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** The one Jackson mapper of the simulator (thread-safe once configured), and the parsing the APIs share. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getName(), e);
        }
    }

    /** The body as a JSON object; anything else (empty, malformed, an array ...) is a 400 {@code INVALID_JSON}. */
    public static JsonNode readObject(byte[] body) throws ApiException {
        JsonNode node;
        try {
            node = body.length == 0 ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("INVALID_JSON", "request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("INVALID_JSON", "request body must be a JSON object");
        }
        return node;
    }
}
