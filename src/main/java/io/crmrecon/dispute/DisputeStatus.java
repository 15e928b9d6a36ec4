package io.crmrecon.dispute;

/** Where a dispute stands: waiting for a decision, or decided one way or the other. */
enum DisputeStatus {
    OPEN, ACCEPTED, REJECTED
}
