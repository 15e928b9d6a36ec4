package io.crmrecon.matching.engine;

/** A way to read a payment, found by one rule: its proposal, its items and why. */
record Alternative(Proposal proposal, int[] items, Reason reason, boolean replacesNamed) {
}
