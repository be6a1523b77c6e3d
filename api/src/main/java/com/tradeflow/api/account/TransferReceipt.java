package com.tradeflow.api.account;

import java.io.Serializable;

/**
 * What a transfer call did.
 *
 * @param replayed true when the transfer id had completed before (nothing moved this time)
 */
public record TransferReceipt(TransferView transfer, boolean replayed) implements Serializable {}
