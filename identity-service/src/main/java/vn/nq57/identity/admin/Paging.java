package vn.nq57.identity.admin;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list: {@code page} counts from 0, {@code size} is at most
 * {@value #MAX_SIZE}.
 *
 * @param page the page number, from 0
 * @param size the page size
 */
public record Paging(int page, int size) {

	/** The largest page. */
	public static final int MAX_SIZE = 200;

	/**
	 * Checks the parameters.
	 * @param page the {@code page} parameter, default 0
	 * @param size the {@code size} parameter, default 50
	 * @return the paging
	 */
	public static Paging of(@Nullable Integer page, @Nullable Integer size) {
		int p = (page != null) ? page : 0;
		int s = (size != null) ? size : 50;
		if (p < 0 || p > 100_000) {
			throw AdminError.PARAMETER_INVALID.refuse("page", "page", "phải là số nguyên từ 0 đến 100000.");
		}
		if (s < 1 || s > MAX_SIZE) {
			throw AdminError.PARAMETER_INVALID.refuse("size", "size", "phải là số nguyên từ 1 đến " + MAX_SIZE + ".");
		}
		return new Paging(p, s);
	}

	/**
	 * The offset of the first row.
	 * @return the offset
	 */
	public long offset() {
		return (long) this.page * this.size;
	}

	/**
	 * A page of results.
	 *
	 * @param <T> the item type
	 * @param items the items of this page
	 * @param page the page number
	 * @param size the page size
	 * @param total how many items match in all
	 */
	public record Page<T>(List<T> items, int page, int size, long total) {
	}

}
