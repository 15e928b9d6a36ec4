-- The ledger publishes its incoming payments with what is applied of them, so that other features (the
-- unapplied-receipts list of matching) read that through a view instead of the ledger's own tables.
-- "applied" sums every allocation of the transaction (reversals are negative rows); allocated_customer_id is
-- the customer it was applied to, when any.
CREATE VIEW ledger_receipt AS
SELECT t.id AS transaction_id, t.bank_reference, t.booking_date, t.amount, t.currency,
       COALESCE(a.applied, 0) AS applied, t.amount - COALESCE(a.applied, 0) AS remaining,
       t.counterparty_name, t.counterparty_account, t.remittance_info, t.bank_statement_id,
       s.file_name AS bank_statement_file, a.customer_id AS allocated_customer_id
FROM bank_transaction t
JOIN bank_statement s ON s.id = t.bank_statement_id
LEFT JOIN (SELECT transaction_id, SUM(amount) AS applied, MAX(customer_id) AS customer_id
           FROM allocation WHERE transaction_id IS NOT NULL GROUP BY transaction_id) a ON a.transaction_id = t.id
WHERE t.amount > 0;
