package com.tradeflow.e2e;

import com.tradeflow.devstack.DevStack;
import com.tradeflow.devstack.service.ServiceName;
import com.tradeflow.devstack.service.ServiceProcess;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * A fault the chaos run injects into the test stack for a while and then heals: a process killed, stopped or frozen,
 * a server stopped, the services' database connections cut.
 *
 * @param name   what it does, for the report's timeline
 * @param heal   puts the stack back as it was (the process started again, unfrozen ...)
 */
record ChaosFault(String name, Consumer<DevStack> inject, Consumer<DevStack> heal) {

    /** SIGKILL to a provider: no deregistration, its calls in flight die with it. */
    static ChaosFault kill(ServiceName provider) {
        return new ChaosFault(
                "SIGKILL " + provider.instance(), stack -> stack.kill(provider), stack -> stack.restart(provider));
    }

    /** SIGTERM to a provider, as an orchestrator stops it: it leaves Nacos, finishes its calls, stops. */
    static ChaosFault stop(ServiceName provider) {
        return new ChaosFault(
                "SIGTERM " + provider.instance(), stack -> stack.stop(provider), stack -> stack.restart(provider));
    }

    /** SIGSTOP to a provider: it keeps its connections and locks and answers nothing until SIGCONT. */
    static ChaosFault freeze(ServiceName provider) {
        return new ChaosFault(
                "SIGSTOP " + provider.instance(),
                stack -> signal(stack.service(provider), "-STOP"),
                stack -> signal(stack.service(provider), "-CONT"));
    }

    /** SIGKILL to one node of the TC cluster (its sessions stay in the db store for the other). */
    static ChaosFault killCoordinatorNode(int node) {
        return new ChaosFault(
                "SIGKILL Seata TC node " + node,
                stack -> stack.coordinators().kill(node),
                stack -> stack.coordinators().restart(node));
    }

    /** The RocketMQ broker and name server stopped: outbox rows wait, transactional messages are checked back. */
    static ChaosFault broker() {
        return new ChaosFault("RocketMQ stopped", DevStack::stopBroker, DevStack::restartBroker);
    }

    /** Redis stopped (and back empty): the product cache and its fence are gone for the while. */
    static ChaosFault redis() {
        return new ChaosFault("Redis stopped", DevStack::stopRedis, DevStack::restartRedis);
    }

    /** Every connection the services hold to one database killed at once ({@code KILL}); the pools reconnect. */
    static ChaosFault killConnections(Databases db, String database) {
        return new ChaosFault("KILL connections to " + database, stack -> db.killConnectionsTo(database), stack -> {});
    }

    /** The faults the long run picks from. */
    static List<ChaosFault> catalogue(Databases db) {
        return List.of(
                kill(ServiceName.ACCOUNT),
                kill(ServiceName.INVENTORY),
                stop(ServiceName.ACCOUNT),
                freeze(ServiceName.INVENTORY),
                killCoordinatorNode(1),
                broker(),
                redis(),
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
