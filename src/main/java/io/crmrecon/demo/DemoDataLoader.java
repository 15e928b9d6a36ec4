package io.crmrecon.demo;

import io.crmrecon.customer.CustomerImport;
import io.crmrecon.customer.Customers;
import io.crmrecon.ledger.BankStatementImport;
import io.crmrecon.ledger.DocumentImport;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo ledger into an empty database through the same imports a user's files take, so the demo shows
 * the real path. Runs once: a database that has customers is left alone.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "recon.demo-data", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    static final long SEED = 20261101L;
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final Customers customers;
    private final CustomerImport customerImport;
    private final DocumentImport documentImport;
    private final BankStatementImport bankStatementImport;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoDataLoader(Customers customers, CustomerImport customerImport, DocumentImport documentImport,
            BankStatementImport bankStatementImport, TransactionTemplate transaction, Clock clock) {
        this.customers = customers;
        this.customerImport = customerImport;
        this.documentImport = documentImport;
        this.bankStatementImport = bankStatementImport;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (customers.count() > 0) {
            return;
        }
        DemoData demo = DemoData.generate(SEED, LocalDate.now(clock));
        transaction.executeWithoutResult(tx -> {
            var c = customerImport.importFile(demo.customersCsv(), null);
            var d = documentImport.importFile(demo.documentsCsv(), null);
            var b = bankStatementImport.importFile(demo.bankStatementCamt053(), demo.bankStatementFileName(), "demo");
            log.info("Demo data loaded: {} customers, {} documents, bank statement {} with {} transactions",
                    c.created(), d.created(), b.bankStatementId(), b.transactions());
        });
    }
}
