package io.crmrecon.matching.engine;

import io.crmrecon.matching.engine.PayerIndex.PayerMatch;
import io.crmrecon.matching.engine.TextScanner.Token;

/** A payment with what does not change during the run worked out once: currency, amount, payer, numbers. */
final class Prepared {

    final int input;
    final IncomingPayment payment;
    final int currency;
    final long amount;
    final boolean valid;
    final PayerMatch payer;
    final Token[] tokens;

    Prepared(int input, IncomingPayment payment, int currency, long amount, boolean valid, PayerMatch payer,
            Token[] tokens) {
        this.input = input;
        this.payment = payment;
        this.currency = currency;
        this.amount = amount;
        this.valid = valid;
        this.payer = payer;
        this.tokens = tokens;
    }
}
