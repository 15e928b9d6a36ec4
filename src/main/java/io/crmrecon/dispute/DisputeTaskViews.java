package io.crmrecon.dispute;

import io.crmrecon.common.Money;
import io.crmrecon.customer.Customer;
import io.crmrecon.customer.Customers;
import io.crmrecon.ledger.CustomerAccounts;
import io.crmrecon.statement.StatementDisputes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The variables a dispute's task forms show (read-only, local to the task): the dispute in the customer's words
 * and everything the investigator would otherwise look up elsewhere, with links to the statement and the account.
 */
@Service
@Transactional(readOnly = true)
class DisputeTaskViews {

    private final Disputes disputes;
    private final DisputeRepository repository;
    private final DisputeJournal journal;
    private final StatementDisputes statements;
    private final Customers customers;
    private final CustomerAccounts accounts;
    private final MessageSource messages;
    private final Clock clock;

    DisputeTaskViews(Disputes disputes, DisputeRepository repository, DisputeJournal journal,
            StatementDisputes statements, Customers customers, CustomerAccounts accounts, MessageSource messages,
            Clock clock) {
        this.disputes = disputes;
        this.repository = repository;
        this.journal = journal;
        this.statements = statements;
        this.customers = customers;
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock;
    }

    /** The task's name in Tasklist's list, and the variables its form shows. */
    record View(String taskName, Map<String, Object> variables) {
    }

    View of(long disputeId, String taskTitle) {
        Dispute d = disputes.get(disputeId);
        StatementDisputes.CustomerDispute given = statements.dispute(d.answerId())
                .orElseThrow(() -> new IllegalStateException("dispute " + d.disputeNo() + " has no answer"));
        Customer customer = customers.byId(d.customerId()).orElse(null);
        String code = customer == null ? "?" : customer.getCustomerCode();
        String name = customer == null ? "" : customer.getName();
        Set<String> documents = given.lines().stream().map(StatementDisputes.Line::documentNo)
                .collect(java.util.stream.Collectors.toSet());
        List<DisputeSummary.Applied> applied = accounts.historyOf(d.customerId(), documents).stream()
                .map(e -> new DisputeSummary.Applied(e.documentNo(), e.bankReference(),
                        e.bookingDate() == null ? "" : e.bookingDate().toString(), e.amount(), e.writeOff()))
                .toList();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("disputeNo", d.disputeNo());
        v.put("customerName", name + " (" + code + ")");
        v.put("statementNo", d.statementNo() + " v" + d.statementVersion() + " · " + d.period());
        v.put("disputedLines", DisputeSummary.lines(given, d.currency()));
        v.put("customerWords", DisputeSummary.customerWords(reason(d.reason()), given.comment()));
        v.put("documentHistory", DisputeSummary.documentHistory(applied, d.currency()));
        v.put("earlierDisputes", DisputeSummary.earlierDisputes(
                repository.findByCustomerIdOrderByOpenedAtDesc(d.customerId()), d.id(), clock.getZone()));
        v.put("disputeHistory", DisputeSummary.journal(journal.of(d.id()), d.currency(), clock.getZone()));
        // staff links are relative: Tasklist and these pages are served by the same application
        v.put("links", "[对账单 Statement " + d.statementNo() + "](/statements/" + encode(d.statementNo()) + ") · "
                + "[客户账户 Customer account " + code + "](/customers/" + encode(code) + ")");
        return new View(taskTitle + " " + d.disputeNo() + " " + name + " "
                + Money.display(d.disputedAmount(), d.currency()) + " " + d.currency(), v);
    }

    private String reason(String reason) {
        String key = "customerpage.reason." + reason;
        String zh = messages.getMessage(key, null, reason, Locale.SIMPLIFIED_CHINESE);
        String en = messages.getMessage(key, null, reason, Locale.ENGLISH);
        return zh.equals(en) ? en : zh + " / " + en;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
