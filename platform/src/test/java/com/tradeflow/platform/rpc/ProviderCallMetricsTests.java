package com.tradeflow.platform.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.apache.dubbo.common.URL;
import org.apache.dubbo.rpc.AppResponse;
import org.apache.dubbo.rpc.AsyncRpcResult;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;
import org.apache.dubbo.rpc.RpcInvocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProviderCallMetricsTests {

    /** A business service of a provider, for the fake invoker. */
    interface Stock {
        long deduct(long sku);
    }

    private static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();
    private final ProviderCallMetrics metrics = new ProviderCallMetrics();

    @BeforeAll
    static void register() {
        Metrics.addRegistry(REGISTRY);
    }

    @AfterAll
    static void unregister() {
        Metrics.removeRegistry(REGISTRY);
    }

    private static Invocation call() {
        RpcInvocation invocation = new RpcInvocation();
        invocation.setMethodName("deduct");
        return invocation;
    }

    private long served(String outcome) {
        return ProviderCallMetrics.timer(Stock.class, "deduct", ProviderCallMetrics.Outcome.valueOf(outcome))
                .count();
    }

    @Test
    void shouldTimeACallFromArrivalToAnswerByServiceMethodAndOutcome() throws Exception {
        long before = served("SUCCESS");
        Invoker<Stock> stock = invoker(new AppResponse(3L));
        Invocation invocation = call();
        Result result = metrics.invoke(stock, invocation);
        Thread.sleep(20);
        metrics.onResponse(result, stock, invocation);
        assertThat(served("SUCCESS")).isEqualTo(before + 1);
        assertThat(REGISTRY.get(ProviderCallMetrics.METRIC)
                        .tag("service", "Stock")
                        .tag("method", "deduct")
                        .tag("outcome", "SUCCESS")
                        .timer()
                        .max(TimeUnit.MILLISECONDS))
                .isGreaterThanOrEqualTo(20);
    }

    @Test
    void shouldTellABusinessRefusalFromAnError() {
        long refusedBefore = served("REFUSED");
        long errorsBefore = served("ERROR");
        AppResponse refused = new AppResponse();
        refused.setException(new BusinessException(ErrorCode.INSUFFICIENT_STOCK, "none left"));
        Invocation first = call();
        Invoker<Stock> stock = invoker(refused);
        metrics.onResponse(metrics.invoke(stock, first), stock, first);
        Invocation second = call();
        metrics.invoke(stock, second);
        metrics.onError(new RpcException(RpcException.TIMEOUT_EXCEPTION, "too slow"), stock, second);
        assertThat(served("REFUSED")).isEqualTo(refusedBefore + 1);
        assertThat(served("ERROR")).isEqualTo(errorsBefore + 1);
    }

    private static Invoker<Stock> invoker(AppResponse answer) {
        return new Invoker<>() {
            @Override
            public Class<Stock> getInterface() {
                return Stock.class;
            }

            @Override
            public Result invoke(Invocation invocation) {
                return AsyncRpcResult.newDefaultAsyncResult(answer, invocation);
            }

            @Override
            public URL getUrl() {
                return URL.valueOf("dubbo://127.0.0.1:20880/" + Stock.class.getName());
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
