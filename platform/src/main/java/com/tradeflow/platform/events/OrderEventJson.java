package com.tradeflow.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tradeflow.api.event.OrderEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The wire form of order events: JSON, ISO-8601 times. Unknown fields are ignored (producers may add some). */
public final class OrderEventJson {

    private final JsonMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public String write(OrderEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.eventId(), e);
        }
    }

    /** @throws MalformedEvent when the body is not an order event */
    public OrderEvent read(byte[] body) {
        try {
            return mapper.readValue(body, OrderEvent.class);
        } catch (IOException | RuntimeException e) {
            String text = new String(body, StandardCharsets.UTF_8);
            throw new MalformedEvent("not an order event: " + (text.length() > 200 ? text.substring(0, 200) + "..."
                    : text) + " (" + e.getMessage() + ")", e);
        }
    }

    /** A message that cannot be read as an order event: it is retried, then dead-lettered. */
    public static final class MalformedEvent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedEvent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
