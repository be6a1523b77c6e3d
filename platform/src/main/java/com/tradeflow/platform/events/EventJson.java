package com.tradeflow.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tradeflow.api.event.IntegrationEvent;
import com.tradeflow.api.event.OrderEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The wire form of integration events (order and wallet events): JSON, ISO-8601 times. Unknown fields are ignored
 * (producers may add some).
 */
public final class EventJson {

    private static final int QUOTE_LIMIT = 200;

    private final JsonMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public String write(IntegrationEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.eventId(), e);
        }
    }

    /** @throws MalformedEvent when the body is not an order event */
    public OrderEvent read(byte[] body) {
        return read(body, OrderEvent.class);
    }

    /** @throws MalformedEvent when the body is not an event of that type */
    public <E extends IntegrationEvent> E read(byte[] body, Class<E> type) {
        try {
            return mapper.readValue(body, type);
        } catch (IOException | RuntimeException e) {
            String text = new String(body, StandardCharsets.UTF_8);
            throw new MalformedEvent(
                    "not a " + type.getSimpleName() + ": "
                            + (text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "..." : text) + " ("
                            + e.getMessage() + ")",
                    e);
        }
    }

    /** A message that cannot be read as the expected event: it is retried, then dead-lettered. */
    public static final class MalformedEvent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedEvent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
