package io.crmrecon.bankfile;

import io.crmrecon.bankfile.Mt940Fields.Field;
import io.crmrecon.common.ImportException;
import io.crmrecon.common.Money;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SWIFT MT940 customer statements: one or several {@code :20:} blocks, bare or inside {@code {1:..}{4: ... -}}
 * envelopes, with the header lines some banks put before each block (ABN AMRO {@code ABNANL2A / 940}, ING
 * {@code 0000 01INGBNL2AXXXX}, Rabobank {@code :940:}). Every problem is collected with its line number and
 * reported together.
 */
final class Mt940Reader {

    private static final Pattern BALANCE = Pattern.compile("([CD])(\\d{6})([A-Z]{3})?([\\d,.]+)");
    /** SWIFT writes a decimal comma; older exports (with {@code :940:} and {@code :28:} headers) a point. */
    private static final Pattern AMOUNT = Pattern.compile("\\d+([,.]\\d*)?");
    /** A :61: transaction type: N, F or S and three letters or digits (NTRF, NCHG, N062, S051). */
    private static final Pattern TYPE = Pattern.compile("[NFS][A-Z0-9]{3}");
    private static final Pattern SHORT_TYPE = Pattern.compile("[NFS][A-Z0-9]{2} ");
    /** Customer references that only say "there is none" or "look in :86:" (Rabobank, German SEPA). */
    private static final Set<String> NO_REFERENCE = Set.of("NONREF", "NOTPROVIDED", "EREF", "PREF", "MARF", "KREF+");

    private final BankErrors errors = new BankErrors();

    private static final class Statement {
        final int line;
        final String reference;
        String account;
        String number;
        Balance opening;
        Balance closing;
        boolean closingSeen;
        final List<Line> lines = new ArrayList<>();

        Statement(int line, String reference) {
            this.line = line;
            this.reference = reference;
        }
    }

    private record Balance(BigDecimal amount, String currency) {
    }

    private static final class Line {
        final Field field;
        Field details;

        Line(Field field) {
            this.field = field;
        }
    }

    static ParsedBankFile read(byte[] content) {
        return read(content, null);
    }

    /** {@code charset}: what the upload says the text is in, or null to tell from the bytes. */
    static ParsedBankFile read(byte[] content, Charset charset) {
        return new Mt940Reader().parse(BankText.decode(content, charset));
    }

    private ParsedBankFile parse(String text) {
        List<Statement> statements = new ArrayList<>();
        Statement statement = null;
        Field previous = null;
        for (Field field : Mt940Fields.of(text)) {
            if (field.tag().equals("940")) {
                // the header line of older exports (Rabobank): nothing of a statement yet
                continue;
            }
            if (field.tag().equals("20")) {
                statement = new Statement(field.line(), field.first());
                statements.add(statement);
                previous = field;
                continue;
            }
            if (statement == null) {
                error(field.line(), "import.bank.mt940.before-statement", field.tag());
                continue;
            }
            switch (field.tag()) {
                case "25" -> statement.account = field.first();
                case "28", "28C" -> statement.number = field.first();
                case "60F", "60M" -> {
                    if (statement.opening == null) {
                        statement.opening = balance(field, null);
                    }
                }
                case "62F", "62M" -> {
                    statement.closingSeen = true;
                    if (statement.closing == null) {
                        statement.closing = balance(field, statement.opening);
                    }
                }
                case "61" -> statement.lines.add(new Line(field));
                case "86" -> {
                    // after a :61: it describes that line; elsewhere it is information about the whole statement.
                    // Some banks (old Rabobank, Danske Bank) write a line's information as several :86: in a row
                    Line last = statement.lines.isEmpty() ? null : statement.lines.get(statement.lines.size() - 1);
                    if (previous != null && previous.tag().equals("61")) {
                        last.details = field;
                    } else if (previous != null && previous.tag().equals("86") && last != null
                            && last.details != null) {
                        List<String> joined = new ArrayList<>(last.details.lines());
                        joined.addAll(field.lines());
                        last.details = new Field("86", last.details.line(), joined);
                    }
                }
                default -> {
                    // :21:, :13D:, :34F:, :64:, :65:, :90D:, :NS: carry nothing a transaction needs
                }
            }
            previous = field;
        }
        if (statements.isEmpty() && errors.isEmpty()) {
            throw ImportException.ofFile("import.bank.mt940.no-statement");
        }
        List<ParsedStatement> parsed = new ArrayList<>();
        for (Statement s : statements) {
            parsed.add(statement(s));
        }
        if (!errors.isEmpty()) {
            throw errors.refuse("import.bank.mt940.invalid", true);
        }
        return new ParsedBankFile(BankFileFormat.MT940, parsed);
    }

