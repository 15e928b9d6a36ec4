package io.crmrecon.customer;

import java.util.Locale;

/** Account numbers and IBANs compared the way banks print them differently: no spaces or dashes, upper case. */
public final class BankAccounts {

    private BankAccounts() {
    }

    public static String normalise(String account) {
        if (account == null) {
            return "";
        }
        return account.replaceAll("[\\s\\-./]", "").toUpperCase(Locale.ROOT);
    }
}
