package io.crmrecon.matching.engine;

import java.util.List;

/** A customer as a payer: its legal name and the accounts it is known to pay from. */
public record Payer(long customerId, String customerCode, String name, List<String> accounts) {
}
