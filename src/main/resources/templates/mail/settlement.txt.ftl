<#-- A settlement's e-mail (payment request or dunning), plain-text part. m: SettlementMailView; t(code, args…): texts. -->
${t("mail.settlement.subject." + m.kind(), m.settlementNo(), m.amountDue(), m.dueDate(), m.daysOverdue())}

${t("mail.settlement.greeting", m.contactName())}

${t("mail.settlement.intro." + m.kind(), m.statementNo(), m.period(), m.dueDate(), m.daysOverdue())}

${t("mail.settlement.items")}:
<#list m.items() as i>
  ${i.documentNo()}  ${t("mail.settlement.dueOn")} ${i.dueDate()}  ${i.open()}
</#list>
<#if m.netted()??>
${t("mail.settlement.netted")}: ${m.netted()}
</#if>
<#if m.cashOnAccount()??>
${t("mail.settlement.onAccount")}: ${m.cashOnAccount()}
</#if>
${t("mail.settlement.amountDue")}: ${m.amountDue()}
${t((m.kind() == "REQUEST")?then("mail.settlement.payBy", "mail.settlement.wasDueOn"))}: ${m.dueDate()}

<#if m.bankAccount()?has_content>${t("mail.settlement.payTo", m.bankName(), m.bankAccount(), m.statementNo())}<#else>${t("mail.settlement.reference", m.statementNo())}</#if>
${t("mail.settlement.attached", m.attachmentName())}

<#if m.companyContact()?has_content>${t("mail.settlement.contact", m.companyName(), m.companyContact())}<#else>${t("mail.settlement.contact.reply", m.companyName())}</#if>

${t("mail.settlement.signoff")}
${m.companyName()}
<#if m.companyAddress()?has_content>${m.companyAddress()}
</#if>