    /** A balance; one that leaves its currency out (seen in German exports) is in the opening balance's. */
    private Balance balance(Field field, Balance opening) {
        Matcher m = BALANCE.matcher(field.first());
        if (!m.matches()) {
            error(field.line(), "import.bank.mt940.balance", field.tag(), field.first());
            return null;
        }
        if (date(field, m.group(2)) == null) {
            return null;
        }
        String currency = m.group(3) != null ? m.group(3) : opening != null ? opening.currency : null;
        BigDecimal amount = amount(field, m.group(4), currency);
        if (amount == null) {
            return null;
        }
        return new Balance(m.group(1).equals("D") ? amount.negate() : amount, currency);
    }

    private ParsedStatement statement(Statement s) {
        if (s.account == null || s.account.isEmpty()) {
            error(s.line, "import.bank.mt940.no-account", s.reference);
        }
        if (!s.closingSeen) {
            // every statement ends with its closing balance: without it the transmission was cut off
            error(s.line, "import.bank.mt940.no-closing", s.reference);
        }
        String currency = s.opening != null ? s.opening.currency : s.closing != null ? s.closing.currency : null;
        if (currency == null && !s.lines.isEmpty()) {
            error(s.line, "import.bank.mt940.no-opening", s.reference);
        }
        String account = withoutCurrency(s.account, currency);
        List<ParsedTransaction> transactions = new ArrayList<>();
        if (currency != null && BankAmounts.currencyProblem(currency) == null) {
            for (Line line : s.lines) {
                ParsedTransaction t = transaction(account, currency, line);
                if (t != null) {
                    transactions.add(t);
                }
            }
        }
        String id = s.number == null ? s.reference : s.reference + "/" + s.number;
        return new ParsedStatement(id, account, currency, s.opening == null ? null : s.opening.amount,
                s.closing == null ? null : s.closing.amount, transactions);
    }

    /**
     * {@code :61:} is value date YYMMDD, [entry date MMDD], C/D/RC/RD, [funds code], amount, type (N/F/S + 3),
     * customer reference [//bank reference], then supplementary details on the next line.
     */
    private ParsedTransaction transaction(String account, String currency, Line line) {
        Field f = line.field;
        String s = f.first();
        int continuation = 1;
        if (!digits(s, 0, 6)) {
            error(f.line(), "import.bank.mt940.line.no-value-date");
            return null;
        }
        LocalDate value = date(f, s.substring(0, 6));
        int pos = 6;
        String entryDate = null;
        if (digits(s, pos, 4)) {
            entryDate = s.substring(pos, pos + 4);
            pos += 4;
        }
        String mark;
        // ABN AMRO's own published examples write the mark in lower case
        String ahead = s.substring(pos, Math.min(pos + 2, s.length())).toUpperCase(Locale.ROOT);
        if (ahead.equals("RC") || ahead.equals("RD")) {
            mark = ahead;
        } else if (ahead.startsWith("C") || ahead.startsWith("D")) {
            mark = ahead.substring(0, 1);
        } else {
            error(f.line(), "import.bank.mt940.line.no-mark");
            return null;
        }
        pos += mark.length();
        // the funds code is the third letter of the currency, present only when the bank needs it
        if (pos + 1 < s.length() && isLetter(s.charAt(pos)) && isDigit(s.charAt(pos + 1))) {
            pos++;
        }
        if (pos == s.length() && f.lines().size() > 1) {
            // some savings banks break the line before the amount
            s = s + f.lines().get(1).strip();
            continuation = 2;
        }
        int amountEnd = pos;
        while (amountEnd < s.length() && (isDigit(s.charAt(amountEnd)) || s.charAt(amountEnd) == ','
                || s.charAt(amountEnd) == '.')) {
            amountEnd++;
        }
        if (amountEnd == pos) {
            error(f.line(), "import.bank.mt940.line.no-amount");
            return null;
        }
        String amountText = s.substring(pos, amountEnd);
        if (!AMOUNT.matcher(amountText).matches()) {
            error(f.line(), "import.bank.mt940.amount", f.tag(), amountText);
            return null;
        }
        BigDecimal amount = amount(f, amountText, currency);
        pos = amountEnd;
        // Deutsche Bank leaves a blank before the type (D12,35 NRTIKREF+)
        while (pos < s.length() && s.charAt(pos) == ' ') {
            pos++;
        }
        // some banks leave the transaction type out and go straight to the reference
        String type = null;
        if (pos + 4 <= s.length() && TYPE.matcher(s.substring(pos, pos + 4)).matches()
                && !s.startsWith("NONREF", pos)) {
            type = s.substring(pos, pos + 4);
            pos += 4;
        } else if (pos + 4 <= s.length() && SHORT_TYPE.matcher(s.substring(pos, pos + 4)).matches()) {
            // Triodos and ING write a three-character type and a blank (NET NONREF, NIC MARF)
            type = s.substring(pos, pos + 3);
            pos += 4;
        }
        String rest = s.substring(pos);
        int slashes = rest.indexOf("//");
        String customerReference = (slashes >= 0 ? rest.substring(0, slashes) : rest).strip();
        String bankReference = slashes >= 0 ? rest.substring(slashes + 2).strip() : "";
        String supplementary = f.lines().size() > continuation ? f.lines().get(continuation).strip() : "";

        if (value == null || amount == null) {
            return null;
        }
        LocalDate booking = value;
        if (entryDate != null) {
            booking = entryDate(value, Integer.parseInt(entryDate.substring(0, 2)),
                    Integer.parseInt(entryDate.substring(2)));
            if (booking == null) {
                error(f.line(), "import.bank.mt940.line.entry-date", entryDate);
                return null;
            }
        }
        // RC (reversal of a credit) takes money out, RD (reversal of a debit) brings it back
        boolean out = mark.equals("D") || mark.equals("RC");
        Mt940Details details = line.details == null ? Mt940Details.NONE : Mt940Details.parse(line.details.lines());

        // only the bank's own reference (after //) identifies the booking; the account owner's reference before
        // it is the payer's text (often an invoice number), not unique, so it goes to matching instead
        String reference = BankReferences.meaningful(bankReference);
        String ownerReference = customerReference.isEmpty()
                || NO_REFERENCE.contains(customerReference.toUpperCase(Locale.ROOT)) ? null : customerReference;
        String counterpartyAccount = details.counterpartyAccount();
        if (counterpartyAccount == null && Mt940Details.IBAN.matcher(supplementary).matches()) {
            // Rabobank puts the counterparty's IBAN in the supplementary details
            counterpartyAccount = supplementary;
        }
        String structured = details.creditorReference() != null ? details.creditorReference()
                : details.endToEndId() != null ? details.endToEndId() : ownerReference;
        return new ParsedTransaction(account, reference, booking, value, out ? amount.negate() : amount, currency,
                details.counterpartyName(), counterpartyAccount, details.remittance(), structured,
                details.endToEndId(), type);
    }

