package id.asn.merit.platform.web;

import id.asn.merit.platform.problem.ApiException;

/** Validated {@code ?page=&size=}: page ≥ 0, size 1..500, default 50. */
public record PageRequest(int page, int size) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ApiException.badRequest("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ApiException.badRequest("size", "must be between 1 and " + MAX_SIZE);
        }
        return new PageRequest(p, s);
    }

    /** From the raw query text: a non-number is a 400 naming page or size. */
    public static PageRequest parse(String page, String size) {
        return of(QueryParams.integer("page", page), QueryParams.integer("size", size));
    }

    public int offset() {
        return page * size;
    }
}
