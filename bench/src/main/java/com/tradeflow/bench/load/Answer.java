package com.tradeflow.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * What the server answered: its status and body, or, with status {@value #NO_ANSWER}, why there was no answer
 * (connection refused, timeout).
 */
public record Answer(int status, String body, String failure) {

    /** The status of a request that got no HTTP answer at all. */
    public static final int NO_ANSWER = 0;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FIRST_SUCCESS = 200;
    private static final int FIRST_NON_SUCCESS = 300;

    public static Answer of(int status, String body) {
        return new Answer(status, body, null);
    }

    public static Answer failed(Throwable cause) {
        return new Answer(NO_ANSWER, null, cause.getClass().getSimpleName());
    }

    public boolean successful() {
        return status >= FIRST_SUCCESS && status < FIRST_NON_SUCCESS;
    }

    /**
     * How answers are counted: the status ({@code 201}), with the API's error code for a refusal
     * ({@code 409 CONCURRENT_UPDATE}), or {@code no answer (HttpTimeoutException)}.
     */
    public String label() {
        if (status == NO_ANSWER) {
            return "no answer (" + failure + ")";
        }
        if (successful()) {
            return String.valueOf(status);
        }
        return field("code").map(code -> status + " " + code).orElse(String.valueOf(status));
    }

    /** A top-level text or number field of a JSON body, e.g. {@code orderId}. */
    public Optional<String> field(String name) {
        if (body == null || body.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode value = JSON.readTree(body).get(name);
            return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
