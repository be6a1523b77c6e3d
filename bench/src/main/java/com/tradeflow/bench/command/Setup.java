package com.tradeflow.bench.command;

import com.tradeflow.auth.client.DemoLogin;
import com.tradeflow.auth.client.SignInFile;
import com.tradeflow.bench.load.UserTokens;
import com.tradeflow.bench.scenario.BenchData;
import com.tradeflow.bench.setup.DataSetup;
import com.tradeflow.bench.setup.SignedInUsers;
import com.tradeflow.bench.setup.TokensFile;
import java.io.PrintWriter;
import java.net.URI;
import java.sql.SQLException;
import java.util.Properties;

/** The setup step of a run, with its messages. */
final class Setup {

    private Setup() {}

    /**
     * The users' access tokens: from {@code --tokens}, or every user of the data signed in at the issuer now.
     *
     * @throws BenchException no issuer known, or a sign-in refused
     */
    static UserTokens tokens(TargetOptions target, BenchData data, PrintWriter out) throws InterruptedException {
        try {
            if (target.tokens != null) {
                return TokensFile.read(target.tokens);
            }
            URI issuer = target.issuer;
            String password = target.password;
            if (issuer == null || password == null) {
                Properties local = SignInFile.read(target.stackDir);
                issuer = issuer != null ? issuer : URI.create(local.getProperty(SignInFile.ISSUER));
                password = password != null ? password : local.getProperty(SignInFile.DEMO_PASSWORD);
            }
            SignedInUsers users = new SignedInUsers(new DemoLogin(issuer), password);
            users.signInAll(data, out);
            return users;
        } catch (IllegalStateException e) {
            throw new BenchException(
                    e.getMessage() + " (--issuer and --password, or --tokens, for a stack that is not "
                            + "the local one)",
                    e);
        }
    }

    static void ensure(TargetOptions target, BenchData data, PrintWriter out) {
        out.printf(
                "setup: products %d-%d with stock >= %,d, wallets %d-%d with balance >= %,d cents (%s)%n",
                data.firstSku(),
                data.lastSku(),
                DataSetup.AMPLE_STOCK,
                data.firstUser(),
                data.lastUser(),
                DataSetup.AMPLE_BALANCE_CENTS,
                target.mysqlForReport());
        out.flush();
        try {
            new DataSetup(target.mysql).ensure(data);
        } catch (SQLException e) {
            throw new BenchException(
                    "cannot set up products and wallets through " + target.mysqlForReport() + ": " + e.getMessage()
                            + " (--skip-setup if they exist; --mysql none without database access)",
                    e);
        }
    }
}
