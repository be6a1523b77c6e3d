package com.tradeflow.rocketmq.server;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.remoting.protocol.body.HARuntimeInfo;
import org.apache.rocketmq.store.CommitLog;
import org.apache.rocketmq.store.DefaultMessageStore;
import org.apache.rocketmq.store.PutMessageStatus;
import org.apache.rocketmq.store.ha.HAClient;
import org.apache.rocketmq.store.ha.HAConnection;
import org.apache.rocketmq.store.ha.HAConnectionStateNotificationRequest;
import org.apache.rocketmq.store.ha.HAService;
import org.apache.rocketmq.store.ha.WaitNotifyObject;

/**
 * The replication of a broker that has no replicas: it opens no port. RocketMQ's own HA service listens for slaves
 * on all interfaces (it takes no bind address) and streams the commit log, every message with its body, to anyone
 * who connects and says "slave". The embedded broker is a lone asynchronous master, so it needs none of it; the
 * broker's message store loads this class instead, through RocketMQ's service file
 * {@code META-INF/service/org.apache.rocketmq.store.ha.HAService}.
 */
public final class NoReplicasHaService implements HAService {

    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong replicatedOffset = new AtomicLong();
    private final WaitNotifyObject waitNotify = new WaitNotifyObject();

    @Override
    public void init(DefaultMessageStore store) {
        // nothing to set up: no replica will ever connect
    }

    @Override
    public void start() {
        // no listener, no client: a lone master
    }

    @Override
    public void shutdown() {
        // nothing was started
    }

    @Override
    public void updateMasterAddress(String newAddr) {
        // this broker is never a slave
    }

    @Override
    public void updateHaMasterAddress(String newAddr) {
        // this broker is never a slave
    }

    /** The master alone is in sync. */
    @Override
    public int inSyncReplicasNums(long masterPutWhere) {
        return 1;
    }

    @Override
    public AtomicInteger getConnectionCount() {
        return connections;
    }

    /** Only a synchronous master waits for replicas; should one ask, none will ever answer. */
    @Override
    public void putRequest(CommitLog.GroupCommitRequest request) {
        request.wakeupCustomer(PutMessageStatus.SLAVE_NOT_AVAILABLE);
    }

    /** Only a slave coming online waits for its connection to the master: there is none to wait for. */
    @Override
    public void putGroupConnectionStateRequest(HAConnectionStateNotificationRequest request) {
        request.getRequestFuture().complete(false);
    }

    @Override
    public List<HAConnection> getConnectionList() {
        return List.of();
    }

    /** A master has no HA client (RocketMQ's own service has none either unless the broker is a slave). */
    @Override
    public HAClient getHAClient() {
        return null;
    }

    @Override
    public AtomicLong getPush2SlaveMaxOffset() {
        return replicatedOffset;
    }

    @Override
    public HARuntimeInfo getRuntimeInfo(long masterPutWhere) {
        HARuntimeInfo info = new HARuntimeInfo();
        info.setMaster(true);
        return info;
    }

    @Override
    public WaitNotifyObject getWaitNotifyObject() {
        return waitNotify;
    }

    @Override
    public boolean isSlaveOK(long masterPutWhere) {
        return false;
    }
}
