package com.tradeflow.devstack;

import com.tradeflow.api.user.UserIds;
import com.tradeflow.auth.client.DemoLogin;
import com.tradeflow.auth.client.SignInFile;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * {@code java -jar devstack/target/devstack.jar token --user 7} (or {@code --admin}): signs the user in at the running
 * local stack's issuer, as a browser would, and prints the access token alone on standard output, for
 * {@code curl -H "Authorization: Bearer $(...)"}.
 */
final class TokenCommand {

    static final String NAME = "token";
    private static final String USAGE = "usage: java -jar devstack/target/devstack.jar token --user <id> | --admin";

    private TokenCommand() {}

    /** @return the exit status: 0 with the token printed, 1 when signing in failed, 2 for bad arguments */
    static int run(List<String> args, Path workDir) {
        String username;
        if (args.size() == 2 && "--user".equals(args.get(0)) && UserIds.isUserId(args.get(1))) {
            username = args.get(1);
        } else if (args.size() == 1 && "--admin".equals(args.get(0))) {
            username = "admin";
        } else {
            System.err.println(USAGE);
            return 2;
        }
        try {
            Properties signIn = SignInFile.read(workDir);
            String password =
                    signIn.getProperty("admin".equals(username) ? SignInFile.ADMIN_PASSWORD : SignInFile.DEMO_PASSWORD);
            DemoLogin.Token token =
                    new DemoLogin(URI.create(signIn.getProperty(SignInFile.ISSUER))).signIn(username, password);
            System.out.println(token.value());
            return 0;
        } catch (RuntimeException e) {
            System.err.println("devstack token: " + e.getMessage());
            return 1;
        }
    }
}
