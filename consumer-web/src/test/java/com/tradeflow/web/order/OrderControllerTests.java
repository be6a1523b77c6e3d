package com.tradeflow.web.order;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tradeflow.web.security.CallerRateLimits;
import com.tradeflow.web.security.TestCallers;
import com.tradeflow.web.system.TestApiErrors;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.apache.seata.common.exception.FrameworkException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.validation.beanvalidation.MethodValidationInterceptor;

/**
 * The orders API over HTTP in one JVM (Spring MVC with the service's error answers, no server, no security filters:
 * the caller is set as the verified token leaves it): status codes, error codes, and that bad input reaches no
 * service.
 */
class OrderControllerTests {

    private final PlaceOrderService placeOrder = mock(PlaceOrderService.class);
    private final CancelOrderService cancelOrder = mock(CancelOrderService.class);
    private final OrderRepository orders = mock(OrderRepository.class);
    private final OrderViews views = mock(OrderViews.class);
    private final CallerRateLimits limits = mock(CallerRateLimits.class);
    private MockMvc api;

    @BeforeEach
    void api() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        // @Validated: in the service a proxy checks the constraints on parameters (path, headers), as here
        ProxyFactory validated = new ProxyFactory(new OrderController(placeOrder, cancelOrder, orders, views, limits));
        validated.setProxyTargetClass(true);
        validated.addAdvice(new MethodValidationInterceptor(validator.getValidator()));
        api = MockMvcBuilders.standaloneSetup(validated.getProxy())
                .setControllerAdvice(TestApiErrors.handler())
                .setCustomArgumentResolvers(TestCallers.resolver())
                .setValidator(validator)
                .defaultRequest(get("/").accept(MediaType.APPLICATION_JSON))
                .build();
        TestCallers.signedInAs(7L);
    }

    @AfterEach
    void signOut() {
        TestCallers.signedOut();
    }

    private static OrderView view(Order order) {
        return OrderView.of(order, null);
    }

    @Test
    void shouldAnswer201WithTheOrderPlacedForTheCaller() throws Exception {
        Order order = Order.create(41L, 7L, 3L, 2, 500L, TransactionMode.AT, "tc:8091:1")
                .withStatus(OrderStatus.PLACED);
        when(placeOrder.place(any(), eq("key-1")))
                .thenReturn(new PlaceOrderService.Placed(view(order), PlaceOrderService.Answered.CREATED));

        api.perform(post("/api/orders")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "key-1")
                        .content("{\"skuId\":3,\"quantity\":2,\"mode\":\"AT\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.orderId").value("41"))
                .andExpect(jsonPath("$.status").value("PLACED"));
        verify(placeOrder).place(new PlaceOrderRequest(7L, 3L, 2, "AT"), "key-1");
    }

    @Test
    void shouldAnswer200ForARepeatedKeyAnd202ForAnUnconfirmedCommit() throws Exception {
        Order order = Order.create(41L, 7L, 3L, 2, 500L, TransactionMode.AT, "tc:8091:1");
        when(placeOrder.place(any(), eq("again")))
                .thenReturn(new PlaceOrderService.Placed(view(order), PlaceOrderService.Answered.REPLAYED));
        when(placeOrder.place(any(), eq("unknown")))
                .thenReturn(new PlaceOrderService.Placed(view(order), PlaceOrderService.Answered.UNCONFIRMED));
        String body = "{\"skuId\":3,\"quantity\":2,\"mode\":\"AT\"}";

        api.perform(post("/api/orders")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "again")
                        .content(body))
                .andExpect(status().isOk());
        api.perform(post("/api/orders")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "unknown")
                        .content(body))
                .andExpect(status().isAccepted());
    }

    /**
     * What the chaos run saw answered 500: the connection under consumer-web's own TCC fence killed, a provider's
     * branch the coordinator did not register (Dubbo's wrapping, the cause's name in the message), the channel to a TC
     * node that died. Each is an outage (503, try again); a bug stays 500.
     */
    @Test
    void shouldAnswer503ForAnOutageUnderThePurchaseAnd500ForABug() throws Exception {
        String body = "{\"skuId\":3,\"quantity\":2,\"mode\":\"TCC\"}";
        List<RuntimeException> outages = List.of(
                new TransactionSystemException("JDBC rollback failed"),
                new RuntimeException(new FrameworkException("TCC branch Register error")),
                new IllegalStateException("begin failed", new ClosedChannelException()));
        for (RuntimeException outage : outages) {
            when(placeOrder.place(any(), eq("outage"))).thenThrow(outage);
            api.perform(post("/api/orders")
                            .contentType(MediaType.APPLICATION_JSON)
                            .header("Idempotency-Key", "outage")
                            .content(body))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.code").value("DEPENDENCY_UNAVAILABLE"));
        }
        when(placeOrder.place(any(), eq("bug"))).thenThrow(new IllegalStateException("a bug"));
        api.perform(post("/api/orders")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "bug")
                        .content(body))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"));
    }

    /** A chaos run: an XA purchase's order INSERT waited past the lock wait behind a killed instance's prepared branch. */
    @Test
    void shouldAnswer409ForARowLockedPastTheLockWait() throws Exception {
        SQLException lockWait =
                new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205);
        // as a statement outside Spring's translation throws it, and as Spring translates it (a "transient" failure)
        for (RuntimeException thrown : List.of(
                new UncategorizedSQLException("PreparedStatementCallback", "INSERT INTO orders_1 ...", lockWait),
                new CannotAcquireLockException("SELECT ... FOR UPDATE", lockWait))) {
            when(placeOrder.place(any(), eq("locked"))).thenThrow(thrown);
            api.perform(post("/api/orders")
                            .contentType(MediaType.APPLICATION_JSON)
                            .header("Idempotency-Key", "locked")
                            .content("{\"skuId\":3,\"quantity\":1,\"mode\":\"XA\"}"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("CONCURRENT_UPDATE"));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"quantity\":1,\"mode\":\"AT\"}",
                "{\"skuId\":3,\"quantity\":0,\"mode\":\"AT\"}",
                "{\"skuId\":3,\"quantity\":1001,\"mode\":\"AT\"}",
                "{\"skuId\":3,\"quantity\":1,\"mode\":\"SAGA\"}",
                "{\"skuId\":-3,\"quantity\":1,\"mode\":\"AT\"}",
                "not json"
            })
    void shouldAnswer400ValidationFailedForABadOrderAndCallNoService(String body) throws Exception {
        api.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.message").isNotEmpty());
        verifyNoInteractions(placeOrder, limits);
    }

    @Test
    void shouldAnswer400ForAnIdempotencyKeyOver64Characters() throws Exception {
        api.perform(post("/api/orders")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "k".repeat(65))
                        .content("{\"skuId\":3,\"quantity\":1,\"mode\":\"AT\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        verifyNoInteractions(placeOrder);
    }

    @Test
    void shouldAnswer403WhenTheBodyNamesAnotherUser() throws Exception {
        api.perform(post("/api/orders")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"userId\":8,\"skuId\":3,\"quantity\":1,\"mode\":\"AT\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        verifyNoInteractions(placeOrder);
    }

    @Test
    void shouldLookAnOrderUpAmongTheCallersOwnAnd404WhenItIsNotThere() throws Exception {
        Order mine = Order.create(41L, 7L, 3L, 1, 250L, TransactionMode.AT, "tc:8091:1");
        when(orders.find(41L, 7L)).thenReturn(Optional.of(mine));
        when(views.current(mine)).thenReturn(OrderView.of(mine, null));

        api.perform(get("/api/orders/41"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orderId").value("41"));
        // another user's order (the repository filters by user: OrderRepositoryTests) or none at all
        api.perform(get("/api/orders/42"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        verify(orders).find(42L, 7L);
        verify(orders, never()).find(anyLong());
    }

    @Test
    void shouldAnswer400ForAnOrderIdThatIsNotAPositiveNumber() throws Exception {
        api.perform(get("/api/orders/abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        api.perform(get("/api/orders/-3")).andExpect(status().isBadRequest());
        verifyNoInteractions(orders);
    }
}
