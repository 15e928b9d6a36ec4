<#-- A statement's e-mail, plain-text part. m: StatementMailView; t(code, args…): texts. -->
<#if m.reminder()>
${t("mail.statement.banner.REMINDER", m.answerDue())}

<#elseif m.resend()>
${t("mail.statement.banner.RESEND")}

</#if>
${t("mail.statement.greeting", m.contactName())}

${t("mail.statement.intro." + m.kind(), m.statementNo(), m.companyName(), m.period(), m.answerDue())}
<#if m.disputeAccepted() || m.disputeRejected()>

${t(m.disputeAccepted()?then("mail.statement.dispute.accepted", "mail.statement.dispute.rejected"))}
<#if m.disputeNote()??>
${t("mail.statement.dispute.note")} ${m.disputeNote()}
</#if>
</#if>
<#if m.replacesEarlierVersion()>
${t("mail.statement.newVersion", m.version())}
</#if>

${t("mail.statement.customer")}: ${m.customerName()} (${m.customerCode()})
${t("mail.statement.no")}: ${m.statementNo()}<#if m.replacesEarlierVersion()> · v${m.version()}</#if>
${t("mail.statement.period")}: ${m.period()}
${t(m.closingCredit()?then("mail.statement.closing.credit", "mail.statement.closing"))}: ${m.closing()}
${t("mail.statement.answerBy")}: ${m.answerDue()}

${t("mail.statement.button")}:
${m.link()}

${t(m.deemedConfirmed()?then("mail.statement.silence.deemed", "mail.statement.silence.followUp"), m.answerDue())}
${t("mail.statement.attached", m.attachmentName())}

<#if m.companyContact()?has_content>${t("mail.statement.contact", m.companyName(), m.companyContact())}<#else>${t("mail.statement.contact.reply", m.companyName())}</#if>

${t("mail.statement.signoff")}
${m.companyName()}
<#if m.companyAddress()?has_content>${m.companyAddress()}
</#if>

--
${t("mail.statement.personal")}
