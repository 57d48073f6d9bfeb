package org.opennps.respond;

/** An unknown, tampered or foreign link: the page answers a plain 404. */
class PageNotFoundException extends RuntimeException {

    PageNotFoundException() {
        super("No such survey");
    }
}
