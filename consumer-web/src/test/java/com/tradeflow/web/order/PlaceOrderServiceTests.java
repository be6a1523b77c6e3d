package com.tradeflow.web.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.tradeflow.api.account.WalletService;
import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.api.inventory.InventoryService;
import com.tradeflow.api.inventory.StockDeduction;
import com.tradeflow.platform.fault.FaultSwitches;
import com.tradeflow.web.events.OrderEventPublisher;
import com.tradeflow.web.outbox.OutboxStatus;
import com.tradeflow.web.product.StockChanges;
import com.tradeflow.web.system.IdGenerator;
import com.tradeflow.web.transaction.GlobalTransactions;
import com.tradeflow.web.transaction.GlobalTransactions.Outcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.seata.core.model.GlobalStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/** What a purchase does, in order, and how it answers: the participants and the repository are fakes. */
class PlaceOrderServiceTests {

    private static final long ORDER_ID = 900L;
    private static final String XID = "tc:8091:1";

    private final GlobalTransactions transactions = mock(GlobalTransactions.class);
    private final InventoryService inventory = mock(InventoryService.class);
    private final WalletService wallets = mock(WalletService.class);
    private final OrderRepository orders = mock(OrderRepository.class);
    private final OrderPlacementAction tccPlacement = mock(OrderPlacementAction.class);
    private final OrderEventPublisher events = mock(OrderEventPublisher.class);
    private final IdGenerator ids = mock(IdGenerator.class);
    private final HotSkuGuard hotSkus = mock(HotSkuGuard.class);
    private final StockChanges stockChanges = mock(StockChanges.class);
    private final OrderViews views = mock(OrderViews.class);
    private final DecidedOrders decided = mock(DecidedOrders.class);

    private PlaceOrderService service(boolean localModeEnabled) {
        return new PlaceOrderService(
                transactions,
                inventory,
                wallets,
                orders,
                tccPlacement,
                events,
                ids,
                hotSkus,
                stockChanges,
                new PurchaseSteps(new SimpleMeterRegistry()),
                new FaultSwitches(),
                views,
                decided,
                localModeEnabled);
    }

    @BeforeEach
    @SuppressWarnings("unchecked")
    void passThrough() {
        when(ids.next()).thenReturn(ORDER_ID);
        when(hotSkus.guard(anyLong(), any())).thenAnswer(call -> ((Supplier<Object>) call.getArgument(1)).get());
        when(stockChanges.around(anyLong(), any())).thenAnswer(call -> ((Supplier<Object>) call.getArgument(1)).get());
        when(inventory.deduct(anyLong(), anyLong(), anyInt()))
                .thenAnswer(call -> new StockDeduction(
                        call.getArgument(0),
                        call.getArgument(1),
                        call.getArgument(2),
                        250,
                        250L * (int) call.getArgument(2)));
        when(events.rowStatus()).thenReturn(OutboxStatus.SENT);
    }

    /** The global transaction runs its work and ends as given. */
    @SuppressWarnings("unchecked")
    private void globalTransactionEnds(GlobalStatus status, RuntimeException failure) {
        when(transactions.run(any(), any(), any())).thenAnswer(call -> {
            Object result = ((Supplier<Object>) call.getArgument(2)).get();
            return new Outcome<>(
                    XID, status, failure == null || status == GlobalStatus.UnKnown ? result : null, failure);
        });
    }

    @Test
    void shouldTakeStockThenMoneyThenWriteTheOrderAndAnswerItPlaced() {
        globalTransactionEnds(GlobalStatus.Committed, null);

        PlaceOrderService.Placed placed = service(false).place(new PlaceOrderRequest(7L, 3L, 2, "AT"), "key-1");

        InOrder steps = inOrder(inventory, wallets, orders);
        steps.verify(inventory).deduct(ORDER_ID, 3L, 2);
        steps.verify(wallets).debit(ORDER_ID, 7L, 500L);
        ArgumentCaptor<Order> written = ArgumentCaptor.forClass(Order.class);
        steps.verify(orders)
                .insert(written.capture(), eq("key-1"), any(), any(OrderEvent.class), eq(OutboxStatus.SENT));
        assertThat(written.getValue().amount()).isEqualTo(500L);
        assertThat(placed.answered()).isEqualTo(PlaceOrderService.Answered.CREATED);
        assertThat(placed.order().status()).isEqualTo("PLACED");
        assertThat(placed.order().orderId()).isEqualTo(String.valueOf(ORDER_ID));
        assertThat(placed.order().lastTransaction().xid()).isEqualTo(XID);
        // a committed placement is recorded by its order row: no separate record
        verify(orders, never()).recordTransaction(any());
    }

