package com.tradeflow.web.system;

/** The worker id this instance mints ids with ({@link IdGenerator}), and whether it may use it right now. */
public interface WorkerId {

    /** The worker id: 0..1023. */
    long id();

    /** Whether no other instance can hold {@link #id()} now; when false, minting must wait. */
    boolean held();
}
