package io.crmrecon.demo;

import java.math.BigDecimal;
import java.util.List;

/** One demo customer as the generator knows it: the customers.csv columns plus what the demo needs. */
final class DemoCustomer {

    /** An account a customer pays from, with the bank that keeps it (shown as the debtor's agent). */
    record Account(String number, String bankName, boolean iban) {
    }

    /** A monthly charge of the same amount: the source of the "ambiguous twin" invoices. */
    record RecurringFee(String description, BigDecimal amount, int dayOfMonth) {
    }

    String code;
    String name;
    String email;
    String ccEmails;
    String language;
    String currency;
    int paymentTermsDays;
    String segment;
    int confirmationDays;
    boolean deemedConfirmed;
    boolean nettingAllowed;
    String accountManager;
    BigDecimal creditLimit;
    String taxId;
    String phone;
    String address;
    String contactName;
    List<Account> accounts = List.of();

    // demo-only attributes
    String region;
    String areaCode;
    String city;
    boolean supplier;
    /** what we buy from this customer when it is also a supplier: name and unit price range in yuan */
    String supplies;
    int suppliesPriceLo;
    int suppliesPriceHi;
    RecurringFee recurringFee;
    /** 月结: the due date counts from the end of the month of issue, not from the issue date */
    boolean monthEndTerms;
    /** how the customer's name appears when its bank writes it differently, e.g. 华东机电设备公司 */
    String nameAsPayer;

    boolean english() {
        return "en".equals(language);
    }

    int invoicesPerMonthLo() {
        return switch (segment) {
            case "key-account" -> 6;
            case "A" -> 4;
            default -> 2;
        };
    }

    int invoicesPerMonthHi() {
        return switch (segment) {
            case "key-account" -> 8;
            case "A" -> 5;
            default -> 3;
        };
    }
}
