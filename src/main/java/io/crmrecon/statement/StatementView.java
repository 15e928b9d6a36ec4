package io.crmrecon.statement;

import io.crmrecon.customer.Customer;
import io.crmrecon.ledger.Ageing;
import io.crmrecon.statement.StatementSnapshot.Line;
import io.crmrecon.statement.StatementSnapshot.OpenItem;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A statement as the page, the e-mail and the PDF show it: every value already a string in the customer's
 * language, amounts written as the customer's locale writes them. Built by {@link #of}; templates only print.
 * Public because FreeMarker reads only public types.
 */
public record StatementView(String language, String statementNo, int version, String period, String generatedAt,
        String currency, String customerCode, String customerName, CompanyDetails company, String opening,
        List<Row> adjustments, List<Row> lines, String closing, boolean closingInCustomersFavour,
        List<Item> openItems, List<Bucket> ageing, String unappliedCash, boolean hasUnappliedCash,
        List<Row> payables, String payablesTotal, String net) {

    /** A line: debit what raises the balance, credit what lowers it; one of them empty. */
    public record Row(String date, String kind, String documentNo, String reference, String due, String debit,
            String credit, String balance, boolean disputed) {
    }

    public record Item(String documentNo, String kind, String issued, String due, String amount, String open,
            String overdue, boolean disputed) {
    }

    public record Bucket(String label, String amount) {
    }

    /** The header facts a snapshot does not carry. */
    record Header(String statementNo, int version, String customerCode, String customerName, Locale locale) {

        /** A stored version's header; a customer no longer found shows as blank. */
        static Header of(Statement statement, Optional<Customer> customer, Locale locale) {
            return new Header(statement.statementNo(), statement.version(),
                    customer.map(Customer::getCustomerCode).orElse(""), customer.map(Customer::getName).orElse(""),
                    locale);
        }
    }

    static StatementView of(StatementSnapshot s, Header h, CompanyDetails company, ZoneId zone,
            Function<String, String> text) {
        Locale locale = h.locale();
        NumberFormat numbers = NumberFormat.getNumberInstance(locale);
        int digits = s.closingBalance().scale();
        numbers.setMinimumFractionDigits(digits);
        numbers.setMaximumFractionDigits(digits);
        Function<BigDecimal, String> money = numbers::format;
        List<Row> adjustments = rows(s.adjustments(), money, text);
        List<Row> lines = rows(s.lines(), money, text);
        List<Item> items = new ArrayList<>();
        for (OpenItem i : s.openItems()) {
            items.add(new Item(i.documentNo(), text.apply("statement.kind." + i.type().name()),
                    i.issueDate().toString(), i.dueDate().toString(), money.apply(i.type().signed(i.amount())),
                    money.apply(i.open()), i.daysLate() > 0 ? Long.toString(i.daysLate()) : "", i.disputed()));
        }
        List<Bucket> ageing = new ArrayList<>();
        for (String bucket : Ageing.BUCKETS) {
            ageing.add(new Bucket(text.apply("statement.ageing." + bucket),
                    money.apply(s.ageing().getOrDefault(bucket, BigDecimal.ZERO))));
        }
        return new StatementView(locale.getLanguage(), h.statementNo(), h.version(), s.period().toString(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(s.asOf()), s.currency(),
                h.customerCode(), h.customerName(), company, money.apply(s.openingBalance()), adjustments, lines,
                money.apply(s.closingBalance().abs()), s.closingBalance().signum() < 0, items, ageing,
                money.apply(s.unappliedCash()), s.unappliedCash().signum() != 0,
                rows(s.payables(), money, text), money.apply(s.payablesBalance()), money.apply(s.netPosition()));
    }

    private static List<Row> rows(List<Line> lines, Function<BigDecimal, String> money,
            Function<String, String> text) {
        List<Row> rows = new ArrayList<>();
        for (Line l : lines) {
            boolean raises = l.amount().signum() > 0;
            rows.add(new Row(l.date().toString(), text.apply("statement.kind." + l.kind().name()),
                    l.documentNo() == null ? "" : l.documentNo(), l.reference() == null ? "" : l.reference(),
                    l.dueDate() == null ? "" : l.dueDate().toString(), raises ? money.apply(l.amount()) : "",
                    raises ? "" : money.apply(l.amount().negate()), money.apply(l.balance()), l.disputed()));
        }
        return rows;
    }
}
