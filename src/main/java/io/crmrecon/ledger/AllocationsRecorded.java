package io.crmrecon.ledger;

import java.util.List;

/**
 * Allocations were recorded (a matching run, a clerk's match): published in the transaction that records them, so
 * whoever waits for money (a settlement) learns of it in the same commit, without polling.
 */
public record AllocationsRecorded(List<NewAllocation> allocations) {
}
