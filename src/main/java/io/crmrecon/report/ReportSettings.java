package io.crmrecon.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code recon.report.*}.
 *
 * @param dsoLookbackMonths how many months of sales the countback looks through before it calls a balance older
 *        than all of them (its DSO is then the length of the lookback, flagged)
 * @param riskDaysLateGrowth how many days later than in the period before a customer may pay on average before the
 *        customers report calls it at risk
 * @param workMem PostgreSQL's {@code work_mem} for a report's transaction (e.g. 64MB)
 * @param accounts the general ledger's accounts the postings name (a Chinese chart of accounts by default)
 */
@ConfigurationProperties("recon.report")
record ReportSettings(@DefaultValue("12") int dsoLookbackMonths, @DefaultValue("5") int riskDaysLateGrowth,
        @DefaultValue("64MB") String workMem, @DefaultValue Accounts accounts) {

    /**
     * {@code recon.report.accounts.*}: 银行存款 1002, 应收账款 1122, 应付账款 2202, 预收账款 2203, 其他应付款 2241,
     * 财务费用 6603 (bank charges and small differences written off), 主营业务收入 6001 (credit and debit notes).
     */
    record Accounts(@DefaultValue("1002") String bank, @DefaultValue("1122") String receivable,
            @DefaultValue("2202") String payable, @DefaultValue("2203") String advances,
            @DefaultValue("2241") String otherPayables, @DefaultValue("6603") String writeOff,
            @DefaultValue("6001") String sales) {
    }

    ReportSettings {
        if (dsoLookbackMonths < 1 || dsoLookbackMonths > 60) {
            throw new IllegalArgumentException("recon.report.dso-lookback-months must be between 1 and 60");
        }
        if (!workMem.matches("[1-9][0-9]{0,6}(kB|MB|GB)")) {
            throw new IllegalArgumentException("recon.report.work-mem must be a size such as 64MB, not " + workMem);
        }
        if (riskDaysLateGrowth < 0) {
            throw new IllegalArgumentException("recon.report.risk-days-late-growth must not be negative");
        }
    }
}