    /**
     * ING, Bunq and others end the :25: account with the statement's currency ({@code NL62INGB0006868686EUR},
     * {@code NL10BUNQ2290325473 EUR}): the account is the number before it, as a camt file of the same account names
     * it, or the same bookings from the two formats would not be known as one.
     */
    static String withoutCurrency(String account, String currency) {
        if (account == null || currency == null) {
            return account;
        }
        String a = account.strip();
        if (a.length() <= currency.length() + 1 || !a.endsWith(currency)) {
            return account;
        }
        String number = a.substring(0, a.length() - currency.length());
        char last = number.charAt(number.length() - 1);
        if (!isDigit(last) && last != ' ' && last != '/') {
            return account;
        }
        String stripped = number.strip();
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    /** The entry date has no year: take the one that puts it nearest the value date (statements cross New Year). */
    static LocalDate entryDate(LocalDate value, int month, int day) {
        LocalDate best = null;
        for (int year = value.getYear() - 1; year <= value.getYear() + 1; year++) {
            try {
                LocalDate candidate = LocalDate.of(year, month, day);
                if (best == null || Math.abs(ChronoUnit.DAYS.between(value, candidate))
                        < Math.abs(ChronoUnit.DAYS.between(value, best))) {
                    best = candidate;
                }
            } catch (DateTimeException e) {
                // 29 February exists only in some of the years tried
            }
        }
        return best;
    }

    private LocalDate date(Field f, String yymmdd) {
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int month = Integer.parseInt(yymmdd.substring(2, 4));
        int day = Integer.parseInt(yymmdd.substring(4, 6));
        try {
            YearMonth ym = YearMonth.of(yy < 80 ? 2000 + yy : 1900 + yy, month);
            if (day >= 1 && day <= 31 && day > ym.lengthOfMonth() && ym.getMonthValue() == 2 && day <= 30) {
                // German banks count interest in 30-day months and write value dates such as 30 February
                return ym.atEndOfMonth();
            }
            return ym.atDay(day);
        } catch (DateTimeException e) {
            error(f.line(), "import.bank.mt940.date", f.tag(), yymmdd);
            return null;
        }
    }

    private BigDecimal amount(Field f, String text, String currency) {
        String problem = BankAmounts.currencyProblem(currency);
        if (problem != null) {
            error(f.line(), problem, ":" + f.tag() + ":", currency);
            return null;
        }
        if (!AMOUNT.matcher(text).matches()) {
            error(f.line(), "import.bank.mt940.amount", f.tag(), text);
            return null;
        }
        String plain = text.replace(',', '.');
        if (plain.endsWith(".")) {
            plain = plain.substring(0, plain.length() - 1);
        }
        BigDecimal amount = BankAmounts.fit(new BigDecimal(plain), currency);
        if (amount == null) {
            error(f.line(), BankAmounts.TOO_MANY_DECIMALS, ":" + f.tag() + ":", text, currency,
                    Money.minorDigits(currency));
        }
        return amount;
    }

    private static boolean digits(String s, int from, int count) {
        if (s.length() < from + count) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private void error(int line, String code, Object... args) {
        errors.add(line, code, args);
    }
}
