package com.tradeflow.platform.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import java.sql.SQLException;
import org.apache.dubbo.common.URL;
import org.apache.dubbo.rpc.AppResponse;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcInvocation;
import org.apache.seata.common.exception.FrameworkException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

class DependencyFailureProviderFilterTests {

    /** A business service of a provider, for the fake invoker. */
    interface Wallets {
        void refund(long order);
    }

    private final DependencyFailureProviderFilter filter = new DependencyFailureProviderFilter();

    @Test
    void shouldAnswerDependencyUnavailableWhenTheCommitsConnectionWasKilled() {
        // what a refund answered when its connection was killed under it (chaos run): Hikari's closed connection
        TransactionSystemException commitFailed = new TransactionSystemException("JDBC commit failed");
        commitFailed.initCause(new SQLException("Connection is closed", "08003"));
        AppResponse answer = new AppResponse(commitFailed);

        filter.onResponse(answer, wallets(), refund());

        assertThat(answer.getException())
                .isInstanceOfSatisfying(
                        BusinessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DEPENDENCY_UNAVAILABLE));
    }

    @Test
    void shouldAnswerDependencyUnavailableWhenTheCoordinatorDidNotRegisterABranch() {
        // what provider-inventory answered when a TCC branch could not be registered (chaos run, a TC node killed)
        AppResponse answer = new AppResponse(
                new RuntimeException(new FrameworkException("TCC branch Register error, xid: 192.0.2.2:8091:1")));

        filter.onResponse(answer, wallets(), refund());

        assertThat(answer.getException())
                .isInstanceOfSatisfying(
                        BusinessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DEPENDENCY_UNAVAILABLE));
    }

    @Test
    void shouldLeaveOtherAnswersAsTheyAre() {
        BusinessException refusal = new BusinessException(ErrorCode.INSUFFICIENT_BALANCE, "not enough");
        AppResponse refused = new AppResponse(refusal);
        AppResponse done = new AppResponse(42L);

        filter.onResponse(refused, wallets(), refund());
        filter.onResponse(done, wallets(), refund());

        assertThat(refused.getException()).isSameAs(refusal);
        assertThat(done.hasException()).isFalse();
        assertThat(done.getValue()).isEqualTo(42L);
    }

    private static Invocation refund() {
        RpcInvocation invocation = new RpcInvocation();
        invocation.setMethodName("refund");
        return invocation;
    }

    private static Invoker<Wallets> wallets() {
        return new Invoker<>() {
            @Override
            public Class<Wallets> getInterface() {
                return Wallets.class;
            }

            @Override
            public Result invoke(Invocation invocation) {
                throw new UnsupportedOperationException("not called by onResponse");
            }

            @Override
            public URL getUrl() {
                return URL.valueOf("dubbo://127.0.0.1:20882/" + Wallets.class.getName());
            }

            @Override
            public boolean isAvailable() {
                return true;
            }

            @Override
            public void destroy() {}
        };
    }
}
