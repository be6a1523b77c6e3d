package com.tradeflow.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One trace through a stored row, a message and a subscriber's row, on OpenTelemetry's own SDK. */
class MessageTracesTests {

    private final List<SpanData> finished = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new Collecting()))
            .build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    private final Tracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {});
    private final MessageTraces traces = new MessageTraces(
            tracer, new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void shouldCarryTheWritersTraceThroughTheRowTheMessageAndTheSubscribersRow() {
        Span request = tracer.nextSpan().name("POST /api/orders").start();
        String stored;
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            stored = traces.current();
        } finally {
            request.end();
        }
        assertThat(stored)
                .isEqualTo("00-" + request.context().traceId() + "-"
                        + request.context().spanId() + "-01");

        // later, in the relay's thread: no current span, the row's context is the parent
        Map<String, String> message = new HashMap<>();
        Span send = traces.sending("order-events", stored, message::put);
        send.end();
        assertThat(message).containsEntry(MessageTraces.TRACEPARENT, traces.traceParent(send));

        Span receive = traces.receiving("order-events", "points", message::get);
        String inboxRow = traces.traceParent(receive);
        receive.end();
        traces.continuing("apply points", inboxRow).end();

        assertThat(finished)
                .extracting(span -> span.getTraceId())
                .containsOnly(request.context().traceId());
        SpanData sent = span("send order-events");
        SpanData received = span("receive order-events");
        SpanData applied = span("apply points");
        assertThat(sent.getParentSpanId()).isEqualTo(request.context().spanId());
        assertThat(sent.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(received.getParentSpanId()).isEqualTo(sent.getSpanId());
        assertThat(received.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(received.getAttributes().asMap().values()).contains("points", "order-events", "rocketmq");
        assertThat(applied.getParentSpanId()).isEqualTo(received.getSpanId());
    }

    @Test
    void shouldStartANewTraceForAMessageWithoutOneAndSendUnderTheCurrentSpanWithoutAStoredOne() {
        Span receive = traces.receiving("wallet-events", "top-up", key -> null);
        receive.end();
        assertThat(span("receive wallet-events").getParentSpanContext().isValid())
                .isFalse();

        Span replay =
                tracer.nextSpan().name("POST /api/admin/dead-letters/replay").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(replay)) {
            traces.sending("order-events", null, (key, value) -> {}).end();
        } finally {
            replay.end();
        }
        assertThat(span("send order-events").getParentSpanId())
                .isEqualTo(replay.context().spanId());
    }

    @Test
    void shouldReadTheTraceIdOfATraceParent() {
        assertThat(MessageTraces.traceIdOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .contains("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(MessageTraces.traceIdOf("00-4bf92f-00f067aa0ba902b7-01")).isEmpty();
        assertThat(MessageTraces.traceIdOf(null)).isEmpty();
    }

    @Test
    void shouldStoreAndCarryNothingWhenTracingIsOff() {
        MessageTraces off = MessageTraces.off();
        Map<String, String> message = new HashMap<>();
        off.sending("order-events", null, message::put).end();
        assertThat(off.current()).isNull();
        assertThat(message).isEmpty();
        assertThat(off.traceParent(off.receiving("order-events", "points", message::get)))
                .isNull();
    }

    private SpanData span(String name) {
        return finished.stream()
                .filter(span -> span.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private final class Collecting implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            finished.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
