package id.asn.merit.platform.web;

import java.util.List;
import java.util.function.Function;

/** A page of a list: {@code {items, page, size, total}} (SYSTEM.md §4). */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
