package io.crmrecon.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what people and other programs send in ({@code recon.import.*}).
 *
 * @param maxFileSize the largest upload (multipart file); larger ones get 413. A camt.053 with 100,000 entries is
 *        about 115 MB
 * @param maxJsonSize the largest JSON body of the API (POST /api/documents); larger ones get 413
 * @param xlsxMinInflateRatio an XLSX part whose compressed size is less than this share of its inflated size is
 *        refused as a zip bomb (422). Real sheets compress to about 5-20 %
 * @param xlsxMaxEntrySize the largest inflated part (a sheet's XML) of an XLSX; larger is refused (422)
 * @param xlsxMaxEntries the most parts an XLSX may have
 * @param maxMt940Size the largest MT940 bank file (read whole, unlike the other uploads, since its encoding needs
 *        all of its text); larger ones are refused with 422. A day's or a month's statements are far smaller
 */
@ConfigurationProperties("recon.import")
public record ImportProperties(
        @DefaultValue("256MB") DataSize maxFileSize,
        @DefaultValue("16MB") DataSize maxJsonSize,
        @DefaultValue("0.01") double xlsxMinInflateRatio,
        @DefaultValue("512MB") DataSize xlsxMaxEntrySize,
        @DefaultValue("1000") long xlsxMaxEntries,
        @DefaultValue("32MB") DataSize maxMt940Size) {
}
