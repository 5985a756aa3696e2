package io.vigil.notification.delivery.domain;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its due time (first attempt or a retry). */
    PENDING,
    /** The provider accepted it. */
    SENT,
    /** Failed for good; kept visible and retryable by hand. */
    FAILED,
    /** The incident was acknowledged or resolved first. */
    CANCELLED
}
