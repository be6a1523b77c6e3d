package com.tradeflow.nacos.devserver.support;

import org.apache.seata.rm.RMClient;
import org.apache.seata.tm.TMClient;
import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;

/**
 * Child JVM: a Seata 2.5 client configured only through Nacos (config and registry), as the services are in the
 * local stack. It begins and commits one global transaction, which needs the TC it found in the registry.
 * Args: nacosAddr txServiceGroup clientDataId.
 */
public final class SeataClientProbeMain {

    private static final int ATTEMPTS = 20;

    private SeataClientProbeMain() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("config.type", "nacos");
        System.setProperty("config.nacos.serverAddr", args[0]);
        System.setProperty("config.nacos.group", "SEATA_GROUP");
        System.setProperty("config.nacos.namespace", "");
        System.setProperty("config.nacos.dataId", args[2]);
        System.setProperty("registry.type", "nacos");
        System.setProperty("registry.nacos.serverAddr", args[0]);
        System.setProperty("registry.nacos.application", "seata-server");
        System.setProperty("registry.nacos.group", "SEATA_GROUP");
        System.setProperty("registry.nacos.namespace", "");

        TMClient.init("devserver-it-seata-probe", args[1]);
        RMClient.init("devserver-it-seata-probe", args[1]);
        Exception last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                GlobalTransaction tx = GlobalTransactionContext.getCurrentOrCreate();
                tx.begin(30_000, "nacos-devserver-probe");
                String xid = tx.getXid();
                tx.commit();
                System.out.println("GLOBAL TX " + xid + " " + tx.getStatus());
                System.exit(0);
            } catch (Exception e) {
                last = e;
                Thread.sleep(500);
            }
        }
        System.out.println("NO TC: " + last);
        System.exit(1);
    }
}
