-- Money in that is not a customer's payment (bank interest, a supplier's refund, a transfer between own accounts,
-- other income) is booked as an allocation of its own: no document, no customer, and a category. It counts as
-- applied for its transaction, so the transaction leaves the unapplied list, and it touches no customer's balance.
-- Like every allocation it is never edited, only reversed (the reversal row carries the same category).
ALTER TABLE allocation ADD COLUMN category VARCHAR(16);
ALTER TABLE allocation ADD CONSTRAINT ck_allocation_category
    CHECK (category IS NULL OR (category IN ('INTEREST', 'REFUND', 'OWN_TRANSFER', 'OTHER_INCOME')
                                AND document_id IS NULL AND customer_id IS NULL));