    @Test
    void shouldChargeAFlashSalePriceInsteadOfTheProductPrice() {
        globalTransactionEnds(GlobalStatus.Committed, null);

        long orderId = service(false).placeAtPrice(7L, 3L, 2, TransactionMode.AT, 99L, "ticket-1");

        assertThat(orderId).isEqualTo(ORDER_ID);
        verify(wallets).debit(ORDER_ID, 7L, 198L);
    }

    @Test
    void shouldLeaveATccOrderToItsConfirmInsteadOfInsertingIt() {
        globalTransactionEnds(GlobalStatus.Committed, null);

        service(false).place(new PlaceOrderRequest(7L, 3L, 1, "TCC"), null);

        verify(tccPlacement).place(isNull(), eq(ORDER_ID), eq(7L), any(), eq("SENT"), any(), isNull(), any());
        verify(orders, never()).insert(any(), any(), any(), any(), any());
    }

    @Test
    void shouldAnswerTheEarlierOrderForARepeatedKeyWithoutCallingAnyParticipant() {
        PlaceOrderRequest request = new PlaceOrderRequest(7L, 3L, 1, "AT");
        Order earlier =
                Order.create(41L, 7L, 3L, 1, 250L, TransactionMode.AT, XID).withStatus(OrderStatus.PLACED);
        when(orders.findRequest(7L, "key-1"))
                .thenReturn(Optional.of(new OrderRepository.StoredRequest(request.fingerprint(), 41L)));
        when(orders.find(41L, 7L)).thenReturn(Optional.of(earlier));
        when(decided.decided(earlier)).thenReturn(Optional.of(earlier));
        when(views.current(earlier)).thenReturn(OrderView.of(earlier, null));

        PlaceOrderService.Placed placed = service(false).place(request, "key-1");

        assertThat(placed.answered()).isEqualTo(PlaceOrderService.Answered.REPLAYED);
        assertThat(placed.order().orderId()).isEqualTo("41");
        verifyNoInteractions(inventory, wallets, transactions);
    }

    @Test
    void shouldPlaceAnewWhenTheOrderOfARepeatedKeyWasRolledBackMeanwhile() {
        globalTransactionEnds(GlobalStatus.Committed, null);
        PlaceOrderRequest request = new PlaceOrderRequest(7L, 3L, 1, "AT");
        // the key was read while its placement was undecided; by the decided read, it had been rolled back
        Order undecided =
                Order.create(41L, 7L, 3L, 1, 250L, TransactionMode.AT, XID).withStatus(OrderStatus.PLACED);
        when(orders.findRequest(7L, "key-1"))
                .thenReturn(Optional.of(new OrderRepository.StoredRequest(request.fingerprint(), 41L)));
        when(orders.find(41L, 7L)).thenReturn(Optional.of(undecided));
        when(views.current(undecided)).thenReturn(OrderView.of(undecided, null));
        when(decided.decided(undecided)).thenReturn(Optional.empty());

        PlaceOrderService.Placed placed = service(false).place(request, "key-1");

        assertThat(placed.answered()).isEqualTo(PlaceOrderService.Answered.CREATED);
        assertThat(placed.order().orderId()).isEqualTo(String.valueOf(ORDER_ID));
        verify(wallets).debit(ORDER_ID, 7L, 250L);
    }

