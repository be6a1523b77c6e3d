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
 * each, failures included. The users are this test's own.
 */
@Order(19)
@ExtendWith(TestStack.class)
class TransferIT {

    private static final int CROWD = 50;
    private static final long CROWD_BALANCE = 10_000;
    private static final long BALANCE = 10_000;
    private static final String FAIL_AFTER_DEBIT = "transfer.after-debit";
    private static final String HOLD_BEFORE_COMMIT = "transfer.xa.before-commit";

    /** The concurrent test's users: consecutive ids on both shards, which {@link WalletTransfers} sums as a range. */
    private static List<Long> crowd;
    /**
     * A and B on different shards, C and D on the same one, A and E on different ones, F and G on different ones, G
     * and H on the same one.
     */
    private static long userA;

    private static long userB;
    private static long userC;
    private static long userD;
    private static long userE;
    private static long userF;
    private static long userG;
    private static long userH;

    private final WalletTransfers transfers = new WalletTransfers(TestStack.api(), TestStack.db());
    private final int accountPort = TestStack.stack().managementPort(ServiceName.ACCOUNT);

    @BeforeAll
    static void wallets() {
        crowd = TestStack.db().newUsers(CROWD, CROWD_BALANCE);
        // consecutive ids alternate between the shards: ids an even distance apart share one
        List<Long> users = TestStack.db().newUsers(10, BALANCE);
        userA = users.get(0);
        userB = users.get(1);
        userC = users.get(2);
        userD = users.get(4);
        userE = users.get(5);
        userF = users.get(6);
        userG = users.get(7);
        userH = users.get(9);
    }

    @AfterEach
    void disarm() {
        TestStack.api().fault(accountPort, FAIL_AFTER_DEBIT, false);
        TestStack.api().fault(accountPort, HOLD_BEFORE_COMMIT, false);
    }

