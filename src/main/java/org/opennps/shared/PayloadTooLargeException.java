package org.opennps.shared;

/** The request body is larger than the endpoint accepts (HTTP 413). */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long limitBytes) {
        super("The request body is larger than " + limitBytes + " bytes.");
    }
}
