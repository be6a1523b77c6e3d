package com.tradeflow.auth.user;

import com.tradeflow.api.user.UserIds;
import com.tradeflow.auth.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo data's users: user {@code N} (1 to {@code demo-users}, the wallets' user ids) signs in as {@code N} with the
 * shared demo password and has role {@code user}; {@code admin} has role {@code admin}. The name becomes the token's
 * subject, so a user id is spelled one way only (no sign, no leading zero).
 */
@Component
public class DemoUsers implements UserDetailsService {

    public static final String ADMIN = "admin";
    public static final String USER_ROLE = "user";
    public static final String ADMIN_ROLE = "admin";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final long demoUsers;
    /** Hashed once: every demo user has the same password. Null when that kind of user is switched off. */
    private final String demoPasswordHash;

    private final String adminPasswordHash;

    DemoUsers(AuthProperties properties, PasswordEncoder passwords) {
        this.demoUsers = properties.demoUsers();
        this.demoPasswordHash = hashOrNull(properties.demoPassword(), passwords);
        this.adminPasswordHash = hashOrNull(properties.adminPassword(), passwords);
        if (demoPasswordHash == null) {
            log.warn("tradeflow.auth.demo-password (AUTH_DEMO_PASSWORD) is not set: no demo user can sign in");
        }
        if (adminPasswordHash == null) {
            log.warn("tradeflow.auth.admin-password (AUTH_ADMIN_PASSWORD) is not set: no admin can sign in");
        }
    }

    private static String hashOrNull(String password, PasswordEncoder passwords) {
        return password == null || password.isEmpty() ? null : passwords.encode(password);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (ADMIN.equals(username) && adminPasswordHash != null) {
            return User.withUsername(ADMIN)
                    .password(adminPasswordHash)
                    .roles(ADMIN_ROLE)
                    .build();
        }
        if (demoPasswordHash != null && isDemoUser(username)) {
            return User.withUsername(username)
                    .password(demoPasswordHash)
                    .roles(USER_ROLE)
                    .build();
        }
        throw new UsernameNotFoundException("no such user");
    }

    private boolean isDemoUser(String username) {
        return UserIds.isUserId(username) && Long.parseLong(username) <= demoUsers;
    }
}
