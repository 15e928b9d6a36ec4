package io.crmrecon.bankfile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code :86:} information of one MT940 line. Banks fill it in three ways:
 * <ul>
 * <li>German-style sub-fields {@code 166?00GUTSCHRIFT?20EREF+...?21...?32NAME} (Triodos writes {@code >} for
 * {@code ?}), with SEPA tags ({@code EREF+}, {@code SVWZ+}, ...) starting sub-fields;</li>
 * <li>slash codes {@code /EREF/.../NAME/.../REMI/...} (Rabobank, ABN AMRO SEPA);</li>
 * <li>free text, kept as remittance information.</li>
 * </ul>
 * Structured forms wrap at 65 characters wherever the text happens to be, even inside a word or a sub-field code,
 * so their lines are joined without a separator; free text is joined with a space.
 */
record Mt940Details(String remittance, String counterpartyName, String counterpartyAccount, String endToEndId,
        String creditorReference) {

    static final Mt940Details NONE = new Mt940Details(null, null, null, null, null);

    static final Pattern IBAN = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{10,30}");
    private static final Pattern SUBFIELDS_START = Pattern.compile("\\d{3}[?>].*", Pattern.DOTALL);
    private static final Pattern SEPA_TAG =
            Pattern.compile("(EREF|KREF|MREF|CRED|DEBT|COAM|OAMT|SVWZ|ABWA|ABWE|IBAN|BIC)\\+");
    private static final String SLASH_CODE_LIST = "TRTP|EREF|MARF|CSID|BENM|ORDP|NAME|ID|ADDR|IBAN|BIC|REMI|CNTP"
            + "|PREF|RTRN|ISDT|ULTC|ULTD|ULTB|PURP|SUM|NRTX|CDTRREFTP|CDTRREF|CHGS|EXCH|OCMT|RTYP|TRCD|SVCL";
    private static final Pattern SLASH_CODE = Pattern.compile("/(" + SLASH_CODE_LIST + ")/");

    static Mt940Details parse(List<String> lines) {
        if (lines.isEmpty()) {
            return NONE;
        }
        String joined = String.join("", lines).strip();
        if (SUBFIELDS_START.matcher(joined).matches()) {
            return subfields(joined);
        }
        if (SLASH_CODE.matcher(joined).lookingAt()) {
            return slashCodes(joined, lines);
        }
        return new Mt940Details(blankToNull(freeText(lines)), null, null, null, null);
    }

    private static Mt940Details subfields(String text) {
        char separator = text.charAt(3);
        Matcher m = Pattern.compile(Pattern.quote(String.valueOf(separator)) + "(\\d{2})").matcher(text);
        Map<Integer, String> fields = new TreeMap<>();
        int code = -1;
        int valueStart = -1;
        while (m.find()) {
            if (code >= 0) {
                fields.merge(code, text.substring(valueStart, m.start()), String::concat);
            }
            code = Integer.parseInt(m.group(1));
            valueStart = m.end();
        }
        if (code >= 0) {
            fields.merge(code, text.substring(valueStart), String::concat);
        }

        // ?20-?29 and their continuation ?60-?63 form one text. SEPA tags open sections at sub-field starts, and
        // where a blank comes before them: Deutsche Bank and Commerzbank run them on inside a sub-field, even split
        // across two ("MR" / "EF+")
        // Triodos (the > separator) puts the counterparty's BIC in >20 and IBAN in >21, and our own account in >31
        boolean triodos = separator == '>';
        String triodosIban = triodos ? blankToNull(fields.get(21)) : null;
        if (triodosIban != null && !IBAN.matcher(triodosIban).matches()) {
            triodosIban = null;
        }
        StringBuilder purpose = new StringBuilder();
        Set<Integer> starts = new HashSet<>();
        for (Map.Entry<Integer, String> field : fields.entrySet()) {
            int c = field.getKey();
            if (triodosIban != null && (c == 20 || c == 21)) {
                continue;
            }
            if (c >= 20 && c <= 29 || c >= 60 && c <= 63) {
                starts.add(purpose.length());
                purpose.append(field.getValue());
            }
        }
        String untagged = "";
        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        Matcher tags = SEPA_TAG.matcher(purpose);
        String tag = null;
        int from = 0;
        while (tags.find()) {
            int at = tags.start();
            if (!starts.contains(at) && !Character.isWhitespace(purpose.charAt(at - 1))) {
                continue;
            }
            if (tag == null) {
                untagged = purpose.substring(from, at);
            } else {
                sections.computeIfAbsent(tag, t -> new StringBuilder()).append(purpose, from, at);
            }
            tag = tags.group(1);
            from = tags.end();
        }
        if (tag == null) {
            untagged = purpose.toString();
        } else {
            sections.computeIfAbsent(tag, t -> new StringBuilder()).append(purpose, from, purpose.length());
        }
        String remittance = sections.containsKey("SVWZ") ? text(sections.get("SVWZ")) : blankToNull(untagged);
        String name = blankToNull(fields.getOrDefault(32, "") + fields.getOrDefault(33, ""));
        if (name == null) {
            name = text(sections.get("ABWA"));
        }
        String account = triodos ? triodosIban : blankToNull(fields.get(31));
        if (account == null) {
            account = text(sections.get("IBAN"));
        }
        String endToEnd = BankReferences.meaningful(text(sections.get("EREF")));
        return new Mt940Details(remittance, name, account, endToEnd, null);
    }

    /**
     * A code's value without the slash that closes it ({@code /EREF/123//MARF/}: "123", not "123/"); the first
     * value that says something when a code comes twice (Rabobank's {@code /REMI//REMI/text}).
     */
    private static void keep(Map<String, String> values, String code, String value) {
        String v = trimSlashes(value);
        values.merge(code, v, (before, again) -> before.isBlank() ? again : before);
    }

    private static String freeText(List<String> lines) {
        List<String> parts = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                parts.add(line.strip());
            }
        }
        return String.join(" ", parts);
    }

    private static Mt940Details slashCodes(String text, List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = SLASH_CODE.matcher(text);
        String code = null;
        int valueStart = 0;
        while (m.find()) {
            if (code != null) {
                keep(values, code, text.substring(valueStart, m.start()));
            }
            code = m.group(1);
            valueStart = m.end();
        }
        if (code != null) {
            keep(values, code, text.substring(valueStart));
        }
        String name = blankToNull(values.get("NAME"));
        String account = blankToNull(values.get("IBAN"));
        String cntp = values.get("CNTP");
        if (cntp != null) {
            // Rabobank: /CNTP/account/BIC/name/city/
            String[] parts = cntp.split("/", -1);
            if (account == null && parts.length > 0) {
                account = blankToNull(parts[0]);
            }
            if (name == null && parts.length > 2) {
                name = blankToNull(parts[2]);
            }
        }
        String remittance = blankToNull(values.get("REMI"));
        if (remittance == null && !values.containsKey("REMI")) {
            // no /REMI/ (HSBC's /OCMT/ then free text, a batch's /PREF/, /BENM/ with the purpose): the whole text is
            // what a clerk and the matching read, rather than nothing
            remittance = blankToNull(freeText(lines));
        }
        String creditorReference = null;
        if (remittance != null) {
            // ABN AMRO: /REMI/USTD//free text/ or /REMI/STRD/CUR/creditor reference/
            if (remittance.startsWith("USTD//")) {
                remittance = blankToNull(trimSlashes(remittance.substring(6)));
            } else if (remittance.startsWith("STRD/CUR/")) {
                remittance = blankToNull(trimSlashes(remittance.substring(9)));
                creditorReference = remittance;
            }
        }
        String endToEnd = BankReferences.meaningful(blankToNull(values.get("EREF")));
        return new Mt940Details(remittance, name, account, endToEnd, creditorReference);
    }

    private static String trimSlashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(0, end);
    }

    private static String text(StringBuilder sb) {
        return sb == null ? null : blankToNull(sb.toString());
    }

    static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
