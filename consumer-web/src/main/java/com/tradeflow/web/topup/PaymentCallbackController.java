package com.tradeflow.web.topup;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The payment gateway's result notifications (its "notify URL"). */
@RestController
class PaymentCallbackController {

    private final PaymentCallbacks callbacks;

    PaymentCallbackController(PaymentCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    /** The acknowledgement the gateway looks for: HTTP 200 with {@code SUCCESS} in the body. */
    record Acknowledged(String code, String outcome) {
    }

    /**
     * {@code POST /api/payments/callback} with headers {@code X-Gateway-Timestamp} (epoch seconds) and
     * {@code X-Gateway-Signature} (hex HMAC-SHA256 of timestamp + "." + body, with the shared secret) and the
     * gateway's JSON body: 200 {@code {"code":"SUCCESS","outcome":...}} once stored and processed (a duplicate
     * answers the stored outcome); 401 {@code INVALID_SIGNATURE} or {@code STALE_NOTIFICATION}; 400
     * {@code VALIDATION_FAILED} for a body that is not a notification; 404 for an unknown merchant order number.
     */
    @PostMapping("/api/payments/callback")
    Acknowledged callback(@RequestHeader(name = "X-Gateway-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Gateway-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        String outcome = callbacks.receive(timestamp, signature, body == null ? new byte[0] : body);
        return new Acknowledged("SUCCESS", outcome);
    }
}
