package io.crmrecon.matching;

import io.crmrecon.common.Money;
import io.crmrecon.customer.Customer;
import io.crmrecon.customer.Customers;
import io.crmrecon.ledger.LedgerQueries;
import io.crmrecon.ledger.NonCustomerCategory;
import io.crmrecon.ledger.OpenDocument;
import io.crmrecon.ledger.UnappliedTransaction;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the matching workbench shows, as plain texts in the clerk's language: the payment, the machine's
 * suggestions with their documents and reasons, the chosen customer's open items (with what the clerk typed when
 * a submission was refused), and the categories of money that is not a customer's payment.
 */
@Component
class WorkbenchModel {

    private static final int MATCHES = 10;

    private final LedgerQueries ledger;
    private final Customers customers;
    private final MatchingOutcomes outcomes;
    private final MessageSource messages;
    private final Clock clock;

    WorkbenchModel(LedgerQueries ledger, Customers customers, MatchingOutcomes outcomes, MessageSource messages,
            Clock clock) {
        this.ledger = ledger;
        this.customers = customers;
        this.outcomes = outcomes;
        this.messages = messages;
        this.clock = clock;
    }

    /** One open item, every value a text (a missing one is a dash). */
    public record Row(String documentNo, String type, String issueDate, String dueDate, String overdue,
            boolean overdueNow, String open, String openPlain, boolean suggested, String amount, String writeOff) {
    }

    public record Suggestion(int rank, String customerCode, String customerName, boolean shownCustomer,
            List<Row> documents, String reason) {
    }

    public record CustomerChoice(String code, String name) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    /** What the clerk typed, kept when a submission is refused. */
    record Typed(Map<String, String> amounts, Map<String, String> writeOffs, String note, String category,
            String choice) {
        static Typed none() {
            return new Typed(Map.of(), Map.of(), "", "", "customer");
        }
    }

    /** Everything the template reads. */
    public record View(String currency, int minorDigits, String payment, String paymentShown, String bookingDate, String payer,
            String payerAccount, String remittance, List<Suggestion> suggestions, String customerQuery,
            CustomerChoice customer, List<CustomerChoice> matches, String customerNotFound, List<Row> items,
            List<Option> categories, String note) {
    }

    View build(UnappliedTransaction t, String customerText, Typed typed) {
        Locale locale = LocaleContextHolder.getLocale();
        MatchingOutcomes.Latest latest = outcomes.latest(t.transactionId());
        String query = customerText == null ? "" : customerText.strip();
        Customer customer = null;
        List<CustomerChoice> matches = List.of();
        String notFound = null;
        if (!query.isEmpty()) {
            List<Customer> found = customers.byCodeOrSearch(query, MATCHES);
            if (found.size() == 1) {
                customer = found.get(0);
            } else if (found.isEmpty()) {
                notFound = query;
            } else {
                matches = found.stream().map(c -> new CustomerChoice(c.getCustomerCode(), c.getName())).toList();
            }
        } else if (latest.customerId() != null) {
            customer = customers.byId(latest.customerId()).orElse(null);
        }
        Set<String> suggestedNos = new HashSet<>();
        latest.suggestions().forEach(s -> suggestedNos.addAll(s.documentNos()));
        List<Row> items = new ArrayList<>();
        if (customer != null) {
            for (OpenDocument d : ledger.openDocumentsOf(customer.getId())) {
                if (d.currency().equals(t.currency())) {
                    items.add(row(d, suggestedNos.contains(d.documentNo()), typed, locale));
                }
            }
        }
        List<Suggestion> suggestions = suggestions(latest, customer, typed, locale);
        List<Option> categories = new ArrayList<>();
        for (NonCustomerCategory c : NonCustomerCategory.values()) {
            categories.add(new Option(c.name(), text("matching.category." + c.name(), locale),
                    c.name().equals(typed.category())));
        }
        return new View(t.currency(), Money.minorDigits(t.currency()), Money.format(t.remaining(), t.currency()),
                Money.display(t.remaining(), t.currency()),
                t.bookingDate().toString(), shown(t.counterpartyName()), shown(t.counterpartyAccount()),
                shown(join(t.remittanceInfo(), t.structuredReference())), suggestions, query,
                customer == null ? null : new CustomerChoice(customer.getCustomerCode(), customer.getName()),
                matches, notFound, items, categories, typed.note() == null ? "" : typed.note());
    }

    /** Customers for the search box: name, code or payer account containing the text. */
    List<CustomerChoice> search(String text) {
        return customers.search(text, MATCHES).stream()
                .map(c -> new CustomerChoice(c.getCustomerCode(), c.getName())).toList();
    }

    /** A refused choice in the clerk's language. */
    String refusal(ManualMatching.RefusedChoice refused) {
        return messages.getMessage(refused.code(), refused.args(), refused.code() + " " + Arrays.toString(
                refused.args()), LocaleContextHolder.getLocale());
    }

    private List<Suggestion> suggestions(MatchingOutcomes.Latest latest, Customer shown, Typed typed, Locale locale) {
        List<Suggestion> out = new ArrayList<>();
        int rank = 1;
        for (MatchingOutcomes.ShownSuggestion s : latest.suggestions()) {
            List<Row> documents = new ArrayList<>();
            for (String no : s.documentNos()) {
                if (no != null) {
                    ledger.openDocument(no).ifPresent(d -> documents.add(row(d, true, typed, locale)));
                }
            }
            Optional<Customer> customer = customers.byId(s.customerId());
            out.add(new Suggestion(rank++, customer.map(Customer::getCustomerCode).orElse(""),
                    customer.map(Customer::getName).orElse("—"),
                    shown != null && shown.getId() == s.customerId(), documents, reason(s.reason(), locale)));
        }
        return out;
    }

    private Row row(OpenDocument d, boolean suggested, Typed typed, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        long late = d.dueDate() == null ? 0 : ChronoUnit.DAYS.between(d.dueDate(), today);
        String overdue = d.dueDate() == null ? "—"
                : late > 0 ? Long.toString(late) : text("matching.workbench.notDue", locale);
        return new Row(d.documentNo(), text("document.type." + d.type().name(), locale),
                d.issueDate() == null ? "—" : d.issueDate().toString(),
                d.dueDate() == null ? "—" : d.dueDate().toString(), overdue, late > 0,
                Money.display(d.open(), d.currency()), Money.format(d.open(), d.currency()), suggested,
                typed.amounts().getOrDefault(d.documentNo(), ""), typed.writeOffs().getOrDefault(d.documentNo(), ""));
    }

    /** The engine's reason in this language; a sentence without a message code as the engine wrote it. */
    String reason(String reason, Locale locale) {
        MessageSourceResolvable resolvable = SuggestionReasons.of(reason);
        return messages.getMessage(resolvable, locale);
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }

    private static String join(String a, String b) {
        String x = a == null ? "" : a.strip();
        String y = b == null ? "" : b.strip();
        return x.isEmpty() ? y : y.isEmpty() || x.contains(y) ? x : x + " " + y;
    }

    private static String shown(String s) {
        return s == null || s.isBlank() ? "—" : s.strip();
    }
}
