package io.crmrecon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A test's own two customers, A and B, each with a bank account, and their invoices, imported through the API as a
 * clerk would: codes and numbers start with a prefix of random capital letters, so tests share one database without
 * seeing each other's ledger.
 */
public final class TwoCustomers {

    /** A customer's name with {@code %s} where the prefix goes, and the first digits of its bank account. */
    public record Customer(String namePattern, String accountDigits) {
    }

    /** The prefix: customer codes are {@code {p}A} and {@code {p}B}, invoices {@code {p}-INV-1}, … */
    public final String p;
    public final String accountA;
    public final String accountB;

    private TwoCustomers(String p, String accountA, String accountB) {
        this.p = p;
        this.accountA = accountA;
        this.accountB = accountB;
    }

    /**
     * {@code initial} and {@code letters} random capitals make the prefix (letters only: the engine reads a number
     * with many runs of letters and digits as a typo of another); {@code invoices}: "A,2026-10-01,1000.00" each,
     * numbered in order.
     */
    public static TwoCustomers imported(Api clerk, char initial, int letters, Customer a, Customer b,
            String... invoices) {
        StringBuilder prefix = new StringBuilder().append(initial);
        ThreadLocalRandom.current().ints(letters, 'A', 'Z' + 1).forEach(c -> prefix.append((char) c));
        String p = prefix.toString();
        TwoCustomers customers = new TwoCustomers(p, a.accountDigits() + Math.abs(p.hashCode()),
                b.accountDigits() + Math.abs(p.hashCode()));
        ok(clerk.upload("/api/customers/import", "c.csv", "customer_code,name,email,bank_accounts\n"
                + p + "A," + a.namePattern().formatted(p) + ",a@example.cn," + customers.accountA + "\n"
                + p + "B," + b.namePattern().formatted(p) + ",b@example.cn," + customers.accountB + "\n"));
        StringBuilder documents = new StringBuilder("document_no,customer_code,type,issue_date,currency,amount\n");
        for (int i = 0; i < invoices.length; i++) {
            String[] invoice = invoices[i].split(",");
            documents.append(p).append("-INV-").append(i + 1).append(',').append(p).append(invoice[0])
                    .append(",INVOICE,").append(invoice[1]).append(",CNY,").append(invoice[2]).append('\n');
        }
        ok(clerk.upload("/api/documents/import", "d.csv", documents.toString()));
        return customers;
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
