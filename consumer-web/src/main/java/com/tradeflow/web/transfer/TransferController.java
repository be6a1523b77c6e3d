package com.tradeflow.web.transfer;

import com.tradeflow.api.account.TransferReceipt;
import com.tradeflow.api.account.TransferView;
import com.tradeflow.api.account.WalletService;
import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.web.security.Caller;
import com.tradeflow.web.security.CallerRateLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.rpc.RpcContext;
import org.apache.dubbo.rpc.RpcException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Transfers between wallets (provider-account moves the money in one transaction). Money in cents. */
@RestController
@Validated
class TransferController {

    private final WalletService wallets;
    private final TransferProperties properties;
    private final CallerRateLimits limits;

    TransferController(WalletService wallets, TransferProperties properties, CallerRateLimits limits) {
        this.wallets = wallets;
        this.properties = properties;
        this.limits = limits;
    }

    /**
     * {@code POST /api/transfers {"toUserId":2,"amount":2500}} with an {@code Idempotency-Key} header (required), out
     * of the caller's wallet (a {@code fromUserId} in the body must be the caller's: 403 {@code FORBIDDEN}; 429
     * {@code RATE_LIMITED} over the caller's own limit): 201 with the completed transfer
     * ({@code {"transferId":"...","status":"COMPLETED","mode":"XA",...}}; mode {@code XA} when the wallets live on
     * different shards, else {@code LOCAL}); the same key and request again: 200 with the same transfer, nothing
     * moved; the same key with another recipient or amount: 422 {@code IDEMPOTENCY_KEY_REUSED}; 400
     * {@code VALIDATION_FAILED} (same user, amount below 1); 404 for a user without a wallet; 409
     * {@code INSUFFICIENT_BALANCE}, or {@code CONCURRENT_UPDATE} when a wallet stays locked (try again); 503 when
     * provider-account did not answer in time: the outcome is then unknown, and the same key is safe to retry.
     */
    @PostMapping("/api/transfers")
    ResponseEntity<TransferView> transfer(
            Caller caller,
            @Valid @RequestBody TransferRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 64) String key) {
        long fromUserId = caller.actsFor(request.fromUserId());
        if (key == null || key.isBlank()) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "the Idempotency-Key header is required");
        }
        if (request.toUserId() == fromUserId) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "a transfer needs two different users");
        }
        limits.admit(CallerRateLimits.Act.TRANSFER, caller);
        String transferId = transferId(fromUserId, key);
        TransferReceipt receipt;
        try {
            // a per-call timeout wins over the reference's and the dynamic configuration's (Dubbo clears it after
            // the call)
            RpcContext.getClientAttachment()
                    .setObjectAttachment(CommonConstants.TIMEOUT_KEY, properties.callTimeoutMillis());
            receipt = wallets.transfer(transferId, fromUserId, request.toUserId(), request.amount());
        } catch (RpcException e) {
            if (!e.isTimeout()) {
                throw e;
            }
            throw new BusinessException(
                    ErrorCode.DEPENDENCY_UNAVAILABLE,
                    "transfer " + transferId + " did not answer "
                            + "in time; its outcome is unknown: GET /api/transfers/" + transferId
                            + " or retry with the same "
                            + "Idempotency-Key");
        }
        return ResponseEntity.status(receipt.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(receipt.transfer());
    }

    /**
     * {@code GET /api/transfers/{transferId}}: 200 with the completed transfer, to its payer or payee; 404 (none
     * completed, or one between other users).
     */
    @GetMapping("/api/transfers/{transferId}")
    TransferView get(Caller caller, @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,36}") String transferId) {
        TransferView transfer = wallets.getTransfer(transferId);
        if (!caller.is(transfer.fromUserId()) && !caller.is(transfer.toUserId())) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "no transfer " + transferId);
        }
        return transfer;
    }

    /**
     * The same key from the same payer names the same transfer, so a retry after a lost answer cannot move money
     * twice; the key is scoped to the payer, as two users' keys may collide.
     */
    static String transferId(long fromUserId, String idempotencyKey) {
        return UUID.nameUUIDFromBytes(
                        ("transfer:" + fromUserId + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