    @Test
    void shouldCommitACrossShardTransferOnBothShardsWithTwoPhaseCommit() {
        long prepares = transfers.statusCounter("Com_xa_prepare");
        long aBefore = transfers.storedBalance(userA);
        long bBefore = transfers.storedBalance(userB);

        Api.Reply reply = transfers.transfer(userA, userB, 2500, "cross-1");

        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        assertThat(reply.body().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(reply.body().path("mode").asText()).isEqualTo("XA");
        assertThat(reply.body().path("amount").asLong()).isEqualTo(2500);
        String id = reply.body().path("transferId").asText();
        assertThat(transfers.storedBalance(userA)).isEqualTo(aBefore - 2500);
        assertThat(transfers.storedBalance(userB)).isEqualTo(bBefore + 2500);
        assertThat(transfers.ledger(id)).containsExactlyInAnyOrderEntriesOf(Map.of("OUT", userA, "IN", userB));
        assertThat(transfers.statusCounter("Com_xa_prepare") - prepares)
                .as("one prepared branch per database")
                .isGreaterThanOrEqualTo(2);
        assertThat(transfers.localXaPrepared()).isZero();

        Api.Reply read = transfers.get(userA, id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("fromUserId").asLong()).isEqualTo(userA);
        assertThat(read.body().path("toUserId").asLong()).isEqualTo(userB);
        assertThat(read.body().path("mode").asText()).isEqualTo("XA");
    }

    @Test
    void shouldRunASameShardTransferAsAPlainLocalTransaction() {
        long starts = transfers.statusCounter("Com_xa_start");
        long cBefore = transfers.storedBalance(userC);
        long dBefore = transfers.storedBalance(userD);

        Api.Reply reply = transfers.transfer(userC, userD, 700, "same-shard-1");

        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        assertThat(reply.body().path("mode").asText()).isEqualTo("LOCAL");
        assertThat(transfers.storedBalance(userC)).isEqualTo(cBefore - 700);
        assertThat(transfers.storedBalance(userD)).isEqualTo(dBefore + 700);
        assertThat(transfers.ledger(reply.body().path("transferId").asText()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("OUT", userC, "IN", userD));
        assertThat(transfers.statusCounter("Com_xa_start") - starts)
                .as("no XA branch")
                .isZero();
    }

    @Test
    void shouldMoveMoneyOncePerIdempotencyKey() {
        long aBefore = transfers.storedBalance(userA);
        long eBefore = transfers.storedBalance(userE);
        Api.Reply first = transfers.transfer(userA, userE, 300, "replayed-1");
        Api.Reply again = transfers.transfer(userA, userE, 300, "replayed-1");
        Api.Reply otherAmount = transfers.transfer(userA, userE, 301, "replayed-1");

        assertThat(first.status()).as("%s", first.body()).isEqualTo(201);
        assertThat(again.status()).as("%s", again.body()).isEqualTo(200);
        assertThat(again.body().path("transferId").asText())
                .isEqualTo(first.body().path("transferId").asText());
        assertThat(otherAmount.status()).isEqualTo(422);
        assertThat(otherAmount.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(transfers.storedBalance(userA)).isEqualTo(aBefore - 300);
        assertThat(transfers.storedBalance(userE)).isEqualTo(eBefore + 300);
    }

    @Test
    void shouldRollBackBothShardsWhenTheTransferFailsAfterTheDebit() {
        Map<String, List<Map<String, Object>>> before = TestStack.db().snapshot();
        TestStack.api().fault(accountPort, FAIL_AFTER_DEBIT, true);

        Api.Reply reply = transfers.transfer(userA, userB, 1000, "fails-after-debit");

        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(500);
        assertThat(TestStack.db().snapshot())
                .as("nothing written on either shard")
                .isEqualTo(before);
        assertThat(transfers.localXaPrepared()).isZero();
        // the same key works once the fault is gone: the failed attempt left no trace that blocks it
        TestStack.api().fault(accountPort, FAIL_AFTER_DEBIT, false);
        Api.Reply retried = transfers.transfer(userA, userB, 1000, "fails-after-debit");
        assertThat(retried.status()).as("%s", retried.body()).isEqualTo(201);
    }

    @Test
    void shouldRefuseBadTransfersAndWriteNothing() {
        Map<String, List<Map<String, Object>>> before = TestStack.db().snapshot();

        Api.Reply sameUser = transfers.transfer(userA, userA, 100, "bad-1");
        Api.Reply tooMuch = transfers.transfer(userA, userB, 10_000_000, "bad-2");
        Api.Reply unknownPayee = transfers.transfer(userA, 69_999, 100, "bad-3");
        Api.Reply unknownPayer = transfers.transfer(69_998, userA, 100, "bad-4");
        Api.Reply noKey = transfers.transfer(userA, userB, 100, null);
        Api.Reply zero = transfers.transfer(userA, userB, 0, "bad-5");

        assertThat(sameUser.status()).isEqualTo(400);
        assertThat(sameUser.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(unknownPayee.status()).isEqualTo(404);
        assertThat(unknownPayer.status()).isEqualTo(404);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(zero.status()).isEqualTo(400);
        assertThat(transfers.get(userA, "00000000-0000-0000-0000-000000000000").status())
                .isEqualTo(404);
        assertThat(TestStack.db().snapshot()).isEqualTo(before);
    }

    @Test
    void shouldRefuseATransferWhoseWalletStaysLockedPastTheLockWait() throws Exception {
        long gBefore = transfers.storedBalance(userG);
        long hBefore = transfers.storedBalance(userH);
        TestStack.api().fault(accountPort, HOLD_BEFORE_COMMIT, true);
        CompletableFuture<Api.Reply> held =
                CompletableFuture.supplyAsync(() -> transfers.transfer(userF, userG, 400, "held-1"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(transfers.localXaPrepared())
                        .as("both branches prepared")
                        .isEqualTo(2));

        // G's row lock belongs to the prepared branch until phase two: this one waits for it, boundedly
        Api.Reply blocked = transfers.transfer(userG, userH, 100, "blocked-1");

        assertThat(blocked.status()).as("%s", blocked.body()).isEqualTo(409);
        assertThat(blocked.code()).isEqualTo("CONCURRENT_UPDATE");
        TestStack.api().fault(accountPort, HOLD_BEFORE_COMMIT, false);
        assertThat(held.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
        assertThat(transfers.storedBalance(userG)).isEqualTo(gBefore + 400);
        assertThat(transfers.storedBalance(userH)).isEqualTo(hBefore);
        // tried again once the wallet is free, it goes through
        assertThat(transfers.transfer(userG, userH, 100, "blocked-1").status()).isEqualTo(201);
    }

    @Test
    void shouldConserveMoneyUnderConcurrentTransfersInRandomDirections() throws Exception {
        long first = crowd.get(0);
        long last = crowd.get(CROWD - 1);
        long total = transfers.totalBalance(first, last);
        Random random = new Random(9);
        int count = 500;
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                int payer = random.nextInt(CROWD);
                long from = crowd.get(payer);
                long to = crowd.get((payer + 1 + random.nextInt(CROWD - 1)) % CROWD);
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
            assertThat(transfers.totalBalance(first, last))
                    .as("money is conserved")
                    .isEqualTo(total);
            assertThat(transfers.ledgerRowsOf(first, last))
                    .as("two ledger rows per completed transfer")
                    .isEqualTo(2L * outcomes.get("201"));
            for (long user : crowd) {
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
