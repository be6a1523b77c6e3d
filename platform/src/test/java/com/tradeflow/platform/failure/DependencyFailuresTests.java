package com.tradeflow.platform.failure;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import org.apache.seata.common.exception.FrameworkException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

class DependencyFailuresTests {

    @Test
    void shouldTellDatabaseFailuresFromRefusalsAndBugs() {
        assertThat(DependencyFailures.isDatabaseFailure(new CannotGetJdbcConnectionException("no connection")))
                .isTrue();
        assertThat(DependencyFailures.isDatabaseFailure(
                        new IllegalStateException("wrapped", new SQLException("Communications link failure", "08S01"))))
                .isTrue();
        // consumer-web's own TCC fence when its connection was killed (chaos run)
        assertThat(DependencyFailures.isDatabaseFailure(new TransactionSystemException("JDBC rollback failed")))
                .isTrue();
        assertThat(DependencyFailures.isDatabaseFailure(
                        new BusinessException(ErrorCode.INSUFFICIENT_BALANCE, "not enough")))
                .as("a refusal is the business's answer")
                .isFalse();
        assertThat(DependencyFailures.isDatabaseFailure(new SQLException("Duplicate entry", "23000")))
                .as("a constraint violation is not an outage")
                .isFalse();
        assertThat(DependencyFailures.isDatabaseFailure(new IllegalStateException("a bug")))
                .isFalse();
    }

    @Test
    void shouldTellCoordinatorFailuresFromRefusalsAndBugs() {
        assertThat(DependencyFailures.isCoordinatorFailure(
                        new RuntimeException(new FrameworkException("TCC branch Register error"))))
                .isTrue();
        assertThat(DependencyFailures.isCoordinatorFailure(
                        new IllegalStateException("begin failed", new ClosedChannelException())))
                .isTrue();
        assertThat(DependencyFailures.isCoordinatorFailure(
                        new BusinessException(ErrorCode.INSUFFICIENT_STOCK, "sold out")))
                .isFalse();
        assertThat(DependencyFailures.isCoordinatorFailure(new IllegalStateException("a bug")))
                .isFalse();
    }
}
