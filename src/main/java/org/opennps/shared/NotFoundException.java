package org.opennps.shared;

/** The addressed resource does not exist in the caller's workspace (HTTP 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
