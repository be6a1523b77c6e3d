package com.tradeflow.platform.datasource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's XA data source as Seata's XA proxy needs it: each XA branch has a physical session of its own, and a
 * session whose branch has ended serves a later branch.
 * <p>
 * Seata holds a branch's connection from phase one to phase two (MariaDB, and MySQL before 8.0.29, let only the
 * session that prepared an XA transaction finish it while that session lives), then closes only its logical
 * connection, which by the JDBC contract leaves the physical one open: left at that, every branch leaked a session
 * with its prepared transaction attached, and a commit from another session saw XAER_NOTA. A session per branch,
 * opened and closed, cost about 0.6 ms of CPU per branch in the driver and the server (handshake, authentication,
 * session set-up; three branches per XA purchase).
 * <p>
 * So a session goes back to the idle ones only when the last XA command on it was a commit or a rollback that
 * succeeded (or it never began a branch), no XA command on it failed and it is in auto-commit; any other end (a
 * branch closed at its timeout while prepared, a failed XA command, a broken connection) closes it for good. An idle session is checked
 * (a ping) before it serves again, so one killed while idle is replaced, not handed out. At most {@code maxIdle} stay
 * open idle; more are closed.
 */
final class ReusedXaSessions extends ForwardingXaDataSource {

    private static final Logger log = LoggerFactory.getLogger(ReusedXaSessions.class);
    /** How long the ping of an idle session may take before the session counts as dead. */
    private static final int PING_TIMEOUT_SECONDS = 2;

    private final Deque<XAConnection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final int maxIdle;

    /** @param maxIdle sessions kept open while no branch uses them (the database's pool size: its busiest moment) */
    ReusedXaSessions(XADataSource driver, int maxIdle) {
        super(driver);
        if (maxIdle < 0) {
            throw new IllegalArgumentException("maxIdle must not be negative: " + maxIdle);
        }
        this.maxIdle = maxIdle;
    }

    /** An idle session that still answers, or a new one. */
    @Override
    public XAConnection getXAConnection() throws SQLException {
        XAConnection session;
        while ((session = idle.pollFirst()) != null) {
            idleCount.decrementAndGet();
            if (answers(session)) {
                return new Branch(session);
            }
            closeQuietly(session);
        }
        return super.getXAConnection();
    }

    @Override
    protected XAConnection wrap(XAConnection physical) {
        return new Branch(physical);
    }

    /** Sessions open and unused now. */
    int idleSessions() {
        return idleCount.get();
    }

    private static boolean answers(XAConnection session) {
        try {
            return session.getConnection().isValid(PING_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private void ended(XAConnection session, boolean reusable) {
        if (reusable && idleCount.incrementAndGet() <= maxIdle) {
            idle.addFirst(session);
            return;
        }
        if (reusable) {
            idleCount.decrementAndGet();
        }
        closeQuietly(session);
    }

    private static void closeQuietly(XAConnection session) {
        try {
            session.close();
        } catch (SQLException e) {
            log.debug("closing an XA session failed: {}", e.toString());
        }
    }

    /**
     * One branch's use of a session. Closing its logical connection (what Seata does at the end of a branch) or the
     * XA connection ends the use once; calls on the logical connection after that fail, so that a late caller cannot
     * act on a session another branch has since taken.
     */
    private final class Branch extends ForwardingXaConnection {

        private final AtomicBoolean over = new AtomicBoolean();
        /** No branch on the session, or the last one finished by a successful commit or rollback. */
        private volatile boolean finished = true;

        private volatile boolean failed;
        /** The driver's connection the branch was given, if it asked for one. */
        private volatile Connection logical;

        private XAResource resource;

        Branch(XAConnection physical) {
            super(physical);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection logical = physical.getConnection();
            this.logical = logical;
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        String name = method.getName();
                        if (name.equals("close") && method.getParameterCount() == 0) {
                            end();
                            return null;
                        }
                        if (name.equals("isClosed") && method.getParameterCount() == 0) {
                            return over.get() || logical.isClosed();
                        }
                        if (over.get()) {
                            throw new SQLException("connection closed: its XA branch has ended", "08003");
                        }
                        try {
                            return method.invoke(logical, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        /** One resource per connection, as the driver's: a transaction manager may compare what it got earlier. */
        @Override
        public synchronized XAResource getXAResource() throws SQLException {
            if (resource == null) {
                resource = new Tracked(physical.getXAResource());
            }
            return resource;
        }

        @Override
        public void close() {
            end();
        }

        private void end() {
            if (over.compareAndSet(false, true)) {
                ended(physical, finished && !failed && inAutoCommit());
            }
        }

        /** A local transaction left open outside XA (auto-commit off) must not reach the next branch. */
        private boolean inAutoCommit() {
            Connection used = logical;
            try {
                return used == null || used.getAutoCommit();
            } catch (SQLException e) {
                return false;
            }
        }

        /** The branch's XA commands on the session, watched for the state they leave it in. */
        private final class Tracked extends ForwardingXaResource {

            Tracked(XAResource resource) {
                super(resource);
            }

            @Override
            public void start(Xid xid, int flags) throws XAException {
                finished = false;
                watched(() -> super.start(xid, flags));
            }

            @Override
            public void end(Xid xid, int flags) throws XAException {
                watched(() -> super.end(xid, flags));
            }

            /** A read-only branch is over at its prepare: the database has nothing to commit. */
            @Override
            public int prepare(Xid xid) throws XAException {
                try {
                    int vote = super.prepare(xid);
                    if (vote == XAResource.XA_RDONLY) {
                        finished = true;
                    }
                    return vote;
                } catch (XAException | RuntimeException e) {
                    failed = true;
                    throw e;
                }
            }

            @Override
            public void commit(Xid xid, boolean onePhase) throws XAException {
                watched(() -> super.commit(xid, onePhase));
                finished = true;
            }

            @Override
            public void rollback(Xid xid) throws XAException {
                watched(() -> super.rollback(xid));
                finished = true;
            }

            private void watched(XaCommand command) throws XAException {
                try {
                    command.run();
                } catch (XAException | RuntimeException e) {
                    failed = true;
                    throw e;
                }
            }
        }
    }

    /** An XA command on the session. */
    @FunctionalInterface
    private interface XaCommand {
        void run() throws XAException;
    }
}
