-- A bank statement's transactions by their booking date: the first and last booking a manual-match batch shows
-- (BankStatementImport#facts) are then two index probes instead of a scan of the statement's transactions, which
-- each batch of a large statement's exceptions paid again. It replaces the index on bank_statement_id alone, whose
-- lookups it serves as well. Standard SQL that PostgreSQL 16 and H2 2.x both run.
CREATE INDEX ix_bank_transaction_statement_booking ON bank_transaction (bank_statement_id, booking_date);
DROP INDEX ix_bank_transaction_statement;
