package com.tradeflow.nacos.devserver.http;

import com.tradeflow.nacos.devserver.config.ConfigKey;
import com.tradeflow.nacos.devserver.config.ConfigStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The v1 config listener (nacos-client 1.4): the client sends the md5 it holds for each watched config; the server
 * answers at once with the ones that differ, or holds the request until one changes or the poll times out.
 */
final class ConfigLongPolling {

    /** A poll is answered this long before the client's own timeout, so the answer always arrives. */
    private static final long ANSWER_MARGIN_MILLIS = 500;

    private final ConfigStore store;
    private final Set<Poll> waiting = ConcurrentHashMap.newKeySet();

    ConfigLongPolling(ConfigStore store) {
        this.store = store;
        store.onChange(this::changed);
    }

    /**
     * @param watched the configs (normalised key -> key as the client spelled it) and the md5s the client holds
     * @return the watched configs that differ from what the client holds, as the client spelled them
     */
    List<ConfigKey> poll(Map<ConfigKey, Watched> watched, long timeoutMillis, boolean hangUp)
            throws InterruptedException {
        Poll poll = new Poll(watched);
        // registered before comparing: a change between the comparison and the wait is not missed
        waiting.add(poll);
        try {
            List<ConfigKey> changed = differing(watched);
            if (!changed.isEmpty() || !hangUp) {
                return changed;
            }
            try {
                return List.of(
                        poll.result.get(Math.max(0, timeoutMillis - ANSWER_MARGIN_MILLIS), TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                return List.of();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        } finally {
            waiting.remove(poll);
        }
    }

    private List<ConfigKey> differing(Map<ConfigKey, Watched> watched) {
        List<ConfigKey> changed = new ArrayList<>();
        watched.forEach((key, w) -> {
            if (!w.md5().equals(store.md5(key))) {
                changed.add(w.asSent());
            }
        });
        return changed;
    }

    private void changed(ConfigKey key) {
        for (Poll poll : waiting) {
            Watched w = poll.watched.get(key);
            if (w != null) {
                poll.result.complete(w.asSent());
            }
        }
    }

    record Watched(ConfigKey asSent, String md5) {}

    private static final class Poll {
        final Map<ConfigKey, Watched> watched;
        final CompletableFuture<ConfigKey> result = new CompletableFuture<>();

        Poll(Map<ConfigKey, Watched> watched) {
            this.watched = new LinkedHashMap<>(watched);
        }
    }
}
