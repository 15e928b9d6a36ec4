package io.crmrecon.common;

import java.security.SecureRandom;

/**
 * The short id an error page or an API problem shows, and the log line of that error carries, so that a user who
 * quotes it leads straight to the stack trace. Ten characters without look-alikes (no 0/O, 1/I/L).
 */
public final class ErrorIds {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorIds() {
    }

    public static String next() {
        char[] id = new char[10];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
