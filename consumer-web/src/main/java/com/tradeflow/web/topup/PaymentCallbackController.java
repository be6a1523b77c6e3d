package com.tradeflow.web.topup;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The payment gateway's result notifications (its "notify URL"). */
@RestController
class PaymentCallbackController {

    private final PaymentCallbacks callbacks;
    private final int maxBodyBytes;

    /**
     * @param maxBodyBytes the largest notification taken: a body is read into memory before its signature can be
     *                     checked, so anyone could otherwise make the service hold any amount
     */
    PaymentCallbackController(
            PaymentCallbacks callbacks, @Value("${tradeflow.gateway.notification-max-bytes}") int maxBodyBytes) {
        this.callbacks = callbacks;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The acknowledgement the gateway looks for: HTTP 200 with {@code SUCCESS} in the body. */
    record Acknowledged(String code, String outcome) {}

    /**
     * {@code POST /api/payments/callback} with headers {@code X-Gateway-Timestamp} (epoch seconds) and
     * {@code X-Gateway-Signature} (hex HMAC-SHA256 of timestamp + "." + body, with the shared secret) and the
     * gateway's JSON body: 200 {@code {"code":"SUCCESS","outcome":...}} once stored and processed (a duplicate
     * answers the stored outcome); 401 {@code INVALID_SIGNATURE} or {@code STALE_NOTIFICATION}; 400
     * {@code VALIDATION_FAILED} for a body that is not a notification; 404 for an unknown merchant order number;
     * 413 {@code PAYLOAD_TOO_LARGE} for a body over {@code tradeflow.gateway.notification-max-bytes}, refused
     * without reading more of it than the cap.
     */
    @PostMapping("/api/payments/callback")
    Acknowledged callback(
            @RequestHeader(name = "X-Gateway-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Gateway-Signature", required = false) String signature,
            HttpServletRequest request)
            throws IOException {
        String outcome = callbacks.receive(timestamp, signature, body(request));
        return new Acknowledged("SUCCESS", outcome);
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw tooLarge();
        }
        byte[] body = request.getInputStream().readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            throw tooLarge();
        }
        return body;
    }

    private BusinessException tooLarge() {
        return new BusinessException(
                ErrorCode.PAYLOAD_TOO_LARGE, "a payment notification is at most " + maxBodyBytes + " bytes");
    }
}
