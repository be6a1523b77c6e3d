package com.tradeflow.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Carries a trace across the broker and across the tables where events wait (outbox, inbox), in W3C trace context
 * (the {@code traceparent} that HTTP and Dubbo carry too):
 * <ul>
 * <li>a row written now stores the {@link #current} span's traceparent;</li>
 * <li>its send is a PRODUCER span, the child of that stored context ({@link #sending}); the send's context goes on
 * the message as user properties;</li>
 * <li>a subscriber's delivery is a CONSUMER span, the child of the message's context ({@link #receiving}); a row it
 * stores for later continues the same way ({@link #continuing}).</li>
 * </ul>
 * So one trace runs from the HTTP request through the relay to every subscriber, however long the event waited in
 * between. With tracing off (no tracer) every span is a no-op and rows store null.
 */
public final class MessageTraces {

    /** The W3C header (here a row's column, a message's property) that names the parent span. */
    public static final String TRACEPARENT = "traceparent";

    private static final String SYSTEM = "rocketmq";
    private static final int TRACE_ID_LENGTH = 32;

    private final Tracer tracer;
    private final Propagator propagator;

    public MessageTraces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Tracing off: nothing is traced, nothing stored. */
    public static MessageTraces off() {
        return new MessageTraces(Tracer.NOOP, Propagator.NOOP);
    }

    /** @return the current span's traceparent, to store with a row written now; null without a current span */
    public String current() {
        Span span = tracer.currentSpan();
        return span == null ? null : traceParent(span);
    }

    /** @return the span's traceparent; null when it is a no-op span */
    public String traceParent(Span span) {
        Map<String, String> carrier = new HashMap<>(4);
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * A started PRODUCER span for a send to {@code topic}: the child of {@code storedParent} (a row's traceparent),
     * or of the current span when the row has none. Its context is handed to {@code messageProperty} (key, value)
     * for the message. The caller ends it once the broker answered.
     */
    public Span sending(String topic, String storedParent, BiConsumer<String, String> messageProperty) {
        Span span = childOf(storedParent)
                .kind(Span.Kind.PRODUCER)
                .name("send " + topic)
                .tag("messaging.system", SYSTEM)
                .tag("messaging.destination.name", topic)
                .remoteServiceName(SYSTEM)
                .start();
        propagator.inject(span.context(), messageProperty, BiConsumer::accept);
        return span;
    }

    /**
     * A started CONSUMER span for a message of {@code topic} delivered to {@code group}, the child of the context
     * the message carries ({@code messageProperty}: key to value, null when absent); a new trace without one.
     */
    public Span receiving(String topic, String group, UnaryOperator<String> messageProperty) {
        return propagator
                .extract(messageProperty, UnaryOperator::apply)
                .kind(Span.Kind.CONSUMER)
                .name("receive " + topic)
                .tag("messaging.system", SYSTEM)
                .tag("messaging.destination.name", topic)
                .tag("messaging.consumer.group.name", group)
                .remoteServiceName(SYSTEM)
                .start();
    }

    /** A started span named {@code name}, the child of a row's stored traceparent (a new trace without one). */
    public Span continuing(String name, String storedParent) {
        return childOf(storedParent).name(name).start();
    }

    /** @return the trace id a W3C traceparent names ({@code 00-<trace id>-<span id>-<flags>}); empty when malformed */
    public static Optional<String> traceIdOf(String traceParent) {
        if (traceParent == null) {
            return Optional.empty();
        }
        String[] parts = traceParent.split("-");
        return parts.length == 4 && parts[1].length() == TRACE_ID_LENGTH ? Optional.of(parts[1]) : Optional.empty();
    }

    /** Makes the span current (log lines name it; spans started meanwhile are its children) until closed. */
    public Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }

    private Span.Builder childOf(String storedParent) {
        if (storedParent == null) {
            return tracer.spanBuilder();
        }
        return propagator.extract(storedParent, (parent, key) -> TRACEPARENT.equals(key) ? parent : null);
    }
}
