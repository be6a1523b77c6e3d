package com.tradeflow.web.wallet;

import com.tradeflow.api.account.WalletService;
import com.tradeflow.api.account.WalletView;
import com.tradeflow.web.security.Caller;
import jakarta.validation.constraints.Positive;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Wallet reads, served by provider-account. */
@RestController
@Validated
class WalletController {

    private final WalletService wallets;

    WalletController(WalletService wallets) {
        this.wallets = wallets;
    }

    /**
     * {@code GET /api/wallets/{userId}}: {@code {"userId":1,"balance":100000,"frozen":0}} (cents; frozen: held by
     * TCC purchases still in progress), or 404 (none, or another user's).
     */
    @GetMapping("/api/wallets/{userId}")
    WalletView get(Caller caller, @PathVariable @Positive long userId) {
        caller.requireOwner(userId, "wallet of user " + userId);
        return wallets.getWallet(userId);
    }
}
