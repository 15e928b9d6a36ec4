-- The reports' receivables in whole numbers, and their sums by day. Standard SQL that PostgreSQL 16 and H2 2.x
-- both run.
--
-- receivable_movement (V18) again, its amounts now in units: ten-thousandths of the currency's unit (every amount
-- of the ledger has at most four decimals, so a unit count is exact). PostgreSQL adds 64-bit integers in a fraction
-- of the time it adds NUMERICs, and a million-item ageing is mostly additions. Derived from the ledger like before,
-- so it is made again from it.
DROP TABLE receivable_movement;
CREATE TABLE receivable_movement (
    customer_id    BIGINT          NOT NULL,
    currency       VARCHAR(3)      NOT NULL,
    due_date       DATE            NOT NULL,
    booked_on      DATE            NOT NULL,
    issued         DATE,
    units          BIGINT          NOT NULL,
    document_id    BIGINT          NOT NULL,
    allocation_id  BIGINT
);
CREATE UNIQUE INDEX uk_receivable_movement_allocation ON receivable_movement (allocation_id);
CREATE INDEX ix_receivable_movement_document ON receivable_movement (document_id);

INSERT INTO receivable_movement (customer_id, currency, due_date, booked_on, issued, units, document_id)
SELECT d.customer_id, d.currency, d.due_date,
       CASE WHEN d.adjusts_period IS NOT NULL AND d.adjusts_period < d.issue_date THEN d.adjusts_period
            ELSE d.issue_date END,
       d.issue_date, CAST(CASE d.type WHEN 'CREDIT_NOTE' THEN -d.amount ELSE d.amount END * 10000 AS BIGINT), d.id
FROM document d WHERE d.type <> 'BILL';

INSERT INTO receivable_movement (customer_id, currency, due_date, booked_on, units, document_id, allocation_id)
SELECT d.customer_id, d.currency, d.due_date,
       CASE WHEN COALESCE(t.booking_date, a.value_date) > CASE WHEN d.adjusts_period IS NOT NULL
                 AND d.adjusts_period < d.issue_date THEN d.adjusts_period ELSE d.issue_date END
            THEN COALESCE(t.booking_date, a.value_date)
            ELSE CASE WHEN d.adjusts_period IS NOT NULL AND d.adjusts_period < d.issue_date THEN d.adjusts_period
                      ELSE d.issue_date END END,
       CAST(-(a.amount + a.writeoff) * 10000 AS BIGINT), d.id, a.id
FROM allocation a JOIN document d ON d.id = a.document_id LEFT JOIN bank_transaction t ON t.id = a.transaction_id
WHERE d.type <> 'BILL' AND COALESCE(t.booking_date, a.value_date) IS NOT NULL;

-- What the DSO's trend sums: the movements summed by currency, the day a movement counts from (booked_on) and a
-- document's issue day (issued; null for applications). Append-only like its source: each writer of movements adds
-- the sums of its own (ledger.ReceivableMovements), so one day may have several rows, and readers sum them. A year
-- of a million documents is some thousands of rows here instead of a million and a half.
CREATE TABLE receivable_day (
    currency   VARCHAR(3)  NOT NULL,
    booked_on  DATE        NOT NULL,
    issued     DATE,
    units      BIGINT      NOT NULL
);

INSERT INTO receivable_day (currency, booked_on, issued, units)
SELECT currency, booked_on, issued, SUM(units) FROM receivable_movement GROUP BY currency, booked_on, issued;
