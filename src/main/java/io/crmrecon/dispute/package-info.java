/**
 * Disputes (异议处理): a customer's "this is wrong" on a statement, routed by a DMN table, investigated by a clerk,
 * answered by ACCEPT (a credit or debit note, above a limit only after a second person's approval) or REJECT, and
 * handed back to the statement, which re-issues or reopens. Everything a dispute did is kept as its events.
 */
package io.crmrecon.dispute;
