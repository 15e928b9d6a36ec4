-- The receivables as the reports sum them (ageing, DSO, payment behaviour), one narrow row per movement, written in
-- the same transaction as the document or allocation it repeats (ledger.ReceivableMovements). Standard SQL that
-- PostgreSQL 16 and H2 2.x both run.
-- A receivable (invoice, debit note; a credit note negative) counts from the day that places it on a statement
-- (booked_on: its issue date, or the period it corrects); an application to it (cash and what was written off with
-- it, negative) from its booking date, or from the document's day if that is later. issued: a document's issue
-- date (its sales month); null on an application. Bills are no receivables and have no rows.
-- Summing this table instead of documents joined with their allocations halves a million-item ageing.
CREATE TABLE receivable_movement (
    customer_id    BIGINT          NOT NULL,
    currency       VARCHAR(3)      NOT NULL,
    due_date       DATE            NOT NULL,
    booked_on      DATE            NOT NULL,
    issued         DATE,
    amount         NUMERIC(19, 4)  NOT NULL,
    document_id    BIGINT          NOT NULL,
    allocation_id  BIGINT
);
CREATE UNIQUE INDEX uk_receivable_movement_allocation ON receivable_movement (allocation_id);
CREATE INDEX ix_receivable_movement_document ON receivable_movement (document_id);

INSERT INTO receivable_movement (customer_id, currency, due_date, booked_on, issued, amount, document_id)
SELECT d.customer_id, d.currency, d.due_date,
       CASE WHEN d.adjusts_period IS NOT NULL AND d.adjusts_period < d.issue_date THEN d.adjusts_period
            ELSE d.issue_date END,
       d.issue_date, CASE d.type WHEN 'CREDIT_NOTE' THEN -d.amount ELSE d.amount END, d.id
FROM document d WHERE d.type <> 'BILL';

INSERT INTO receivable_movement (customer_id, currency, due_date, booked_on, amount, document_id, allocation_id)
SELECT d.customer_id, d.currency, d.due_date,
       CASE WHEN COALESCE(t.booking_date, a.value_date) > CASE WHEN d.adjusts_period IS NOT NULL
                 AND d.adjusts_period < d.issue_date THEN d.adjusts_period ELSE d.issue_date END
            THEN COALESCE(t.booking_date, a.value_date)
            ELSE CASE WHEN d.adjusts_period IS NOT NULL AND d.adjusts_period < d.issue_date THEN d.adjusts_period
                      ELSE d.issue_date END END,
       -(a.amount + a.writeoff), d.id, a.id
FROM allocation a JOIN document d ON d.id = a.document_id LEFT JOIN bank_transaction t ON t.id = a.transaction_id
WHERE d.type <> 'BILL' AND COALESCE(t.booking_date, a.value_date) IS NOT NULL;