    @Test
    void shouldRefuseAKeyUsedBeforeForAnotherRequest() {
        String otherRequest = new PlaceOrderRequest(7L, 3L, 5, "AT").fingerprint();
        when(orders.findRequest(7L, "key-1"))
                .thenReturn(Optional.of(new OrderRepository.StoredRequest(otherRequest, 41L)));

        assertThatThrownBy(() -> service(false).place(new PlaceOrderRequest(7L, 3L, 1, "AT"), "key-1"))
                .isInstanceOfSatisfying(
                        BusinessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED));
        verifyNoInteractions(inventory, wallets, transactions);
    }

    @Test
    void shouldRefuseLocalModeOutsideBenchmarks() {
        assertThatThrownBy(() -> service(false).place(new PlaceOrderRequest(7L, 3L, 1, "LOCAL"), null))
                .isInstanceOfSatisfying(
                        BusinessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        verifyNoInteractions(inventory, wallets, transactions, orders);
    }

    @Test
    void shouldRunLocalModeWithoutAGlobalTransactionAndLeaveTheEventToTheRelay() {
        PlaceOrderService.Placed placed = service(true).place(new PlaceOrderRequest(7L, 3L, 1, "LOCAL"), null);

        assertThat(placed.answered()).isEqualTo(PlaceOrderService.Answered.CREATED);
        verify(orders).insert(any(), isNull(), any(), any(), eq(OutboxStatus.PENDING));
        verifyNoInteractions(transactions);
    }

    @Test
    void shouldRecordAnUnconfirmedCommitAndAnswerUnknown() {
        globalTransactionEnds(GlobalStatus.UnKnown, mock(GlobalTransactions.CommitUnconfirmed.class));

        PlaceOrderService.Placed placed = service(false).place(new PlaceOrderRequest(7L, 3L, 1, "AT"), "key-1");

        assertThat(placed.answered()).isEqualTo(PlaceOrderService.Answered.UNCONFIRMED);
        assertThat(placed.order().status()).isEqualTo(OrderView.UNKNOWN);
        ArgumentCaptor<OrderTransaction> recorded = ArgumentCaptor.forClass(OrderTransaction.class);
        verify(orders).recordTransaction(recorded.capture());
        assertThat(recorded.getValue().xid()).isEqualTo(XID);
        assertThat(recorded.getValue().status()).isEqualTo(GlobalStatus.UnKnown.name());
    }

    @Test
    void shouldAnswerTheWinnersOrderWhenAConcurrentRequestWithTheSameKeyWon() {
        PlaceOrderRequest request = new PlaceOrderRequest(7L, 3L, 1, "AT");
        Order winner =
                Order.create(41L, 7L, 3L, 1, 250L, TransactionMode.AT, XID).withStatus(OrderStatus.PLACED);
        // no earlier request when ours began; the winner's when ours had rolled back
        when(orders.findRequest(7L, "key-1"))
                .thenReturn(Optional.empty())
                .thenReturn(Optional.of(new OrderRepository.StoredRequest(request.fingerprint(), 41L)));
        when(orders.find(41L, 7L)).thenReturn(Optional.of(winner));
        when(decided.decided(winner)).thenReturn(Optional.of(winner));
        when(views.current(winner)).thenReturn(OrderView.of(winner, null));
        globalTransactionEnds(GlobalStatus.Rollbacked, new IllegalStateException("duplicate key"));

        PlaceOrderService.Placed placed = service(false).place(request, "key-1");

        assertThat(placed.answered()).isEqualTo(PlaceOrderService.Answered.REPLAYED);
        assertThat(placed.order().orderId()).isEqualTo("41");
    }

    @Test
    void shouldThrowTheFailureOfARolledBackPurchaseWithoutAKey() {
        BusinessException refused = new BusinessException(ErrorCode.INSUFFICIENT_BALANCE, "not enough money");
        globalTransactionEnds(GlobalStatus.Rollbacked, refused);

        assertThatThrownBy(() -> service(false).place(new PlaceOrderRequest(7L, 3L, 1, "AT"), null))
                .isSameAs(refused);
        verify(orders, never()).recordTransaction(any());
    }
}
