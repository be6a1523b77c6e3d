package com.tradeflow.platform.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradeflow.mariadb.TestMariaDb;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

/** XA branches against a real MariaDB: which sessions a later branch gets, and which are closed for good. */
class ReusedXaSessionsTests {

    private static final AtomicInteger BRANCHES = new AtomicInteger();
    private static String url;

    private ReusedXaSessions sessions;

    @BeforeAll
    static void database() throws SQLException {
        url = TestMariaDb.freshDatabase("platform_xa_sessions");
        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE TABLE entries (id BIGINT PRIMARY KEY) ENGINE=InnoDB");
        }
    }

    @BeforeEach
    void newSessions() throws SQLException {
        sessions = new ReusedXaSessions(new MariaDbDataSource(url + "?user=root"), 2);
    }

    @Test
    void shouldServeALaterBranchFromTheSessionOfACommittedOne() throws Exception {
        XAConnection first = sessions.getXAConnection();
        Connection firstConnection = first.getConnection();
        long session = sessionId(firstConnection);
        long row = committedBranch(first, firstConnection);
        firstConnection.close();
        assertThat(sessions.idleSessions()).isEqualTo(1);

        XAConnection second = sessions.getXAConnection();
        Connection secondConnection = second.getConnection();
        assertThat(sessionId(secondConnection)).as("the same server session").isEqualTo(session);
        committedBranch(second, secondConnection);
        secondConnection.close();
        assertThat(rows("SELECT COUNT(*) FROM entries WHERE id = " + row)).isEqualTo(1);
    }

    @Test
    void shouldServeALaterBranchFromTheSessionOfARolledBackOne() throws Exception {
        XAConnection first = sessions.getXAConnection();
        Connection connection = first.getConnection();
        long session = sessionId(connection);
        Xid xid = xid();
        long row = preparedBranch(first, connection, xid);
        first.getXAResource().rollback(xid);
        connection.close();

        XAConnection second = sessions.getXAConnection();
        assertThat(sessionId(second.getConnection())).isEqualTo(session);
        second.close();
        assertThat(rows("SELECT COUNT(*) FROM entries WHERE id = " + row)).isZero();
    }

    /**
     * Seata closes a branch it gives up on (its timeout) while the branch is prepared: that session must end, so
     * that another one can finish the prepared transaction, and must never carry it into a later branch.
     */
    @Test
    void shouldCloseASessionWhoseBranchEndedPreparedSoAnotherSessionCanFinishIt() throws Exception {
        XAConnection branch = sessions.getXAConnection();
        Connection connection = branch.getConnection();
        long session = sessionId(connection);
        Xid xid = xid();
        long row = preparedBranch(branch, connection, xid);
        connection.close();

        assertThat(sessions.idleSessions()).isZero();
        XAConnection next = sessions.getXAConnection();
        assertThat(sessionId(next.getConnection())).isNotEqualTo(session);
        next.getXAResource().commit(xid, false);
        next.close();
        assertThat(rows("SELECT COUNT(*) FROM entries WHERE id = " + row)).isEqualTo(1);
    }

    @Test
    void shouldCloseASessionWhoseXaCommandFailed() throws Exception {
        XAConnection branch = sessions.getXAConnection();
        Connection connection = branch.getConnection();
        long session = sessionId(connection);
        assertThatThrownBy(() -> branch.getXAResource().commit(xid(), false)).isInstanceOf(XAException.class);
        connection.close();

        assertThat(sessions.idleSessions()).isZero();
        XAConnection next = sessions.getXAConnection();
        assertThat(sessionId(next.getConnection())).isNotEqualTo(session);
        next.close();
    }

    @Test
    void shouldReplaceAnIdleSessionKilledMeanwhile() throws Exception {
        XAConnection first = sessions.getXAConnection();
        Connection connection = first.getConnection();
        long session = sessionId(connection);
        committedBranch(first, connection);
        connection.close();
        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            statement.execute("KILL " + session);
        }

        XAConnection next = sessions.getXAConnection();
        Connection nextConnection = next.getConnection();
        assertThat(sessionId(nextConnection)).isNotEqualTo(session);
        committedBranch(next, nextConnection);
        nextConnection.close();
    }

    @Test
    void shouldRefuseCallsOnTheConnectionOfAnEndedBranch() throws Exception {
        XAConnection branch = sessions.getXAConnection();
        Connection connection = branch.getConnection();
        connection.close();

        assertThat(connection.isClosed()).isTrue();
        assertThatThrownBy(connection::createStatement).isInstanceOf(SQLException.class);
        // a second close (Seata's forced close after its own) gives the session back only once
        connection.close();
        branch.close();
        assertThat(sessions.idleSessions()).isEqualTo(1);
    }

    @Test
    void shouldKeepAtMostMaxIdleSessionsOpen() throws Exception {
        List<XAConnection> branches = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            XAConnection branch = sessions.getXAConnection();
            committedBranch(branch, branch.getConnection());
            branches.add(branch);
        }
        for (XAConnection branch : branches) {
            branch.close();
        }
        assertThat(sessions.idleSessions()).isEqualTo(2);
    }

    @Test
    void shouldCloseASessionLeftInALocalTransaction() throws Exception {
        XAConnection branch = sessions.getXAConnection();
        Connection connection = branch.getConnection();
        connection.setAutoCommit(false);
        insert(connection);
        connection.close();

        assertThat(sessions.idleSessions()).isZero();
    }

    /** A branch that writes one row and is committed. @return the row's id */
    private static long committedBranch(XAConnection branch, Connection connection) throws Exception {
        Xid xid = xid();
        long row = preparedBranch(branch, connection, xid);
        branch.getXAResource().commit(xid, false);
        return row;
    }

    /** start, insert, end, prepare: one row written, undecided. @return the row's id */
    private static long preparedBranch(XAConnection branch, Connection connection, Xid xid) throws Exception {
        XAResource resource = branch.getXAResource();
        resource.start(xid, XAResource.TMNOFLAGS);
        long row = insert(connection);
        resource.end(xid, XAResource.TMSUCCESS);
        resource.prepare(xid);
        return row;
    }

    private static long insert(Connection connection) throws SQLException {
        long id = BRANCHES.incrementAndGet() + System.nanoTime() % 1_000_000_000L * 1_000;
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO entries (id) VALUES (" + id + ")");
        }
        return id;
    }

    private static long sessionId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT CONNECTION_ID()")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long rows(String sql) throws SQLException {
        try (Connection admin = admin();
                Statement statement = admin.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(url, "root", "");
    }

    private static Xid xid() {
        byte[] global =
                ("test-" + BRANCHES.incrementAndGet() + "-" + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        byte[] branch = {1};
        return new Xid() {
            @Override
            public int getFormatId() {
                return 1;
            }

            @Override
            public byte[] getGlobalTransactionId() {
                return global;
            }

            @Override
            public byte[] getBranchQualifier() {
                return branch;
            }
        };
    }
}
