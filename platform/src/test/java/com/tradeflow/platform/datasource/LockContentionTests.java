package com.tradeflow.platform.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import org.apache.seata.rm.datasource.exec.LockWaitTimeoutException;
import org.junit.jupiter.api.Test;

class LockContentionTests {

    @Test
    void shouldAnswerAGlobalLockTimeoutAsConcurrentUpdate() {
        assertThatThrownBy(() -> LockContention.translate(
                        () -> {
                            throw new IllegalStateException(
                                    "commit failed", new LockWaitTimeoutException("Global lock wait timeout", null));
                        },
                        "the wallet of user 1"))
                .isInstanceOfSatisfying(
                        BusinessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_UPDATE));
    }

    @Test
    void shouldAnswerADatabaseLockWaitTimeoutOrDeadlockAsConcurrentUpdate() {
        for (int mysqlError : new int[] {1205, 1213}) {
            assertThatThrownBy(() -> LockContention.translate(
                            () -> {
                                throw new IllegalStateException(
                                        "update failed", new java.sql.SQLException("lock", "HY000", mysqlError));
                            },
                            "the stock of sku 1"))
                    .isInstanceOfSatisfying(
                            BusinessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_UPDATE));
        }
    }

    @Test
    void shouldLeaveOtherFailuresAsTheyAre() {
        IllegalStateException other = new IllegalStateException("disk full");
        assertThatThrownBy(() -> LockContention.translate(
                        () -> {
                            throw other;
                        },
                        "x"))
                .isSameAs(other);
        assertThat(LockContention.translate(() -> 42, "x")).isEqualTo(42);
    }
}
