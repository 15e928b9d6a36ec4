package io.crmrecon.statement;

import io.crmrecon.common.ReconProperties;
import io.crmrecon.customer.Customers;
import io.crmrecon.notification.Outbox;
import io.crmrecon.notification.OutgoingMail;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A statement's mails: each is queued in the transaction that decided it (with a fresh link to the version), then
 * sent by a job of its own. The first that goes out makes the version {@code SENT} and starts the customer's time
 * to answer; a resend starts it again; a reminder changes nothing but the customer's memory.
 */
@Service
class StatementSending {

    private static final int NOTE_LENGTH = 2000;

    private final StatementRepository repository;
    private final Statements statements;
    private final StatementTokens tokens;
    private final StatementMails mails;
    private final StatementPdfs pdfs;
    private final Outbox outbox;
    private final Customers customers;
    private final ReconProperties recon;
    private final Clock clock;
    private final StatementAnswers answers;

    StatementSending(StatementRepository repository, Statements statements, StatementTokens tokens,
            StatementMails mails, StatementPdfs pdfs, Outbox outbox, Customers customers, ReconProperties recon,
            Clock clock, StatementAnswers answers) {
        this.repository = repository;
        this.answers = answers;
        this.pdfs = pdfs;
        this.statements = statements;
        this.tokens = tokens;
        this.mails = mails;
        this.outbox = outbox;
        this.customers = customers;
        this.recon = recon;
        this.clock = clock;
    }

    /**
     * Queues the {@code mailNo}-th mail of the instance (counted from 1) and returns its outbox id. Reminders and
     * resends of one version differ only by their number, which their outbox key carries, so each is queued once.
     */
    @Transactional
    long prepare(long statementId, MailKind kind, int mailNo) {
        Statement statement = find(statementId);
        String link = link(recon.publicBaseUrl(), tokens.issue(statement));
        byte[] pdf = pdfs.of(statementId).orElseThrow(() -> new IllegalStateException(
                "statement " + statement.statementNo() + " v" + statement.version() + " has no PDF to send"));
        OutgoingMail mail = mails.compose(statement, pdf, kind, link, answering(statement, kind).orElse(null));
        if (kind != MailKind.FIRST) {
            mail = new OutgoingMail(mail.key() + "/" + mailNo, mail.to(), mail.cc(), mail.subject(), mail.html(),
                    mail.text(), mail.attachments(), mail.locale());
        }
        return outbox.enqueue(mail);
    }

    /**
     * The dispute a mail answers: the first mail of a version that replaced a disputed one (accepted), or a mail sent
     * again after the version's dispute was rejected.
     */
    private java.util.Optional<StatementAnswers.ClosedDispute> answering(Statement statement, MailKind kind) {
        if (kind == MailKind.FIRST) {
            return answers.replacedDispute(statement);
        }
        if (kind == MailKind.RESEND) {
            // a rejected dispute reopens the version and sends it again at once; a clerk's later resend answers no
            // dispute: only one closed since the version was last sent is answered
            return answers.lastClosedDispute(statement.id(), statement.sentAt());
        }
        return java.util.Optional.empty();
    }

    /** Sends the queued mail (throws when the server refuses it, for the job to retry), then records it. */
    @Transactional
    void deliver(long statementId, long outboxId, MailKind kind) {
        outbox.deliver(outboxId);
        Statement statement = find(statementId);
        Instant now = clock.instant();
        switch (kind) {
            case FIRST -> {
                if (statement.status() == StatementStatus.GENERATED || statement.status() == StatementStatus.FAILED) {
                    statements.move(statementId, StatementStatus.SENT, "system", null);
                    statement.sent(now, AnswerPeriod.due(now, clock.getZone(), confirmationDays(statement)));
                }
            }
            case RESEND -> {
                if (statement.status() == StatementStatus.SENT) {
                    statement.sent(now, AnswerPeriod.due(now, clock.getZone(), confirmationDays(statement)));
                }
            }
            case REMINDER -> {
                // the answer period goes on as it was
            }
        }
    }

    /** The first mail could not be sent after its last retry: the version is FAILED (Cockpit has the incident). */
    @Transactional
    void failed(long statementId, String reason) {
        // inside the engine's handling of the failed job: nothing here may throw, or the incident is lost with it
        Statement statement = repository.findById(statementId).orElse(null);
        if (statement != null && statement.status() == StatementStatus.GENERATED) {
            String note = reason == null ? null : reason.length() > NOTE_LENGTH ? reason.substring(0, NOTE_LENGTH)
                    : reason;
            statements.move(statementId, StatementStatus.FAILED, "system", note);
        }
    }

    static String link(String publicBaseUrl, String token) {
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        return base + "/s/" + token;
    }

    private int confirmationDays(Statement statement) {
        return customers.byId(statement.customerId())
                .orElseThrow(() -> new IllegalStateException("no customer " + statement.customerId()))
                .getConfirmationDays();
    }

    private Statement find(long statementId) {
        return repository.findById(statementId)
                .orElseThrow(() -> new IllegalArgumentException("no statement " + statementId));
    }
}
