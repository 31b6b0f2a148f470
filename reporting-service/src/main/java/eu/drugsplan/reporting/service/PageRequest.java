package eu.drugsplan.reporting.service;

/** One page of a list: {@code page} counts from 1, {@code size} items at most. */
public record PageRequest(int page, int size) {

    public PageRequest {
        if (page < 1 || size < 1) {
            throw new IllegalArgumentException("page and size start at 1");
        }
    }

    public long offset() {
        return (long) (page - 1) * size;
    }
}
