package io.crmrecon.demo;

import java.math.BigInteger;

/**
 * Numbers that look like the real thing: 统一社会信用代码 with valid check characters (GB 32100-2015 and
 * GB 11714), bank account numbers in the shapes Chinese banks use, IBANs with a valid check, phone numbers.
 * All invented; none belongs to anyone.
 */
final class Identifiers {

    static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private Identifiers() {
    }

    /** An 18-character unified social credit code of an enterprise registered in the given region (6 digits). */
    static String creditCode(Rng rng, String region) {
        // since 2015 most new organisation codes start with MA; older ones are all digits
        String orgBody = rng.percent(40)
                ? "MA" + rng.between(1, 9) + rng.pick("A", "B", "C", "D", "E", "F") + rng.digits(4)
                : rng.between(1, 9) + rng.digits(7);
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(orgBody.charAt(i), 36) * ORG_WEIGHTS[i];
        }
        int c9 = 11 - sum % 11;
        String orgCode = orgBody + (c9 == 10 ? "X" : c9 == 11 ? "0" : Integer.toString(c9));
        String body = "91" + region + orgCode;
        int total = 0;
        for (int i = 0; i < 17; i++) {
            total += USCC_CHARS.indexOf(body.charAt(i)) * USCC_WEIGHTS[i];
        }
        int check = 31 - total % 31;
        return body + USCC_CHARS.charAt(check == 31 ? 0 : check);
    }

    /** Chinese banks and the shape of their corporate account numbers. */
    enum Bank {
        ICBC("中国工商银行", "1001", 19),
        CCB("中国建设银行", "31050", 20),
        BOC("中国银行", "4", 12),
        ABC("中国农业银行", "09", 17),
        CMB("招商银行", "", 15),
        BOCOM("交通银行", "3100", 21),
        SPDB("上海浦东发展银行", "98", 18);

        final String chineseName;
        private final String prefix;
        private final int length;

        Bank(String chineseName, String prefix, int length) {
            this.chineseName = chineseName;
            this.prefix = prefix;
            this.length = length;
        }

        String account(Rng rng) {
            String p = this == CMB ? rng.pick("121", "755", "571", "591", "110") + "9" : prefix;
            return p + rng.between(1, 9) + rng.digits(length - p.length() - 1);
        }
    }

    /** A German IBAN with a valid check. */
    static String germanIban(Rng rng) {
        String bban = "2004" + rng.digits(4) + rng.between(1, 9) + rng.digits(9);
        return iban("DE", bban);
    }

    static String iban(String country, String bban) {
        String rearranged = bban + country + "00";
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.digit(c, 36));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return country + (check < 10 ? "0" : "") + check + bban;
    }

    /** A landline number of a Chinese city, e.g. 021-58761234. */
    static String landline(Rng rng, String areaCode) {
        return areaCode + "-" + rng.between(2, 8) + rng.digits(7);
    }
}
