package com.tradeflow.auth.authorization;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The authorizations in progress and the latest completed ones, in memory, safe under concurrent sign-ins, at most
 * {@code capacity} (the oldest go first). Spring Authorization Server's in-memory store alone is neither: its map of
 * authorizations in progress is not thread-safe (a benchmark's concurrent sign-ins failed with
 * ConcurrentModificationException in its token endpoint) and it keeps every completed authorization for the life
 * of the process. Access tokens are self-contained JWTs, so forgetting an old authorization only ends what the
 * store is asked for: codes not yet exchanged, revocation and introspection of old tokens. (Spring's store also
 * forgets sign-ins in progress beyond its 100 newest: more than 100 browsers between the sign-in page and the token
 * request at one moment would see some fail.)
 */
public final class RecentAuthorizations implements OAuth2AuthorizationService {

    private final InMemoryOAuth2AuthorizationService store = new InMemoryOAuth2AuthorizationService();
    /** Ids in the order they were last saved, with what was saved. */
    private final Map<String, OAuth2Authorization> recent = new LinkedHashMap<>();

    private final int capacity;

    public RecentAuthorizations(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("at least one authorization must be kept, not " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void save(OAuth2Authorization authorization) {
        store.save(authorization);
        recent.remove(authorization.getId());
        recent.put(authorization.getId(), authorization);
        Iterator<OAuth2Authorization> oldest = recent.values().iterator();
        while (recent.size() > capacity) {
            store.remove(oldest.next());
            oldest.remove();
        }
    }

    @Override
    public synchronized void remove(OAuth2Authorization authorization) {
        store.remove(authorization);
        recent.remove(authorization.getId());
    }

    @Override
    public synchronized OAuth2Authorization findById(String id) {
        return store.findById(id);
    }

    @Override
    public synchronized OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return store.findByToken(token, tokenType);
    }

    synchronized int size() {
        return recent.size();
    }
}
