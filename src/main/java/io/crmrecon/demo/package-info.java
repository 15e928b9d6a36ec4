/**
 * Demo data and benchmark files, produced as the files a user imports (customers.csv, documents.csv,
 * camt.053), so that loading them goes through the same import services as a user's own files.
 *
 * <p>{@link io.crmrecon.demo.DemoData} is the demo company's ledger (seeded, dated relative to "today") with a
 * CNY bank statement whose entries pay its invoices in the patterns a matching engine must handle; each
 * entry's ground truth is an {@link io.crmrecon.demo.Expectation}. {@link io.crmrecon.demo.CompanyNames} (cities,
 * company names, persons) and {@link io.crmrecon.demo.PaymentTexts} (how payers write remittance texts) are the one
 * source of words for the demo and for what the test sources build on them: {@code BenchmarkFiles} (large files of
 * the same formats for load tests) and the matching benchmark's scenario generator, neither shipped. Plain
 * Java: no framework, no I/O beyond the streams it is given, no clock (the caller passes the date).
 */
package io.crmrecon.demo;
