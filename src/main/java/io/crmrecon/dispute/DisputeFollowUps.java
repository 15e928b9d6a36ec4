package io.crmrecon.dispute;

import io.crmrecon.common.Money;
import io.crmrecon.statement.StatementFollowUps;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A statement's disputes for its staff page: who decided what and when, the amount, the note, the document. */
@Component
@Transactional(readOnly = true)
class DisputeFollowUps implements StatementFollowUps {

    private final DisputeRepository repository;
    private final DisputeJournal journal;
    private final MessageSource messages;

    DisputeFollowUps(DisputeRepository repository, DisputeJournal journal, MessageSource messages) {
        this.repository = repository;
        this.journal = journal;
        this.messages = messages;
    }

    @Override
    public List<FollowUp> of(String statementNo, Locale locale) {
        return repository.findByStatementNoOrderByOpenedAt(statementNo).stream().map(d -> new FollowUp(
                text("dispute.followUp.kind", locale) + " · v" + d.statementVersion(), d.disputeNo(),
                text("dispute.status." + d.status().name(), locale), d.processInstanceId(),
                journal.of(d.id()).stream().map(e -> new Entry(e.at(), e.actor(),
                        text("dispute.action." + e.action().name(), locale),
                        e.amount() == null ? null : d.currency() + " " + Money.display(e.amount(), d.currency()),
                        e.documentNo() == null ? e.note()
                                : e.documentNo() + (e.note() == null ? "" : " · " + e.note())))
                        .toList()))
                .toList();
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }
}
