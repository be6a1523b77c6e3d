package com.tradeflow.web.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.api.account.TopUpCredit;
import com.tradeflow.api.account.TransferSide;
import com.tradeflow.api.account.WalletBalance;
import com.tradeflow.api.inventory.StockLevel;
import com.tradeflow.web.gateway.GatewayPayment;
import com.tradeflow.web.gateway.PaymentStatus;
import com.tradeflow.web.reconciliation.LedgerCheck.Disagreement;
import com.tradeflow.web.reconciliation.TopUpCreditsCheck.FinishedTopUp;
import com.tradeflow.web.reconciliation.TransferSidesCheck.Transfer;
import com.tradeflow.web.topup.TopUpStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of the wallet, stock, transfer and top-up checks, on figures as the providers answer them. */
class BalanceChecksTests {

    private static List<FindingKind> kinds(List<Disagreement> found) {
        return found.stream().map(Disagreement::kind).toList();
    }

    @Test
    void shouldAgreeWhenTheBalanceIsTheOpeningPlusTheLedgerAndFrozenMoneyIsTheFreezes() {
        assertThat(WalletBalancesCheck.disagreements(new WalletBalance(7, 9_000, 500, 10_000, -1_000, 500)))
                .isEmpty();
    }

    @Test
    void shouldFindABalanceAndFrozenMoneyTheBooksDoNotExplain() {
        List<Disagreement> found =
                WalletBalancesCheck.disagreements(new WalletBalance(7, 9_007, 400, 10_000, -1_000, 500));
        assertThat(kinds(found)).containsExactly(FindingKind.BALANCE_MISMATCH, FindingKind.FROZEN_MISMATCH);
        assertThat(found.get(0).detail()).contains("9007", "9000");
    }

    @Test
    void shouldCheckAvailableAndReservedUnitsAgainstTheStockLedger() {
        assertThat(StockLevelsCheck.disagreements(new StockLevel(3, 95, 2, 100, -5, 2)))
                .isEmpty();
        assertThat(kinds(StockLevelsCheck.disagreements(new StockLevel(3, 92, 2, 100, -5, 2))))
                .containsExactly(FindingKind.AVAILABLE_MISMATCH);
        assertThat(kinds(StockLevelsCheck.disagreements(new StockLevel(3, 95, 0, 100, -5, 2))))
                .containsExactly(FindingKind.RESERVED_MISMATCH);
    }

    private static TransferSide out(long amount) {
        return new TransferSide("t-1", "OUT", 1, 2, amount);
    }

    private static TransferSide in(long amount) {
        return new TransferSide("t-1", "IN", 2, 1, amount);
    }

    @Test
    void shouldAgreeWhenATransferHasItsTwoMatchingSides() {
        assertThat(TransferSidesCheck.disagreements(new Transfer("t-1", List.of(out(250), in(250)))))
                .isEmpty();
    }

    @Test
    void shouldFindATransferWithOneSideOrSidesThatDisagree() {
        assertThat(kinds(TransferSidesCheck.disagreements(new Transfer("t-1", List.of(out(250))))))
                .containsExactly(FindingKind.TRANSFER_ONE_SIDED);
        assertThat(kinds(TransferSidesCheck.disagreements(new Transfer("t-1", List.of(in(250))))))
                .containsExactly(FindingKind.TRANSFER_ONE_SIDED);
        assertThat(kinds(TransferSidesCheck.disagreements(new Transfer("t-1", List.of(out(250), in(251))))))
                .containsExactly(FindingKind.TRANSFER_MISMATCH);
        assertThat(kinds(TransferSidesCheck.disagreements(
                        new Transfer("t-1", List.of(out(250), new TransferSide("t-1", "IN", 3, 1, 250))))))
                .as("paid to another user")
                .containsExactly(FindingKind.TRANSFER_MISMATCH);
        assertThat(kinds(TransferSidesCheck.disagreements(new Transfer("t-1", List.of(out(250), out(250), in(250))))))
                .as("two OUT sides (one per shard)")
                .containsExactly(FindingKind.TRANSFER_MISMATCH);
    }

    private static FinishedTopUp topUp(TopUpStatus status, TopUpCredit... credits) {
        return new FinishedTopUp(
                9, 7, 5_000, status, "TU9", new Timestamp(0), List.of(credits), TopUpCreditsCheck.Gateway.NOT_ASKED);
    }

