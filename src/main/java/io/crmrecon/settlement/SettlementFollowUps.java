package io.crmrecon.settlement;

import io.crmrecon.common.Money;
import io.crmrecon.statement.StatementFollowUps;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A statement's settlement for its staff page: netted, requested, dunned, promised, paid — who and when. */
@Component
@Transactional(readOnly = true)
class SettlementFollowUps implements StatementFollowUps {

    private final SettlementRepository repository;
    private final SettlementJournal journal;
    private final MessageSource messages;

    SettlementFollowUps(SettlementRepository repository, SettlementJournal journal, MessageSource messages) {
        this.repository = repository;
        this.journal = journal;
        this.messages = messages;
    }

    @Override
    public List<FollowUp> of(String statementNo, Locale locale) {
        return repository.findBySettlementNo(Settlements.numberOf(statementNo)).stream().map(s -> new FollowUp(
                text("settlement.followUp.kind", locale), s.settlementNo(),
                text("settlement.status." + s.status().name(), locale), s.processInstanceId(),
                journal.of(s.id()).stream().map(e -> new Entry(e.at(), e.actor(),
                        text("settlement.action." + e.action().name(), locale),
                        e.amount() == null ? null : s.currency() + " " + Money.display(e.amount(), s.currency()),
                        e.note())).toList()))
                .toList();
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }
}
