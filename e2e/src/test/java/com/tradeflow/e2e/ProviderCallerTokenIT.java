package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.dubbo.config.ApplicationConfig;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.config.bootstrap.DubboBootstrap;
import org.apache.dubbo.rpc.RpcContext;
import org.apache.dubbo.rpc.service.GenericService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The providers' Dubbo ports listen on every interface (Dubbo 3.3 cannot bind loopback only), and a call made
 * straight to them carries no global transaction. Such a call, as anyone who reaches the port can make it, is refused
 * unless it carries the services' caller token; with the token the same client gets its answer.
 */
@ExtendWith(TestStack.class)
class ProviderCallerTokenIT {

    private static final String WALLETS = "com.tradeflow.api.account.WalletService";
    private static final String ATTACHMENT = "tradeflow-caller-token";
    private static final long BALANCE = 10_000;
    private static final long AMOUNT = 100;
    /** Far above the snowflake ids of real orders. */
    private static final long ORDER = 9_000_000_000_000_000_001L;

    private static final String[] ORDER_USER_AMOUNT = {"long", "long", "long"};

    /** The class's own user: its balance moves with these tests' calls only. */
    private static long user;

    private static DubboBootstrap dubbo;
    private static GenericService wallets;

    @BeforeAll
    static void connectStraightToTheProvider() {
        user = TestStack.db().newUser(BALANCE);
        ApplicationConfig application = new ApplicationConfig("e2e-direct-caller");
        application.setQosEnable(false);
        ReferenceConfig<GenericService> reference = new ReferenceConfig<>();
        reference.setInterface(WALLETS);
        reference.setGeneric("true");
        // no registry: straight to the port, which is what the caller token guards
        reference.setUrl("dubbo://127.0.0.1:" + TestStack.stack().options().accountDubboPort());
        reference.setRetries(0);
        reference.setTimeout(10_000);
        reference.setCheck(false);
        dubbo = DubboBootstrap.newInstance();
        dubbo.application(application).reference(reference).start();
        wallets = reference.get();
    }

    @AfterAll
    static void disconnect() {
        if (dubbo != null) {
            dubbo.stop();
        }
    }

    @Test
    void shouldRefuseADebitWithoutTheTokenAndChangeNothing() {
        long before = balance();
        assertThatThrownBy(() -> wallets.$invoke("debit", ORDER_USER_AMOUNT, new Object[] {ORDER, user, AMOUNT}))
                .hasMessageContaining("caller token missing or wrong");
        assertThat(balance()).isEqualTo(before);
    }

    @Test
    void shouldRefuseADebitWithAForgedToken() {
        String real = TestStack.stack().options().rpcCallerToken();
        long before = balance();
        for (String forged : new String[] {"", real.substring(1), real + "0", "x".repeat(real.length())}) {
            RpcContext.getClientAttachment().setAttachment(ATTACHMENT, forged);
            assertThatThrownBy(
                            () -> wallets.$invoke("debit", ORDER_USER_AMOUNT, new Object[] {ORDER + 1, user, AMOUNT}))
                    .as("token %s", forged.isEmpty() ? "(empty)" : "of length " + forged.length())
                    .hasMessageContaining("caller token missing or wrong");
        }
        assertThat(balance()).isEqualTo(before);
    }

    /** The refusals above come from the token, not from the client: with it, the same call goes through. */
    @Test
    void shouldServeTheSameClientCarryingTheServicesToken() {
        long before = balance();
        RpcContext.getClientAttachment()
                .setAttachment(ATTACHMENT, TestStack.stack().options().rpcCallerToken());
        wallets.$invoke("debit", ORDER_USER_AMOUNT, new Object[] {ORDER + 2, user, AMOUNT});
        assertThat(balance()).isEqualTo(before - AMOUNT);
    }

    /** A debit sent again (a client's retry) takes the money once: the order's ledger row refuses the repeat. */
    @Test
    void shouldDebitAnOrderOnceWhenTheCallIsRepeated() {
        long before = balance();
        for (int call = 0; call < 2; call++) {
            callWithToken("debit", ORDER + 3);
        }
        assertThat(balance()).isEqualTo(before - AMOUNT);
        assertThat(TestStack.db()
                        .number(
                                "tradeflow_account_" + user % 2,
                                "SELECT COUNT(*) FROM wallet_ledger " + "WHERE order_id = " + (ORDER + 3)
                                        + " AND type = 'DEBIT' AND amount = " + AMOUNT))
                .isEqualTo(1);
    }

    /**
     * A second debit of the same order for another amount is not a repeat (an order id minted twice): refused,
     * and the first debit stands alone.
     */
    @Test
    void shouldRefuseASecondDebitOfTheOrderForAnotherAmount() {
        long before = balance();
        callWithToken("debit", ORDER + 5);
        RpcContext.getClientAttachment()
                .setAttachment(ATTACHMENT, TestStack.stack().options().rpcCallerToken());
        assertThatThrownBy(
                        () -> wallets.$invoke("debit", ORDER_USER_AMOUNT, new Object[] {ORDER + 5, user, AMOUNT * 10}))
                .hasMessageContaining("already moved " + AMOUNT + " cents");
        assertThat(balance()).isEqualTo(before - AMOUNT);
    }

    /** A refund sent again gives the money back once, for the same reason. */
    @Test
    void shouldRefundAnOrderOnceWhenTheCallIsRepeated() {
        long before = balance();
        callWithToken("debit", ORDER + 4);
        for (int call = 0; call < 2; call++) {
            callWithToken("refund", ORDER + 4);
        }
        assertThat(balance()).isEqualTo(before);
        assertThat(TestStack.db()
                        .number(
                                "tradeflow_account_" + user % 2,
                                "SELECT COUNT(*) FROM wallet_ledger " + "WHERE order_id = " + (ORDER + 4)
                                        + " AND type = 'REFUND' AND amount = " + AMOUNT))
                .isEqualTo(1);
    }

    private static void callWithToken(String method, long order) {
        RpcContext.getClientAttachment()
                .setAttachment(ATTACHMENT, TestStack.stack().options().rpcCallerToken());
        wallets.$invoke(method, ORDER_USER_AMOUNT, new Object[] {order, user, AMOUNT});
    }

    private static long balance() {
        return TestStack.db()
                .number("tradeflow_account_" + user % 2, "SELECT balance FROM wallets WHERE user_id = " + user);
    }
}
