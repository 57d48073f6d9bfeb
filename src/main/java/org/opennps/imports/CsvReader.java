package org.opennps.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: fields separated by commas, quoted with double quotes (a quote
 * doubled inside), line breaks inside quotes kept. Knows the line each record starts on, for
 * error reports. Holds one record at a time.
 */
final class CsvReader {

    static final int MAX_FIELD = 100_000;

    private final Reader in;
    private int line = 1;
    private int startLine;
    private int peeked = -2;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** The line the last record returned began on. */
    int line() {
        return startLine;
    }

    /** The next record's fields, or null at the end of the input. */
    List<String> next() throws IOException {
        int c = read();
        while (c == '\r' || c == '\n') { // blank lines between records
            if (c == '\n') {
                line++;
            }
            c = read();
        }
        if (c == -1) {
            return null;
        }
        startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new IOException("the quote opened on line " + startLine + " is never closed");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        peeked = n;
                    }
                }
                if (c != -1) {
                    line++;
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
            if (field.length() > MAX_FIELD) {
                throw new IOException("a field on line " + startLine + " is longer than " + MAX_FIELD + " characters");
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int p = peeked;
            peeked = -2;
            return p;
        }
        return in.read();
    }
}
