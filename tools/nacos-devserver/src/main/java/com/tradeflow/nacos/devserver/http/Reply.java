package com.tradeflow.nacos.devserver.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an HTTP route answers: status, content type, body and extra headers. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final ObjectMapper JSON = new ObjectMapper();

    static Reply text(int status, String body) {
        return new Reply(status, "text/plain;charset=UTF-8", body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Reply html(String body) {
        return new Reply(200, "text/html;charset=UTF-8", body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Reply json(int status, Object value) {
        try {
            return new Reply(status, "application/json;charset=UTF-8", JSON.writeValueAsBytes(value), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass(), e);
        }
    }

    /** The v2 API envelope: {@code {"code":0,"message":"success","data":...}}. */
    static Reply v2(Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", 0);
        body.put("message", "success");
        body.put("data", data);
        return json(200, body);
    }

    static Reply v2Error(BadRequest error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", error.code);
        body.put("message", error.getMessage());
        body.put("data", null);
        return json(error.status, body);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new Reply(status, contentType, body, all);
    }
}
