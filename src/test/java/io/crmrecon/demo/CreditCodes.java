package io.crmrecon.demo;

/** Checks a 统一社会信用代码 the way a tax office does: the generated ones must pass. */
final class CreditCodes {

    private CreditCodes() {
    }

    /** True when the code's check character is right. */
    static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int total = 0;
        for (int i = 0; i < 17; i++) {
            int v = Identifiers.USCC_CHARS.indexOf(code.charAt(i));
            if (v < 0) {
                return false;
            }
            total += v * Identifiers.USCC_WEIGHTS[i];
        }
        int check = 31 - total % 31;
        return code.charAt(17) == Identifiers.USCC_CHARS.charAt(check == 31 ? 0 : check);
    }
}
