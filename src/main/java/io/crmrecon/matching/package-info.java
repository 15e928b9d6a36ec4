/**
 * Matching (收款核销): incoming bank payments matched to customers' open items.
 *
 * <p>The engine ({@link io.crmrecon.matching.engine.MatchingEngine}, package {@code engine}) is plain Java: it takes open items, payers and
 * payments and returns outcomes; it knows nothing of the database, Spring or Camunda. The matching run loads its
 * input, runs it and persists the allocations; the {@code paymentMatching} process hands exceptions to clerks.
 */
package io.crmrecon.matching;
