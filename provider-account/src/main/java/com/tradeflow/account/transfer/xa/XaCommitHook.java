package com.tradeflow.account.transfer.xa;

import com.tradeflow.platform.datasource.ForwardingXaConnection;
import com.tradeflow.platform.datasource.ForwardingXaDataSource;
import com.tradeflow.platform.datasource.ForwardingXaResource;
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

    private static final class HookedResource extends ForwardingXaResource {

        private final Runnable beforeCommit;

        HookedResource(XAResource resource, Runnable beforeCommit) {
            super(resource);
            this.beforeCommit = beforeCommit;
        }

        @Override
        public void commit(Xid xid, boolean onePhase) throws XAException {
            if (!onePhase) {
                beforeCommit.run();
            }
            super.commit(xid, onePhase);
        }
    }
}
