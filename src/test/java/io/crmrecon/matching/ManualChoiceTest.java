package io.crmrecon.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmrecon.ledger.NonCustomerCategory;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which choice the variables that complete manualMatch make, and the combinations that are refused. */
class ManualChoiceTest {

    @Test
    void aCategoryBooksMoneyThatIsNotACustomersPayment() {
        ManualChoice c = ManualChoice.of(List.of(), null, null, "", "interest", " bank interest Q3 ");
        assertThat(c.kind()).isEqualTo(ManualChoice.Kind.NON_CUSTOMER);
        assertThat(c.category()).isEqualTo(NonCustomerCategory.INTEREST);
        assertThat(c.note()).isEqualTo("bank interest Q3");
    }

    @Test
    void anUnknownCategoryIsRefusedNamingIt() {
        assertThatThrownBy(() -> ManualChoice.of(List.of(), null, null, null, "GIFT", null))
                .isInstanceOfSatisfying(ManualMatching.RefusedChoice.class, e -> {
                    assertThat(e.code()).isEqualTo("matching.refused.category");
                    assertThat(e.args()).containsExactly("GIFT");
                });
    }

    @Test
    void nonCustomerMoneyNamesNoDocumentAndNoCustomer() {
        for (ManualChoice.Kind ignored : ManualChoice.Kind.values()) {
            assertThatThrownBy(() -> ManualChoice.of(List.of("INV-1"), null, null, null, "REFUND", null))
                    .isInstanceOf(ManualMatching.RefusedChoice.class);
        }
        assertThatThrownBy(() -> ManualChoice.of(List.of(), null, null, "C1", "REFUND", null))
                .hasMessageContaining("matching.refused.categoryWithCustomer");
        assertThatThrownBy(() -> ManualChoice.of(List.of(), null, 7L, null, "REFUND", null))
                .hasMessageContaining("matching.refused.categoryWithCustomer");
        assertThatThrownBy(() -> ManualChoice.of(List.of(), List.of(line("INV-1")), null, null, "REFUND", null))
                .hasMessageContaining("matching.refused.categoryWithCustomer");
    }

    @Test
    void aBlankCategoryIsNoCategory() {
        assertThat(ManualChoice.of(List.of("INV-1"), null, null, null, " ", null).kind())
                .isEqualTo(ManualChoice.Kind.SETTLE_IN_FULL);
    }

    @Test
    void noDocumentsLeavesThePaymentOnAccountOfTheNamedCustomer() {
        ManualChoice c = ManualChoice.of(List.of(), null, null, " C-1 ", null, null);
        assertThat(c.kind()).isEqualTo(ManualChoice.Kind.ON_ACCOUNT);
        assertThat(c.customerCode()).isEqualTo("C-1");
        assertThat(ManualChoice.of(null, null, null, null, null, null).kind()).isEqualTo(ManualChoice.Kind.ON_ACCOUNT);
    }

    @Test
    void detailedLinesWinOverNothingButNotOverDocumentNumbers() {
        assertThat(ManualChoice.of(List.of(), List.of(), null, "C-1", null, null).kind())
                .isEqualTo(ManualChoice.Kind.LINES);
        assertThatThrownBy(() -> ManualChoice.of(List.of("INV-2"), List.of(line("INV-1")), null, null, null, null))
                .hasMessageContaining("matching.refused.linesAndDocumentNos");
    }

    private static ManualMatching.Line line(String no) {
        return new ManualMatching.Line(no, BigDecimal.TEN, BigDecimal.ZERO);
    }
}
