package com.tradeflow.e2e;

import com.tradeflow.devstack.DevStack;
import com.tradeflow.devstack.service.ServiceName;
import com.tradeflow.devstack.service.ServiceProcess;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * A fault the chaos run injects into the test stack for a while and then heals: a process killed, stopped or frozen,
 * a server stopped, the payment gateway misbehaving, the services' database connections cut.
 *
 * @param name   what it does, for the report's timeline
 * @param target the part it hits: two faults at once hit different parts ({@link #canJoin})
 * @param heal   puts the stack back as it was (the process started again, unfrozen ...)
 */
record ChaosFault(String name, String target, Consumer<DevStack> inject, Consumer<DevStack> heal) {

    /**
     * The gateway's misbehaviour while a gateway fault lasts: errors, answers after our timeout (the payment made all
     * the same), lost, repeated and stale notifications, some payments failing.
     */
    private static final String GATEWAY_FAULTS = "{\"errorRate\":0.2,\"timeoutRate\":0.2,\"timeoutDelayMillis\":1500,"
            + "\"lostNotificationRate\":0.3,\"duplicateNotificationRate\":0.3,\"outOfOrderRate\":0.3,"
            + "\"failedRate\":0.1}";

    /** SIGKILL to a service instance: no deregistration, its calls in flight die with it. */
    static ChaosFault kill(ServiceName service) {
        return new ChaosFault(
                "SIGKILL " + service.instance(),
                service.instance(),
                stack -> stack.kill(service),
                stack -> stack.restart(service));
    }

    /** SIGTERM to a service instance, as an orchestrator stops it: it leaves Nacos, finishes its calls, stops. */
    static ChaosFault stop(ServiceName service) {
        return new ChaosFault(
                "SIGTERM " + service.instance(),
                service.instance(),
                stack -> stack.stop(service),
                stack -> stack.restart(service));
    }

    /** SIGSTOP to a service instance: it keeps its connections and locks and answers nothing until SIGCONT. */
    static ChaosFault freeze(ServiceName service) {
        return new ChaosFault(
                "SIGSTOP " + service.instance(),
                service.instance(),
                stack -> signal(stack.service(service), "-STOP"),
                stack -> signal(stack.service(service), "-CONT"));
    }

    /** SIGKILL to one node of the TC cluster (its sessions stay in the db store for the other). */
    static ChaosFault killCoordinatorNode(int node) {
        return new ChaosFault(
                "SIGKILL Seata TC node " + node,
                "seata-tc-" + node,
                stack -> stack.coordinators().kill(node),
                stack -> stack.coordinators().restart(node));
    }

    /** The RocketMQ broker and name server stopped: outbox rows wait, transactional messages are checked back. */
    static ChaosFault broker() {
        return new ChaosFault("RocketMQ stopped", "rocketmq", DevStack::stopBroker, DevStack::restartBroker);
    }

    /** Redis stopped (and back empty): the product cache and its fence are gone for the while. */
    static ChaosFault redis() {
        return new ChaosFault("Redis stopped", "redis", DevStack::stopRedis, DevStack::restartRedis);
    }

    /** The payment gateway misbehaves in every way it can ({@link #GATEWAY_FAULTS}), then behaves again. */
    static ChaosFault gateway() {
        return new ChaosFault(
                "payment gateway faults",
                "gateway",
                stack -> new Gateway(stack).faults(GATEWAY_FAULTS),
                stack -> new Gateway(stack).faults(Gateway.NO_FAULTS));
    }

    /** Every connection the services hold to one database killed at once ({@code KILL}); the pools reconnect. */
    static ChaosFault killConnections(Databases db, String database) {
        return new ChaosFault(
                "KILL connections to " + database, database, stack -> db.killConnectionsTo(database), stack -> {});
    }

    /**
     * Whether two faults may last at the same time: they hit different parts, and not both web instances (the
     * clients would have no API left to talk to).
     */
    static boolean canJoin(ChaosFault one, ChaosFault other) {
        return !one.target.equals(other.target) && !(isWeb(one) && isWeb(other));
    }

    private static boolean isWeb(ChaosFault fault) {
        return fault.target.equals(ServiceName.WEB.instance())
                || fault.target.equals(ServiceName.WEB_TRANSACTIONAL.instance());
    }

    /** The faults the long run picks from: every kind, on every kind of part. */
    static List<ChaosFault> catalogue(Databases db) {
        return List.of(
                kill(ServiceName.ACCOUNT),
                kill(ServiceName.INVENTORY),
                kill(ServiceName.WEB),
                stop(ServiceName.ACCOUNT),
                stop(ServiceName.WEB_TRANSACTIONAL),
                freeze(ServiceName.INVENTORY),
                freeze(ServiceName.WEB),
                killCoordinatorNode(1),
                broker(),
                redis(),
                gateway(),
                killConnections(db, "tradeflow_account_0"),
                killConnections(db, "tradeflow_order_1"));
    }

    private static void signal(ServiceProcess process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid()))
                    .inheritIO()
                    .start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal " + process.instance(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + process.instance(), e);
        }
    }
}
