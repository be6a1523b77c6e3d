package com.tradeflow.platform.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

class CommitModePoolsTests {

    private final HikariDataSource forTransactions = mock(HikariDataSource.class);
    private final HikariDataSource forStatements = mock(HikariDataSource.class);
    private final Connection manual = mock(Connection.class);
    private final Connection auto = mock(Connection.class);
    private CommitModePools pools;

    @BeforeEach
    void pools() throws SQLException {
        when(forTransactions.isAutoCommit()).thenReturn(false);
        when(forStatements.isAutoCommit()).thenReturn(true);
        when(forTransactions.getConnection()).thenReturn(manual);
        when(forStatements.getConnection()).thenReturn(auto);
        when(manual.getAutoCommit()).thenReturn(false);
        when(auto.getAutoCommit()).thenReturn(true);
        PreparedStatement statement = mock(PreparedStatement.class);
        when(manual.prepareStatement(anyString())).thenReturn(statement);
        when(auto.prepareStatement(anyString())).thenReturn(statement);
        pools = new CommitModePools(forTransactions, forStatements);
    }

    @Test
    void shouldGiveAStatementOutsideATransactionAConnectionThatCommitsItself() throws SQLException {
        new JdbcTemplate(pools).update("UPDATE t SET a = ?", 1);

        verify(auto).prepareStatement("UPDATE t SET a = ?");
        verify(auto, never()).setAutoCommit(anyBoolean());
        verify(forTransactions, never()).getConnection();
    }

    @Test
    void shouldBeginATransactionOnAConnectionWithAutoCommitOffAndNeverSwitchIt() throws SQLException {
        new TransactionTemplate(new ManualCommitTransactionManager(pools))
                .executeWithoutResult(status -> new JdbcTemplate(pools).update("UPDATE t SET b = ?", 2));

        verify(manual).prepareStatement("UPDATE t SET b = ?");
        verify(manual).commit();
        verify(manual, never()).setAutoCommit(anyBoolean());
        verify(forStatements, never()).getConnection();
    }

    @Test
    void shouldHandOutAutoCommitConnectionsAgainOnceTheTransactionBegan() throws SQLException {
        new TransactionTemplate(new ManualCommitTransactionManager(pools)).executeWithoutResult(status -> {
            try (Connection other = pools.getConnection()) {
                // a connection taken inside the transaction's work, not by its start: a statement of its own
                assertThat(other).isSameAs(auto);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void shouldOpenAManualCommitConnectionForAJobThatManagesItsTransaction() throws SQLException {
        try (Connection lock = CommitModePools.forTransaction(pools::getConnection)) {
            assertThat(lock).isSameAs(manual);
        }
        assertThat(pools.getConnection()).isSameAs(auto);
    }

    @Test
    void shouldForgetTheTransactionStartWhenOpeningFails() throws SQLException {
        when(forTransactions.getConnection()).thenThrow(new SQLException("pool exhausted"));

        assertThatThrownBy(() -> CommitModePools.forTransaction(pools::getConnection))
                .hasMessage("pool exhausted");
        assertThat(pools.getConnection()).isSameAs(auto);
    }

    @Test
    void shouldRefusePoolsWhoseAutoCommitDefaultsAreTheWrongWayRound() {
        assertThatThrownBy(() -> new CommitModePools(forStatements, forTransactions))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
