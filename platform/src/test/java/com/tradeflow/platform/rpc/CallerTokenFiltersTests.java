package com.tradeflow.platform.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradeflow.platform.crypto.SharedSecrets;
import java.util.ArrayList;
import java.util.List;
import org.apache.dubbo.common.URL;
import org.apache.dubbo.metadata.MetadataService;
import org.apache.dubbo.rpc.AsyncRpcResult;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;
import org.apache.dubbo.rpc.RpcInvocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallerTokenFiltersTests {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef-caller";

    /** A business service of a provider, for the fake invoker. */
    interface Wallets {
        long debit(long userId, long amount);
    }

    private final CallerTokenProviderFilter provider = new CallerTokenProviderFilter();
    private final CallerTokenConsumerFilter consumer = new CallerTokenConsumerFilter();

    @BeforeEach
    void configure() {
        CallerToken.configure(TOKEN);
    }

    @Test
    void providerRunsACallCarryingTheToken() {
        Recording<Wallets> wallets = new Recording<>(Wallets.class);
        provider.invoke(wallets, call(TOKEN));
        assertThat(wallets.calls).hasSize(1);
    }

    @Test
    void providerRefusesACallWithoutTokenBeforeTheServiceRuns() {
        Recording<Wallets> wallets = new Recording<>(Wallets.class);
        assertThatThrownBy(() -> provider.invoke(wallets, call(null)))
                .isInstanceOfSatisfying(
                        RpcException.class, e -> assertThat(e.isForbidden()).isTrue())
                .hasMessageContaining("caller token missing or wrong");
        assertThat(wallets.calls).isEmpty();
    }

    @Test
    void providerRefusesAWrongOrTruncatedToken() {
        Recording<Wallets> wallets = new Recording<>(Wallets.class);
        for (String forged : List.of(TOKEN.substring(0, TOKEN.length() - 1), TOKEN + "x", TOKEN.toUpperCase(), "")) {
            assertThatThrownBy(() -> provider.invoke(wallets, call(forged)))
                    .as(forged)
                    .isInstanceOf(RpcException.class);
        }
        assertThat(wallets.calls).isEmpty();
    }

    @Test
    void providerLeavesDubbosMetadataServiceOpen() {
        Recording<MetadataService> metadata = new Recording<>(MetadataService.class);
        provider.invoke(metadata, call(null));
        assertThat(metadata.calls).hasSize(1);
    }

    @Test
    void consumerAttachesTheToken() {
        Recording<Wallets> wallets = new Recording<>(Wallets.class);
        consumer.invoke(wallets, call(null));
        assertThat(wallets.calls)
                .singleElement()
                .satisfies(sent ->
                        assertThat(sent.getAttachment(CallerToken.ATTACHMENT)).isEqualTo(TOKEN));
    }

    @Test
    void aMissingOrShortTokenIsRefusedAtStart() {
        assertThatThrownBy(() -> CallerToken.configure(" ")).hasMessageContaining("is not set");
        assertThatThrownBy(() -> CallerToken.configure(null)).hasMessageContaining("is not set");
        assertThatThrownBy(() -> CallerToken.configure("x".repeat(SharedSecrets.MIN_LENGTH - 1)))
                .hasMessageContaining("at least " + SharedSecrets.MIN_LENGTH);
        // the token in force stays the one configured before
        assertThat(CallerToken.matches(TOKEN)).isTrue();
    }

    private static Invocation call(String token) {
        RpcInvocation invocation = new RpcInvocation();
        invocation.setMethodName("debit");
        if (token != null) {
            invocation.setAttachment(CallerToken.ATTACHMENT, token);
        }
        return invocation;
    }

    /** An invoker of a service that records the calls reaching it. */
    private static final class Recording<T> implements Invoker<T> {
        private final Class<T> type;
        private final List<Invocation> calls = new ArrayList<>();

        Recording(Class<T> type) {
            this.type = type;
        }

        @Override
        public Class<T> getInterface() {
            return type;
        }

        @Override
        public Result invoke(Invocation invocation) {
            calls.add(invocation);
            return AsyncRpcResult.newDefaultAsyncResult(0L, invocation);
        }

        @Override
        public URL getUrl() {
            return URL.valueOf("dubbo://127.0.0.1:20880/" + type.getName());
        }

        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        public void destroy() {}
    }
}
