package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradeflow.devstack.service.ServiceName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Wallet transfers through the web API: across account shards one XA transaction over both databases
 * (provider-account's local XA, Atomikos), on one shard a plain local transaction; what the databases hold after
 * each, failures included. Users 60_001 and up are this test's own.
 */
@Order(19)
@ExtendWith(TestStack.class)
class TransferIT {

    private static final long CROWD_FIRST = 60_001;
    private static final int CROWD = 50;
    private static final long CROWD_BALANCE = 10_000;
    /** Odd users live on shard 1, even ones on shard 0. */
    private static final long ODD_A = 60_101;

    private static final long EVEN_B = 60_102;
    private static final long ODD_C = 60_103;
    private static final long ODD_D = 60_105;
    private static final long EVEN_E = 60_106;
    private static final long ODD_F = 60_107;
    private static final long EVEN_G = 60_108;
    private static final long EVEN_H = 60_110;
    private static final long BALANCE = 10_000;
    private static final String FAIL_AFTER_DEBIT = "transfer.after-debit";
    private static final String HOLD_BEFORE_COMMIT = "transfer.xa.before-commit";

    private final WalletTransfers transfers = new WalletTransfers(TestStack.api(), TestStack.db());
    private final int accountPort = TestStack.stack().managementPort(ServiceName.ACCOUNT);

    @BeforeAll
    static void wallets() {
        TestStack.db().createWallets(CROWD_FIRST, CROWD, CROWD_BALANCE);
        TestStack.db().createWallets(ODD_A, 10, BALANCE);
    }

    @AfterEach
    void disarm() {
        TestStack.api().fault(accountPort, FAIL_AFTER_DEBIT, false);
        TestStack.api().fault(accountPort, HOLD_BEFORE_COMMIT, false);
    }

    @Test
    void shouldCommitACrossShardTransferOnBothShardsWithTwoPhaseCommit() {
        long prepares = transfers.statusCounter("Com_xa_prepare");
        long aBefore = transfers.storedBalance(ODD_A);
        long bBefore = transfers.storedBalance(EVEN_B);

        Api.Reply reply = transfers.transfer(ODD_A, EVEN_B, 2500, "cross-1");

        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        assertThat(reply.body().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(reply.body().path("mode").asText()).isEqualTo("XA");
        assertThat(reply.body().path("amount").asLong()).isEqualTo(2500);
        String id = reply.body().path("transferId").asText();
        assertThat(transfers.storedBalance(ODD_A)).isEqualTo(aBefore - 2500);
        assertThat(transfers.storedBalance(EVEN_B)).isEqualTo(bBefore + 2500);
        assertThat(transfers.ledger(id)).containsExactlyInAnyOrderEntriesOf(Map.of("OUT", ODD_A, "IN", EVEN_B));
        assertThat(transfers.statusCounter("Com_xa_prepare") - prepares)
                .as("one prepared branch per database")
                .isGreaterThanOrEqualTo(2);
        assertThat(transfers.localXaPrepared()).isZero();

        Api.Reply read = transfers.get(ODD_A, id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("fromUserId").asLong()).isEqualTo(ODD_A);
        assertThat(read.body().path("toUserId").asLong()).isEqualTo(EVEN_B);
        assertThat(read.body().path("mode").asText()).isEqualTo("XA");
    }

    @Test
    void shouldRunASameShardTransferAsAPlainLocalTransaction() {
        long starts = transfers.statusCounter("Com_xa_start");
        long cBefore = transfers.storedBalance(ODD_C);
        long dBefore = transfers.storedBalance(ODD_D);

        Api.Reply reply = transfers.transfer(ODD_C, ODD_D, 700, "same-shard-1");

        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        assertThat(reply.body().path("mode").asText()).isEqualTo("LOCAL");
        assertThat(transfers.storedBalance(ODD_C)).isEqualTo(cBefore - 700);
        assertThat(transfers.storedBalance(ODD_D)).isEqualTo(dBefore + 700);
        assertThat(transfers.ledger(reply.body().path("transferId").asText()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("OUT", ODD_C, "IN", ODD_D));
        assertThat(transfers.statusCounter("Com_xa_start") - starts)
                .as("no XA branch")
                .isZero();
    }

    @Test
    void shouldMoveMoneyOncePerIdempotencyKey() {
        long aBefore = transfers.storedBalance(ODD_A);
        long eBefore = transfers.storedBalance(EVEN_E);
        Api.Reply first = transfers.transfer(ODD_A, EVEN_E, 300, "replayed-1");
        Api.Reply again = transfers.transfer(ODD_A, EVEN_E, 300, "replayed-1");
        Api.Reply otherAmount = transfers.transfer(ODD_A, EVEN_E, 301, "replayed-1");

        assertThat(first.status()).as("%s", first.body()).isEqualTo(201);
        assertThat(again.status()).as("%s", again.body()).isEqualTo(200);
        assertThat(again.body().path("transferId").asText())
                .isEqualTo(first.body().path("transferId").asText());
        assertThat(otherAmount.status()).isEqualTo(422);
        assertThat(otherAmount.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(transfers.storedBalance(ODD_A)).isEqualTo(aBefore - 300);
        assertThat(transfers.storedBalance(EVEN_E)).isEqualTo(eBefore + 300);
    }

    @Test
    void shouldRollBackBothShardsWhenTheTransferFailsAfterTheDebit() {
        Map<String, List<Map<String, Object>>> before = TestStack.db().snapshot();
        TestStack.api().fault(accountPort, FAIL_AFTER_DEBIT, true);

        Api.Reply reply = transfers.transfer(ODD_A, EVEN_B, 1000, "fails-after-debit");

        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(500);
        assertThat(TestStack.db().snapshot())
                .as("nothing written on either shard")
                .isEqualTo(before);
        assertThat(transfers.localXaPrepared()).isZero();
        // the same key works once the fault is gone: the failed attempt left no trace that blocks it
        TestStack.api().fault(accountPort, FAIL_AFTER_DEBIT, false);
        Api.Reply retried = transfers.transfer(ODD_A, EVEN_B, 1000, "fails-after-debit");
        assertThat(retried.status()).as("%s", retried.body()).isEqualTo(201);
    }

    @Test
    void shouldRefuseBadTransfersAndWriteNothing() {
        Map<String, List<Map<String, Object>>> before = TestStack.db().snapshot();

        Api.Reply sameUser = transfers.transfer(ODD_A, ODD_A, 100, "bad-1");
        Api.Reply tooMuch = transfers.transfer(ODD_A, EVEN_B, 10_000_000, "bad-2");
        Api.Reply unknownPayee = transfers.transfer(ODD_A, 69_999, 100, "bad-3");
        Api.Reply unknownPayer = transfers.transfer(69_998, ODD_A, 100, "bad-4");
        Api.Reply noKey = transfers.transfer(ODD_A, EVEN_B, 100, null);
        Api.Reply zero = transfers.transfer(ODD_A, EVEN_B, 0, "bad-5");

        assertThat(sameUser.status()).isEqualTo(400);
        assertThat(sameUser.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(unknownPayee.status()).isEqualTo(404);
        assertThat(unknownPayer.status()).isEqualTo(404);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(zero.status()).isEqualTo(400);
        assertThat(transfers.get(ODD_A, "00000000-0000-0000-0000-000000000000").status())
                .isEqualTo(404);
        assertThat(TestStack.db().snapshot()).isEqualTo(before);
    }

    @Test
    void shouldRefuseATransferWhoseWalletStaysLockedPastTheLockWait() throws Exception {
        long gBefore = transfers.storedBalance(EVEN_G);
        long hBefore = transfers.storedBalance(EVEN_H);
        TestStack.api().fault(accountPort, HOLD_BEFORE_COMMIT, true);
        CompletableFuture<Api.Reply> held =
                CompletableFuture.supplyAsync(() -> transfers.transfer(ODD_F, EVEN_G, 400, "held-1"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(transfers.localXaPrepared())
                        .as("both branches prepared")
                        .isEqualTo(2));

        // EVEN_G's row lock belongs to the prepared branch until phase two: this one waits for it, boundedly
        Api.Reply blocked = transfers.transfer(EVEN_G, EVEN_H, 100, "blocked-1");

        assertThat(blocked.status()).as("%s", blocked.body()).isEqualTo(409);
        assertThat(blocked.code()).isEqualTo("CONCURRENT_UPDATE");
        TestStack.api().fault(accountPort, HOLD_BEFORE_COMMIT, false);
        assertThat(held.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
        assertThat(transfers.storedBalance(EVEN_G)).isEqualTo(gBefore + 400);
        assertThat(transfers.storedBalance(EVEN_H)).isEqualTo(hBefore);
        // tried again once the wallet is free, it goes through
        assertThat(transfers.transfer(EVEN_G, EVEN_H, 100, "blocked-1").status())
                .isEqualTo(201);
    }

    @Test
    void shouldConserveMoneyUnderConcurrentTransfersInRandomDirections() throws Exception {
        long last = CROWD_FIRST + CROWD - 1;
        long total = transfers.totalBalance(CROWD_FIRST, last);
        Random random = new Random(9);
        int count = 500;
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                long from = CROWD_FIRST + random.nextInt(CROWD);
                long to = CROWD_FIRST + (from - CROWD_FIRST + 1 + random.nextInt(CROWD - 1)) % CROWD;
                // up to 60% of a starting balance: enough of them fail for balance as wallets drain
                long amount = 1 + random.nextInt((int) (CROWD_BALANCE * 6 / 10));
                String key = "crowd-" + i;
                replies.add(clients.submit(() -> transfers.transfer(from, to, amount, key)));
            }
            Map<String, Integer> outcomes = new TreeMap<>();
            for (Future<Api.Reply> reply : replies) {
                // every transfer ends, within a bound: a lock wait is bounded, a deadlock would show here
                Api.Reply r = reply.get(60, TimeUnit.SECONDS);
                outcomes.merge(r.status() + (r.status() == 201 ? "" : " " + r.code()), 1, Integer::sum);
            }
            System.out.println("concurrent transfers: " + outcomes);

            assertThat(outcomes.keySet())
                    .as("only completions and clear refusals")
                    .isSubsetOf("201", "409 INSUFFICIENT_BALANCE", "409 CONCURRENT_UPDATE");
            assertThat(outcomes.get("201")).as("most complete").isGreaterThan(count / 2);
            assertThat(outcomes).containsKey("409 INSUFFICIENT_BALANCE");
            assertThat(transfers.totalBalance(CROWD_FIRST, last))
                    .as("money is conserved")
                    .isEqualTo(total);
            assertThat(transfers.ledgerRowsOf(CROWD_FIRST, last))
                    .as("two ledger rows per completed transfer")
                    .isEqualTo(2L * outcomes.get("201"));
            for (long user = CROWD_FIRST; user <= last; user++) {
                assertThat(transfers.storedBalance(user))
                        .as("balance of %s: start plus its ledger", user)
                        .isEqualTo(CROWD_BALANCE + transfers.ledgerNet(user))
                        .isGreaterThanOrEqualTo(0);
            }
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(transfers.localXaPrepared()).isZero());
        } finally {
            clients.shutdownNow();
        }
    }
}
