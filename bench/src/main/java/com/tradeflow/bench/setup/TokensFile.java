package com.tradeflow.bench.setup;

import com.tradeflow.bench.load.UserTokens;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * {@code --tokens FILE}: the users' access tokens as {@code userId=token} lines, for a deployment whose issuer the
 * bench cannot sign in to by itself (one with another sign-in page, or single sign-on).
 */
public final class TokensFile implements UserTokens {

    private final Path file;
    private final Map<Long, String> tokens;

    private TokensFile(Path file, Map<Long, String> tokens) {
        this.file = file;
        this.tokens = tokens;
    }

    /** @throws IllegalStateException unreadable, or a line that is not {@code userId=token} */
    public static TokensFile read(Path file) {
        Properties lines = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the tokens file " + file + ": " + e.getMessage(), e);
        }
        Map<Long, String> tokens = new HashMap<>();
        for (String user : lines.stringPropertyNames()) {
            try {
                tokens.put(Long.parseLong(user.trim()), lines.getProperty(user).trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(file + ": '" + user + "' is not a user id (lines are userId=token)", e);
            }
        }
        return new TokensFile(file, Map.copyOf(tokens));
    }

    @Override
    public String of(long userId) {
        String token = tokens.get(userId);
        if (token == null) {
            throw new IllegalStateException(file + " has no token for user " + userId);
        }
        return token;
    }
}
