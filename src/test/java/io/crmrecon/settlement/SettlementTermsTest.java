package io.crmrecon.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmrecon.common.FieldRefusal;
import io.crmrecon.ledger.DocumentType;
import io.crmrecon.ledger.OpenDocument;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The settlement's rules and the clerk's follow-up decision, without Spring or the engine. */
class SettlementTermsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 3);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static OpenDocument doc(long id, DocumentType type, String open, LocalDate due) {
        return new OpenDocument(id, "D" + id, null, 42, type, "CNY", new BigDecimal(open).abs(),
                new BigDecimal(open), due.minusDays(30), due);
    }

    @Test
    void anItemAnEarlierSettlementStillWaitsForIsNotAskedForTwice() {
        List<OpenDocument> open = List.of(doc(1, DocumentType.INVOICE, "100.00", TODAY),
                doc(2, DocumentType.INVOICE, "200.00", TODAY), doc(3, DocumentType.CREDIT_NOTE, "-50.00", TODAY));
        assertThat(SettlementTerms.items(open, Set.of(1L))).extracting(OpenDocument::documentId)
                .containsExactly(2L, 3L);
        assertThat(SettlementTerms.sum(SettlementTerms.items(open, Set.of()))).isEqualByComparingTo("250.00");
    }

    @Test
    void thePaymentIsDueByTheLatestItemButNeverSoonerThanTheMinimumDays() {
        List<OpenDocument> overdue = List.of(doc(1, DocumentType.INVOICE, "100.00", TODAY.minusDays(40)));
        assertThat(SettlementTerms.dueDate(overdue, TODAY, 7)).isEqualTo(TODAY.plusDays(7));
        List<OpenDocument> later = List.of(doc(1, DocumentType.INVOICE, "100.00", TODAY.minusDays(40)),
                doc(2, DocumentType.INVOICE, "100.00", TODAY.plusDays(20)),
                // a credit note's date says nothing about when to pay
                doc(3, DocumentType.CREDIT_NOTE, "-10.00", TODAY.plusDays(60)));
        assertThat(SettlementTerms.dueDate(later, TODAY, 7)).isEqualTo(TODAY.plusDays(20));
    }

    @Test
    void whatIsOwedAndWhatIsStillOutstanding() {
        assertThat(SettlementTerms.owed(new BigDecimal("0.01"))).isEqualTo(SettlementTerms.Owed.PAY);
        assertThat(SettlementTerms.owed(new BigDecimal("0.00"))).isEqualTo(SettlementTerms.Owed.NONE);
        assertThat(SettlementTerms.owed(new BigDecimal("-5"))).isEqualTo(SettlementTerms.Owed.REFUND);
        // cash on account pays the items once a clerk applies it: it already counts
        assertThat(SettlementTerms.outstanding(List.of(new BigDecimal("300.00"), new BigDecimal("-50.00")),
                new BigDecimal("250.00"))).isEqualByComparingTo("0.00");
        assertThat(SettlementTerms.daysOverdue(TODAY, TODAY)).isZero();
        assertThat(SettlementTerms.daysOverdue(TODAY, TODAY.plusDays(3))).isEqualTo(3);
        assertThat(SettlementTerms.daysOverdue(TODAY.plusDays(3), TODAY)).isZero();
    }

    @Test
    void aPromiseIsADateAfterTodayGivenAsTextOrAsTheFormsDate() {
        CollectionDecision text = CollectionDecision.of("promised", "2026-11-20", " by phone ", "clara", TODAY, ZONE);
        assertThat(text.outcome()).isEqualTo(CollectionDecision.Outcome.PROMISED);
        assertThat(text.promisedDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(text.note()).isEqualTo("by phone");
        // a date picker's midnight in Shanghai is the day before in UTC
        Date picked = Date.from(LocalDate.of(2026, 11, 20).atStartOfDay(ZONE).toInstant());
        assertThat(CollectionDecision.of("PROMISED", picked, null, "clara", TODAY, ZONE).promisedDate())
                .isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(CollectionDecision.of("PROMISED", "2026-11-20T00:00:00", null, "c", TODAY, ZONE).promisedDate())
                .isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(CollectionDecision.of("PROMISED", "2026-12-5", null, "c", TODAY, ZONE).promisedDate())
                .isEqualTo(LocalDate.of(2026, 12, 5));
        // other outcomes ignore a date left in the form
        assertThat(CollectionDecision.of("PAID", "2026-11-20", null, "c", TODAY, ZONE).promisedDate()).isNull();
    }

    @Test
    void whatTheRulesRefuseNamesTheField() {
        assertRefused("MAYBE", null, null, "outcome", "settlement.followUp.badOutcome");
        assertRefused(null, null, null, "outcome", "settlement.followUp.badOutcome");
        assertRefused("PROMISED", null, null, "promisedDate", "settlement.followUp.dateMissing");
        assertRefused("PROMISED", "20.11.2026", null, "promisedDate", "settlement.followUp.dateUnreadable");
        // never a date cut short, nor a day that does not exist
        assertRefused("PROMISED", "2026-12-2099", null, "promisedDate", "settlement.followUp.dateUnreadable");
        assertRefused("PROMISED", "2026-11-31", null, "promisedDate", "settlement.followUp.dateUnreadable");
        assertRefused("PROMISED", TODAY.toString(), null, "promisedDate", "settlement.followUp.datePast");
        assertRefused("PROMISED", TODAY.plusDays(121).toString(), null, "promisedDate", "settlement.followUp.dateFar");
        assertRefused("WRITE_OFF_REQUEST", null, "  ", "note", "settlement.followUp.writeOffNeedsNote");
        assertRefused("PAID", null, "x".repeat(2001), "note", "settlement.followUp.noteTooLong");
    }

    static void assertRefused(Object outcome, Object date, Object note, String field, String code) {
        assertThatThrownBy(() -> CollectionDecision.of(outcome, date, note, "c", TODAY, ZONE))
                .isInstanceOfSatisfying(FieldRefusal.class, r -> {
                    assertThat(r.field()).isEqualTo(field);
                    assertThat(r.code()).isEqualTo(code);
                });
    }
}
