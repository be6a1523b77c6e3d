package com.tradeflow.web.topup;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.web.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Wallet top-ups through the payment gateway. Money in cents. */
@RestController
@Validated
class TopUpController {

    private final TopUpService topUpService;
    private final TopUpRepository topUps;

    TopUpController(TopUpService topUpService, TopUpRepository topUps) {
        this.topUpService = topUpService;
        this.topUps = topUps;
    }

    /**
     * {@code POST /api/wallets/{userId}/topups {"amount":5000}} with an {@code Idempotency-Key} header (required):
     * 202 with the top-up, {@code PENDING} until the gateway's result arrives (then {@code SUCCEEDED}, with the
     * wallet credited, or {@code FAILED}); the same key and amount again: 200 with the same top-up; the same key
     * with another amount: 422 {@code IDEMPOTENCY_KEY_REUSED}; 400 {@code VALIDATION_FAILED}; 404 for a user
     * without a wallet or another user than the caller; 503 when the gateway is not configured.
     */
    @PostMapping("/api/wallets/{userId}/topups")
    ResponseEntity<TopUpView> start(
            Caller caller,
            @PathVariable @Positive long userId,
            @Valid @RequestBody TopUpRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 64) String key) {
        caller.requireOwner(userId, "wallet of user " + userId);
        if (key == null || key.isBlank()) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "the Idempotency-Key header is required");
        }
        TopUpService.Started started = topUpService.start(userId, request.amount(), key);
        return ResponseEntity.status(started.replayed() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(TopUpView.of(started.topUp()));
    }

    /** {@code GET /api/topups/{topUpId}}: 200 with the caller's top-up and its status, or 404. */
    @GetMapping("/api/topups/{topUpId}")
    TopUpView get(Caller caller, @PathVariable @Positive long topUpId) {
        TopUpView topUp = topUps.find(topUpId)
                .map(TopUpView::of)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "no top-up " + topUpId));
        caller.requireOwner(topUp.userId(), "top-up " + topUpId);
        return topUp;
    }

    /**
     * {@code GET /api/payments/{merchantOrderNo}} (admin): our side of a payment, for an operator to compare with
     * the gateway's: 200 with the top-up it pays for, or 404.
     */
    @GetMapping("/api/payments/{merchantOrderNo}")
    TopUpView payment(@PathVariable @NotBlank @Size(max = 64) String merchantOrderNo) {
        return topUps.findByMerchantOrderNo(merchantOrderNo)
                .map(TopUpView::of)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "no payment " + merchantOrderNo));
    }
}
