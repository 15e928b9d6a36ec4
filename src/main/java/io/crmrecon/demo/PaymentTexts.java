package io.crmrecon.demo;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How payers write the remittance text of a bank transfer: the one source of payment-text forms for the demo
 * statement, the import benchmark's files and the matching benchmark. Forms with {@code %s} take a number.
 */
public final class PaymentTexts {

    /** Separators between a document number's parts, in pairs: after the series, after the year. */
    public static final List<String> SEPARATORS = List.of("-", "-", "", "", " ", " ", "/", "/", "_", "_", "-", "", "",
            "-", ".", ".", " ", "-");
    public static final List<String> CN_PREFIXES = List.of("货款", "支付货款", "付", "还款", "支付发票", "网银转账 附言:",
            "汇款 ", "往来款 ", "付发票", "", "");
    public static final List<String> CN_SUFFIXES = List.of("货款", "款项", "发票款", " 谢谢", "付款", "", "");
    public static final List<String> EN_PREFIXES = List.of("PAYMENT FOR ", "PMT ", "INVOICE ", "RE ", "/RFB/", "PAY ",
            "", "");
    public static final List<String> EN_SUFFIXES = List.of(" THANKS", " PAYMENT", " PAID", " TKS", "", "");
    /** Texts that name no document; {@code #} stands for a month. */
    public static final List<String> GENERIC = List.of("货款", "付款", "支付货款", "往来款", "", "", "PAYMENT",
            "INVOICE PAYMENT", "转账", "网银转账", "采购款", "GOODS PAYMENT", "#月货款");
    /** Texts of a recurring fee: they tell one month's fee from another's by nothing. */
    public static final List<String> RECURRING_FEE = List.of("服务费", "月费", "MONTHLY FEE", "", "租金", "技术服务费",
            "SERVICE FEE", "维护费");
    /** A tax invoice (发票) number in a text. */
    public static final List<String> TAX_INVOICE = List.of("发票号%s", "发票号:%s", "FP%s", "税票%s货款", "INVOICE %s",
            "%s", "付%s号发票款", "VAT INVOICE %s PAYMENT", "增值税发票 %s");
    /** Notes beside the number of a document paid in part. */
    public static final List<String> PARTIAL_NOTES = List.of("部分付款", "首期款", "PART PAYMENT", "1ST INSTALMENT",
            "分期付款", "");
    /** Notes after the number of a document paid with a credit note deducted. */
    public static final List<String> NET_OF_CREDIT_NOTES = List.of("", "", " 扣除红字发票", " LESS CREDIT NOTE",
            " 扣减折让", " NET OF CREDIT");
    /** Notes after the number of a document paid with more than it asks. */
    public static final List<String> OVERPAID_NOTES = List.of("", "", " 含预付款", " ADVANCE INCLUDED", " 货款");
    public static final String BANK_CHARGE = "网银汇款手续费";
    public static final String ACCOUNT_FEE = "账户管理费";
    public static final String INTEREST = "活期存款利息";
    public static final String REFUND = "退还多付货款";

    private PaymentTexts() {
    }

    /** The form with its number filled in. */
    public static String fill(String form, String number) {
        return form.replace("%s", number);
    }

    /** A text that names no document. */
    public static String generic(RandomGenerator rnd) {
        String g = GENERIC.get(rnd.nextInt(GENERIC.size()));
        return g.startsWith("#") ? (1 + rnd.nextInt(12)) + g.substring(1) : g;
    }

    /** The number with words around it as a payer writes them in its language. */
    public static String wrap(String token, boolean inEnglish, RandomGenerator rnd) {
        while (true) {
            String out = once(token, inEnglish, rnd);
            if (!out.equals(token)) {
                return out;
            }
        }
    }

    /** The number with words around it in one language, once: may come out as the number alone. */
    public static String once(String token, boolean inEnglish, RandomGenerator rnd) {
        return inEnglish ? english(token, rnd) : chinese(token, rnd);
    }

    private static String chinese(String token, RandomGenerator rnd) {
        return CN_PREFIXES.get(rnd.nextInt(CN_PREFIXES.size())) + token + CN_SUFFIXES.get(rnd.nextInt(CN_SUFFIXES.size()));
    }

    private static String english(String token, RandomGenerator rnd) {
        String prefix = EN_PREFIXES.get(rnd.nextInt(EN_PREFIXES.size()));
        String suffix = EN_SUFFIXES.get(rnd.nextInt(EN_SUFFIXES.size()));
        boolean lower = !token.equals(token.toUpperCase(Locale.ROOT)) && rnd.nextBoolean();
        return lower ? (prefix + token + suffix).toLowerCase(Locale.ROOT) : prefix + token + suffix;
    }
}
