package com.tradeflow.account.transfer.xa;

import com.tradeflow.platform.datasource.ForwardingXaConnection;
import com.tradeflow.platform.datasource.ForwardingXaDataSource;
import java.sql.SQLException;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The driver's XA data source with a hook that runs before each branch's phase-two commit, when every branch is
 * prepared and the decision is in the manager's log: where fault tests stop a service to leave a transaction in
 * doubt.
 */
final class XaCommitHook extends ForwardingXaDataSource {

    private final Runnable beforeCommit;

    XaCommitHook(XADataSource driver, Runnable beforeCommit) {
        super(driver);
        this.beforeCommit = beforeCommit;
    }

    /** One resource per connection, as the driver's: the manager may compare what it got earlier. */
    @Override
    protected XAConnection wrap(XAConnection physical) throws SQLException {
        HookedResource resource = new HookedResource(physical.getXAResource(), beforeCommit);
        return new ForwardingXaConnection(physical) {
            @Override
            public XAResource getXAResource() {
                return resource;
            }
        };
    }

    private record HookedResource(XAResource resource, Runnable beforeCommit) implements XAResource {

        @Override
        public void commit(Xid xid, boolean onePhase) throws XAException {
            if (!onePhase) {
                beforeCommit.run();
            }
            resource.commit(xid, onePhase);
        }

        @Override
        public boolean isSameRM(XAResource other) throws XAException {
            return resource.isSameRM(other instanceof HookedResource hooked ? hooked.resource() : other);
        }

        @Override
        public void end(Xid xid, int flags) throws XAException {
            resource.end(xid, flags);
        }

        @Override
        public void forget(Xid xid) throws XAException {
            resource.forget(xid);
        }

        @Override
        public int getTransactionTimeout() throws XAException {
            return resource.getTransactionTimeout();
        }

        @Override
        public int prepare(Xid xid) throws XAException {
            return resource.prepare(xid);
        }

        @Override
        public Xid[] recover(int flag) throws XAException {
            return resource.recover(flag);
        }

        @Override
        public void rollback(Xid xid) throws XAException {
            resource.rollback(xid);
        }

        @Override
        public boolean setTransactionTimeout(int seconds) throws XAException {
            return resource.setTransactionTimeout(seconds);
        }

        @Override
        public void start(Xid xid, int flags) throws XAException {
            resource.start(xid, flags);
        }
    }
}
