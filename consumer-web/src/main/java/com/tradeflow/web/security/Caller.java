package com.tradeflow.web.security;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;

/**
 * The end user a request acts for: the subject of its verified bearer token, never a user id from the body or the
 * path. A controller takes it as a parameter; what the request names is compared with it here.
 */
public record Caller(long userId) {

    /**
     * The user a body acts for: the caller when it names none or the caller itself.
     *
     * @throws BusinessException {@code FORBIDDEN} when it names another user
     */
    public long actsFor(Long named) {
        if (named != null && named != userId) {
            throw new BusinessException(
                    ErrorCode.FORBIDDEN, "the token is user " + userId + "'s; it cannot act for " + "user " + named);
        }
        return userId;
    }

    /**
     * Something of {@code ownerId}'s, asked for by the caller: another user's things answer as if they did not exist
     * (no hint of what others have).
     *
     * @throws BusinessException {@code NOT_FOUND} when it is not the caller's
     */
    public void requireOwner(long ownerId, String what) {
        if (ownerId != userId) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "no " + what);
        }
    }

    public boolean is(long otherUserId) {
        return otherUserId == userId;
    }
}
