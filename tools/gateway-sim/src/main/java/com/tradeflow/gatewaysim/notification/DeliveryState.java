package com.tradeflow.gatewaysim.notification;

/** Where the result notification of one payment stands. */
public enum DeliveryState {
    /** sent, not acknowledged yet; another attempt is scheduled or in flight */
    SENDING,
    /** the merchant answered 200 with SUCCESS */
    ACKNOWLEDGED,
    /** max attempts reached without an acknowledgement */
    GAVE_UP,
    /** the lostNotificationRate fault swallowed every notification of this payment */
    LOST
}
