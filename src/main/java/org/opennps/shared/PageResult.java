package org.opennps.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a listing; {@code page} counts from 1. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** A validated (page, size) pair from query parameters. */
    public record Request(int page, int size) {
        public Request {
            if (page < 1) {
                throw new InvalidInputException("page", "must be 1 or more");
            }
            if (size < 1 || size > MAX_SIZE) {
                throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
            }
        }

        public static Request of(Integer page, Integer size) {
            return new Request(page == null ? 1 : page, size == null ? DEFAULT_SIZE : size);
        }

        public long offset() {
            return (long) (page - 1) * size;
        }
    }
}
