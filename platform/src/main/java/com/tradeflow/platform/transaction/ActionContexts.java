package com.tradeflow.platform.transaction;

import org.apache.seata.rm.tcc.api.BusinessActionContext;

/**
 * Reads what a TCC confirm or cancel needs from the action context the coordinator hands back (JSON numbers
 * come back as Integer or Long depending on their size).
 */
public final class ActionContexts {

    private ActionContexts() {}

    public static long longValue(BusinessActionContext context, String key) {
        Object value = context.getActionContext(key);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("TCC action context of " + context.getXid() + "/" + context.getBranchId()
                    + " has no number " + key + ": " + context.getActionContext());
        }
        return number.longValue();
    }

    public static String stringValue(BusinessActionContext context, String key) {
        Object value = context.getActionContext(key);
        if (value == null) {
            throw new IllegalStateException("TCC action context of " + context.getXid() + "/" + context.getBranchId()
                    + " has no " + key + ": " + context.getActionContext());
        }
        return value.toString();
    }

    public static int intValue(BusinessActionContext context, String key) {
        return Math.toIntExact(longValue(context, key));
    }
}
