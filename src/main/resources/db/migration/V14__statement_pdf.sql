-- A statement version's PDF moves out of the statement's row: every step of a statement's process and every view of
-- the customer's page reads that row, and only sending and downloads need the bytes (some 40 KB a version).
CREATE TABLE statement_pdf (
    statement_id  BIGINT  NOT NULL PRIMARY KEY REFERENCES statement (id),
    pdf           BYTEA   NOT NULL
);
INSERT INTO statement_pdf (statement_id, pdf) SELECT id, pdf FROM statement WHERE pdf IS NOT NULL;
ALTER TABLE statement DROP COLUMN pdf;