    private static FinishedTopUp answered(TopUpStatus status, GatewayPayment payment) {
        TopUpCredit credit = new TopUpCredit(9, 7, 5_000, "TU9", 5_000L);
        return topUp(status, status == TopUpStatus.SUCCEEDED ? new TopUpCredit[] {credit} : new TopUpCredit[0])
                .withGateway(new TopUpCreditsCheck.Gateway(payment, null));
    }

    private static GatewayPayment payment(PaymentStatus status, long amount) {
        return new GatewayPayment("pay-9", "TU9", amount, status, Instant.EPOCH);
    }

    @Test
    void shouldCompareAFinishedTopUpWithTheGatewaysRecord() {
        assertThat(TopUpCreditsCheck.disagreements(
                        answered(TopUpStatus.SUCCEEDED, payment(PaymentStatus.SUCCEEDED, 5_000))))
                .isEmpty();
        assertThat(TopUpCreditsCheck.disagreements(answered(TopUpStatus.FAILED, null)))
                .as("never reached it")
                .isEmpty();
        assertThat(TopUpCreditsCheck.disagreements(answered(TopUpStatus.FAILED, payment(PaymentStatus.FAILED, 5_000))))
                .isEmpty();
        assertThat(kinds(TopUpCreditsCheck.disagreements(
                        answered(TopUpStatus.SUCCEEDED, payment(PaymentStatus.SUCCEEDED, 4_000)))))
                .as("paid another amount")
                .containsExactly(FindingKind.TOP_UP_GATEWAY_MISMATCH);
        assertThat(kinds(TopUpCreditsCheck.disagreements(answered(TopUpStatus.SUCCEEDED, null))))
                .as("no payment at the gateway")
                .containsExactly(FindingKind.TOP_UP_GATEWAY_MISMATCH);
        assertThat(kinds(TopUpCreditsCheck.disagreements(
                        answered(TopUpStatus.FAILED, payment(PaymentStatus.SUCCEEDED, 5_000)))))
                .as("paid there, failed here")
                .containsExactly(FindingKind.TOP_UP_GATEWAY_MISMATCH);
        assertThat(kinds(TopUpCreditsCheck.disagreements(topUp(TopUpStatus.FAILED)
                        .withGateway(new TopUpCreditsCheck.Gateway(null, "gateway unavailable")))))
                .containsExactly(FindingKind.TOP_UP_GATEWAY_UNCHECKED);
    }

    @Test
    void shouldAgreeWhenASucceededTopUpWasCreditedOnceAndAFailedOneNever() {
        assertThat(TopUpCreditsCheck.disagreements(
                        topUp(TopUpStatus.SUCCEEDED, new TopUpCredit(9, 7, 5_000, "TU9", 5_000L))))
                .isEmpty();
        assertThat(TopUpCreditsCheck.disagreements(topUp(TopUpStatus.FAILED))).isEmpty();
    }

    @Test
    void shouldFindATopUpNotCreditedCreditedWrongOrCreditedThoughItFailed() {
        assertThat(kinds(TopUpCreditsCheck.disagreements(topUp(TopUpStatus.SUCCEEDED))))
                .containsExactly(FindingKind.TOP_UP_NOT_CREDITED);
        assertThat(kinds(TopUpCreditsCheck.disagreements(
                        topUp(TopUpStatus.SUCCEEDED, new TopUpCredit(9, 7, 5_100, "TU9", 5_100L)))))
                .containsExactly(FindingKind.TOP_UP_CREDIT_MISMATCH);
        assertThat(kinds(TopUpCreditsCheck.disagreements(
                        topUp(TopUpStatus.SUCCEEDED, new TopUpCredit(9, 8, 5_000, "TU9", 5_000L)))))
                .as("another user")
                .containsExactly(FindingKind.TOP_UP_CREDIT_MISMATCH);
        assertThat(kinds(TopUpCreditsCheck.disagreements(
                        topUp(TopUpStatus.SUCCEEDED, new TopUpCredit(9, 7, 5_000, "TU9", null)))))
                .as("no TOP_UP ledger row")
                .containsExactly(FindingKind.TOP_UP_CREDIT_MISMATCH);
        assertThat(kinds(TopUpCreditsCheck.disagreements(
                        topUp(TopUpStatus.FAILED, new TopUpCredit(9, 7, 5_000, "TU9", 5_000L)))))
                .containsExactly(FindingKind.TOP_UP_CREDITED_UNPAID);
    }
}
