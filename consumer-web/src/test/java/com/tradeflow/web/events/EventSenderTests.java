package com.tradeflow.web.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.tradeflow.platform.events.EventsProperties;
import com.tradeflow.platform.fault.FaultSwitches;
import com.tradeflow.platform.tracing.MessageTraces;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.impl.producer.DefaultMQProducerImpl;
import org.apache.rocketmq.client.impl.producer.TopicPublishInfo;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.exception.RemotingConnectException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the relay's events are cut into requests: one per queue, an aggregate's events together and in order, and what
 * a refused request leaves to be sent one by one. The producer is a fake that records each request.
 */
class EventSenderTests {

    private static final String TOPIC = "orders";
    private static final String NEW_TOPIC = "top-ups";
    private static final int QUEUES = 4;

    private final DefaultMQProducer producer = mock(DefaultMQProducer.class);
    private final ConcurrentHashMap<String, TopicPublishInfo> routes = new ConcurrentHashMap<>();
    /** Each request the fake broker was sent: its queue, and its messages' event ids in order. */
    private final List<Request> requests = new ArrayList<>();
    /** Event ids the fake broker refuses: a request that carries one is refused whole. */
    private final List<String> refusing = new ArrayList<>();

    private final FaultSwitches faults = new FaultSwitches();
    private EventSender sender;

    private record Request(MessageQueue queue, List<String> eventIds) {}

    @BeforeEach
    void fakeBroker() throws Exception {
        DefaultMQProducerImpl impl = mock(DefaultMQProducerImpl.class);
        when(producer.getDefaultMQProducerImpl()).thenReturn(impl);
        when(impl.getTopicPublishInfoTable()).thenReturn(routes);
        TopicPublishInfo route = new TopicPublishInfo();
        IntStream.range(0, QUEUES)
                .forEach(i -> route.getMessageQueueList().add(new MessageQueue(TOPIC, "broker-a", i)));
        routes.put(TOPIC, route);
        when(producer.send(anyCollection(), any(MessageQueue.class), anyLong())).thenAnswer(call -> {
            Collection<Message> messages = call.getArgument(0);
            List<String> ids =
                    messages.stream().map(m -> m.getKeys().split(" ")[0]).toList();
            if (ids.stream().anyMatch(refusing::contains)) {
                throw new MQBrokerException(1, "refused");
            }
            requests.add(new Request(call.getArgument(1), ids));
            SendResult stored = new SendResult();
            stored.setSendStatus(SendStatus.SEND_OK);
            return stored;
        });
        sender = new EventSender(
                new EventsProperties(
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null),
                faults,
                MessageTraces.off());
        sender.use(producer);
    }

    private static EventSender.Outgoing event(String id, long aggregate) {
        return event(id, aggregate, "{}");
    }

    private static EventSender.Outgoing event(String id, long aggregate, String payload) {
        return new EventSender.Outgoing(TOPIC, id, aggregate, "OrderPlaced", payload, null);
    }

    @Test
    void shouldSendOneRequestPerQueueWithEachAggregatesEventsInOrder() {
        // aggregates 1 and 5 share queue 1 of 4; aggregate 2 has queue 2
        List<EventSender.Outgoing> events =
                List.of(event("a1", 1), event("b1", 2), event("c1", 5), event("a2", 1), event("b2", 2));

        assertThat(sender.sendBatched(events)).isEmpty();

        assertThat(requests)
                .containsExactly(
                        new Request(new MessageQueue(TOPIC, "broker-a", 1), List.of("a1", "c1", "a2")),
                        new Request(new MessageQueue(TOPIC, "broker-a", 2), List.of("b1", "b2")));
    }

    @Test
    void shouldLeaveARefusedRequestAndTheLaterEventsOfItsQueueToBeSentOneByOne() {
        // three requests for queue 1 (each payload fills more than half of one), then one for queue 2
        String big = "x".repeat(200_000);
        List<EventSender.Outgoing> events =
                List.of(event("a1", 1, big), event("a2", 1, big), event("a3", 1, big), event("b1", 2));
        refusing.add("a1");

        List<EventSender.Outgoing> left = sender.sendBatched(events);

        // the first request of queue 1 was refused: its event and the queue's later ones (never sent) wait, in order
        assertThat(left).extracting(EventSender.Outgoing::eventId).containsExactly("a1", "a2", "a3");
        assertThat(requests).extracting(Request::eventIds).containsExactly(List.of("b1"));
    }

    @Test
    void shouldLeaveTheEventsOfATopicWithoutRouteYetToBeSentOneByOne() {
        EventSender.Outgoing topUp = new EventSender.Outgoing(NEW_TOPIC, "t1", 9, "TopUpCompleted", "{}", null);

        List<EventSender.Outgoing> left = sender.sendBatched(List.of(event("a1", 1), topUp));

        assertThat(left).containsExactly(topUp);
        assertThat(requests).extracting(Request::eventIds).containsExactly(List.of("a1"));
    }

    @Test
    void shouldLeaveEverythingWhileSendsAreRefusedByTheFaultSwitch() {
        faults.arm("events.send.refused");
        List<EventSender.Outgoing> events = List.of(event("a1", 1), event("b1", 2));

        assertThat(sender.sendBatched(events)).isEqualTo(events);
        assertThat(requests).isEmpty();
    }

    @Test
    void shouldFailThePassWhenTheBrokerCannotBeReached() throws Exception {
        when(producer.send(anyCollection(), any(MessageQueue.class), anyLong()))
                .thenThrow(new RemotingConnectException("127.0.0.1:10911"));

        assertThatThrownBy(() -> sender.sendBatched(List.of(event("a1", 1))))
                .isInstanceOfSatisfying(
                        EventSender.SendFailed.class,
                        e -> assertThat(e.unreachable()).isTrue());
    }
}
