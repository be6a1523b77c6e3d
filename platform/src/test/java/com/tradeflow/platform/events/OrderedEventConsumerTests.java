package com.tradeflow.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.platform.tracing.MessageTraces;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/** The delivery logic alone (no broker): batches, fallback one at a time, and each message's failure count. */
class OrderedEventConsumerTests {

    private static final int MAX_RECONSUME_TIMES = 3;

    private final List<String> appliedOneByOne = new ArrayList<>();
    private final List<List<String>> appliedTogether = new ArrayList<>();

    @Test
    void shouldApplyADeliveryOfSeveralMessagesTogether() {
        OrderedEventConsumer consumer = consumer(Set.of(), false);
        assertThat(consumer.consume(messages("a", "b", "c"))).isEqualTo(ConsumeOrderlyStatus.SUCCESS);
        assertThat(appliedTogether).containsExactly(List.of("a", "b", "c"));
        assertThat(appliedOneByOne).isEmpty();
    }

    @Test
    void shouldTakeThemOneAtATimeWhenTogetherFailsAndRetryFromTheFailingOne() {
        OrderedEventConsumer consumer = consumer(Set.of("b"), true);
        List<MessageExt> delivery = messages("a", "b", "c");
        assertThat(consumer.consume(delivery)).isEqualTo(ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT);
        assertThat(appliedOneByOne).containsExactly("a");
        clientCountsADelivery(delivery);
        // only b failed: a (applied, will be a no-op again) and c (never tried) keep their counts
        assertThat(delivery).extracting(MessageExt::getReconsumeTimes).containsExactly(0, 1, 0);
    }

    @Test
    void shouldCountOnlyAMessagesOwnFailuresOverRepeatedDeliveries() {
        OrderedEventConsumer consumer = consumer(Set.of("b"), true);
        List<MessageExt> delivery = messages("a", "b", "c");
        for (int i = 0; i < MAX_RECONSUME_TIMES; i++) {
            consumer.consume(delivery);
            clientCountsADelivery(delivery);
        }
        assertThat(delivery).extracting(MessageExt::getReconsumeTimes).containsExactly(0, MAX_RECONSUME_TIMES, 0);
        assertThat(appliedOneByOne).doesNotContain("c");
    }

    @Test
    void shouldApplyASingleMessageOneAtATime() {
        OrderedEventConsumer consumer = consumer(Set.of(), false);
        assertThat(consumer.consume(messages("a"))).isEqualTo(ConsumeOrderlyStatus.SUCCESS);
        assertThat(appliedOneByOne).containsExactly("a");
        assertThat(appliedTogether).isEmpty();
    }

    @Test
    void shouldRetryAMessageAtItsLastAttemptWhileTheDeadLetterTopicCannotTakeIt() {
        // not started: no client to dead-letter with, as when the broker is away
        OrderedEventConsumer consumer = consumer(Set.of("a"), false);
        List<MessageExt> delivery = messages("a");
        delivery.get(0).setReconsumeTimes(MAX_RECONSUME_TIMES);
        assertThat(consumer.consume(delivery)).isEqualTo(ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT);
    }

    private OrderedEventConsumer consumer(Set<String> failing, boolean batchFails) {
        Consumer<OrderedEventConsumer.Received> step = message -> {
            String id = new String(message.body(), StandardCharsets.UTF_8);
            if (failing.contains(id)) {
                throw new IllegalStateException("cannot apply " + id);
            }
            appliedOneByOne.add(id);
        };
        Consumer<List<OrderedEventConsumer.Received>> batch = messages -> {
            if (batchFails) {
                throw new IllegalStateException("one of them cannot be applied");
            }
            appliedTogether.add(messages.stream()
                    .map(m -> new String(m.body(), StandardCharsets.UTF_8))
                    .toList());
        };
        EventsProperties properties = new EventsProperties(
                null, MAX_RECONSUME_TIMES, null, null, null, null, null, null, null, null, null, null, null, null);
        return new OrderedEventConsumer(
                "group", "topic", properties, MAX_RECONSUME_TIMES, step, batch, MessageTraces.off());
    }

    /**
     * No name server answers (a port nobody listens on): the service's start must not fail on it; the group keeps
     * trying in the background until stopped.
     */
    @Test
    void shouldStartWithoutTheSubscriptionWhileNoNameServerAnswersAndStopCleanly() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        EventsProperties properties = new EventsProperties(
                "127.0.0.1:" + closedPort,
                MAX_RECONSUME_TIMES,
                null,
                1,
                null,
                null,
                null,
                null,
                "unit-" + closedPort,
                null,
                null,
                null,
                null,
                Duration.ofMillis(200));
        OrderedEventConsumer consumer = new OrderedEventConsumer(
                "group-" + closedPort, "topic", properties, MAX_RECONSUME_TIMES, body -> {}, null, MessageTraces.off());

        consumer.start();
        try {
            assertThat(consumer.isRunning()).as("started: Spring will stop it").isTrue();
            // a few retry periods later it still waits, without having thrown anywhere
            Thread.sleep(600);
            assertThat(consumer.subscribed()).isFalse();
        } finally {
            consumer.stop();
        }
        assertThat(consumer.isRunning()).isFalse();
    }

    private static List<MessageExt> messages(String... ids) {
        List<MessageExt> messages = new ArrayList<>();
        for (String id : ids) {
            MessageExt message = new MessageExt();
            message.setBody(id.getBytes(StandardCharsets.UTF_8));
            message.setMsgId(id);
            messages.add(message);
        }
        return messages;
    }

    /** What RocketMQ's ordered consumption does to a delivery answered "suspend" (retrying forever, as configured). */
    private static void clientCountsADelivery(List<MessageExt> delivery) {
        delivery.forEach(m -> m.setReconsumeTimes(m.getReconsumeTimes() + 1));
    }
}
