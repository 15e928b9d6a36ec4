-- what the import warned about, e.g. a statement whose entries do not add up to its closing balance
ALTER TABLE bank_statement ADD COLUMN warnings VARCHAR(4000);
