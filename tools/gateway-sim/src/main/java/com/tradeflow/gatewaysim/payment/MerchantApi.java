package com.tradeflow.gatewaysim.payment;

import com.tradeflow.gatewaysim.http.ApiException;
import com.tradeflow.gatewaysim.http.Json;
import com.tradeflow.gatewaysim.http.Reply;
import com.tradeflow.gatewaysim.http.Request;
import com.tradeflow.gatewaysim.http.Route;
import java.util.List;

/**
 * The merchant API, what a shop's backend calls. Authentication and fault injection are put around these
 * routes by the caller (see {@code GatewaySim}), so the handlers here only do the payment work.
 *
 * <ul>
 *   <li>{@code POST /v1/payments} with {@code {"merchantOrderNo","amount","notifyUrl"}}: 201 and the new
 *       payment (status PENDING, header {@code Location}); 200 and the existing payment when the same request
 *       is repeated; 409 {@code MERCHANT_ORDER_CONFLICT} when the order number is taken by a different amount
 *       or notify URL; 400 {@code INVALID_JSON}, {@code INVALID_MERCHANT_ORDER_NO}, {@code INVALID_AMOUNT},
 *       {@code INVALID_NOTIFY_URL}.</li>
 *   <li>{@code GET /v1/payments/{merchantOrderNo}}: 200 and the payment with its current status; 404
 *       {@code PAYMENT_NOT_FOUND}; 400 {@code INVALID_MERCHANT_ORDER_NO} for a number that cannot exist.</li>
 * </ul>
 */
public final class MerchantApi {

    static final String PAYMENTS = "/v1/payments";

    private final CreatePaymentService createPayment;
    private final PaymentStore store;

    public MerchantApi(CreatePaymentService createPayment, PaymentStore store) {
        this.createPayment = createPayment;
        this.store = store;
    }

    /** The routes without authentication; wrap each handler before serving it. */
    public List<Route> routes() {
        return List.of(Route.exact("POST", PAYMENTS, this::create), Route.withTail("GET", PAYMENTS + "/", this::query));
    }

    private Reply create(Request request) throws ApiException {
        CreatePaymentRequest body = CreatePaymentRequest.from(Json.readObject(request.body()));
        CreatePaymentService.Result result = createPayment.create(body);
        return switch (result.outcome()) {
            case CREATED ->
                Reply.json(201, PaymentResponse.of(result.payment()))
                        .withHeader(
                                "Location", PAYMENTS + "/" + result.payment().merchantOrderNo());
            case EXISTING -> Reply.json(200, PaymentResponse.of(result.payment()));
            case CONFLICT ->
                Reply.error(
                        409,
                        "MERCHANT_ORDER_CONFLICT",
                        "merchantOrderNo " + body.merchantOrderNo()
                                + " is already used by a payment with a different amount or notifyUrl");
        };
    }

    private Reply query(Request request) throws ApiException {
        String merchantOrderNo = request.pathTail();
        if (!CreatePaymentRequest.isValidMerchantOrderNo(merchantOrderNo)) {
            throw ApiException.badRequest(
                    "INVALID_MERCHANT_ORDER_NO", "merchantOrderNo must be 1-64 characters of A-Z a-z 0-9 _ -");
        }
        Payment payment = store.find(merchantOrderNo)
                .orElseThrow(() -> ApiException.notFound(
                        "PAYMENT_NOT_FOUND", "no payment for merchantOrderNo " + merchantOrderNo));
        return Reply.json(200, PaymentResponse.of(payment));
    }
}
