package io.crmrecon.notification;

import org.springframework.stereotype.Service;

/**
 * Outgoing mail (DESIGN.md): queued in the business transaction that decided to send it, delivered by a job
 * that retries.
 */
@Service
public class Outbox {

    /** Queues the message in the caller's transaction; the same key again returns the message already queued. */
    public long enqueue(OutgoingMail mail) {
        throw new UnsupportedOperationException("the outbox is being built");
    }

    /** Sends a queued message unless it was sent; fails (for the job to retry) when the server refuses it. */
    public void deliver(long outboxId) {
        throw new UnsupportedOperationException("the outbox is being built");
    }
}
