package com.tradeflow.bench.command;

import com.tradeflow.bench.scenario.BenchData;
import com.tradeflow.bench.setup.DataSetup;

import java.io.PrintWriter;
import java.sql.SQLException;

/** The setup step of a run, with its messages. */
final class Setup {

    private Setup() {
    }

    static void ensure(TargetOptions target, BenchData data, PrintWriter out) {
        out.printf("setup: products %d-%d with stock >= %,d, wallets %d-%d with balance >= %,d cents (%s)%n",
                data.firstSku(), data.lastSku(), DataSetup.AMPLE_STOCK, data.firstUser(), data.lastUser(),
                DataSetup.AMPLE_BALANCE_CENTS, target.mysqlForReport());
        out.flush();
        try {
            new DataSetup(target.mysql).ensure(data);
        } catch (SQLException e) {
            throw new BenchException("cannot set up products and wallets through " + target.mysqlForReport() + ": "
                    + e.getMessage() + " (--skip-setup if they exist; --mysql none without database access)", e);
        }
    }
}
