package io.ledgerline.tagcache.spring.boot.autoconfigure;

import org.springframework.util.unit.DataSize;

/**
 * A memory budget as a size ({@code 64MB}) or as a share of the JVM's maximum heap
 * ({@code 25%}): a share follows the heap the instance is given, so one setting fits
 * every deployment size. Binds from text through {@link #valueOf}.
 *
 * @param size the budget as a size, or {@code null} when it is a share
 * @param heapPercent the share of the maximum heap, from 1 to 100, or 0 when it is a size
 */
public record MemoryBudget(DataSize size, int heapPercent) {

	public MemoryBudget {
		if ((size == null) == (heapPercent == 0)) {
			throw new IllegalArgumentException("a memory budget is either a size or a share of the heap");
		}
		if (size != null && size.toBytes() < 1) {
			throw new IllegalArgumentException("a memory budget must be at least 1 byte, was " + size);
		}
		if (heapPercent < 0 || heapPercent > 100) {
			throw new IllegalArgumentException("a share of the heap must be from 1% to 100%, was " + heapPercent + "%");
		}
	}

	/** {@code 25%} (a share of the maximum heap) or a size such as {@code 64MB}. */
	public static MemoryBudget valueOf(String text) {
		String budget = text.strip();
		if (!budget.endsWith("%")) {
			return new MemoryBudget(DataSize.parse(budget), 0);
		}
		int percent;
		try {
			percent = Integer.parseInt(budget.substring(0, budget.length() - 1).strip());
		}
		catch (NumberFormatException notANumber) {
			throw new IllegalArgumentException("not a share of the heap: '" + text + "'");
		}
		if (percent < 1) {
			throw new IllegalArgumentException("a share of the heap must be from 1% to 100%, was '" + text + "'");
		}
		return new MemoryBudget(null, percent);
	}

	/** The budget in bytes on a JVM whose maximum heap is {@code maxHeap}. */
	public long toBytes(long maxHeap) {
		return size != null ? size.toBytes() : Math.max(1, maxHeap / 100 * heapPercent);
	}

	@Override
	public String toString() {
		return size != null ? size.toString() : heapPercent + "%";
	}

}
