package io.crmrecon.statement;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who issues the statements, as printed on them ({@code recon.company.*}): name, address, tax id and the bank
 * account customers pay to. Blank values are left off the page.
 */
@ConfigurationProperties("recon.company")
public record CompanyDetails(String name, String address, String taxId, String bankName, String bankAccount,
        String phone, String email) {

    public CompanyDetails {
        name = name == null || name.isBlank() ? "CRM Recon Demo Co., Ltd." : name.strip();
    }
}
