package io.crmrecon.bankfile;

/** The bank file formats the contract accepts; the reader tells them apart by content. */
public enum BankFileFormat {
    CAMT053,
    CAMT054,
    MT940,
    CSV
}
