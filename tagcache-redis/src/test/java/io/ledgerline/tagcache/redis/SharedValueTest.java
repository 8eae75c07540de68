package io.ledgerline.tagcache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A shared value's codec carries exactly its fields, and refuses bytes that are not what
 * it wrote (they come back from Redis).
 */
class SharedValueTest {

	record Stock(String sku, int count) {
	}

	static final SharedValue<Stock> STOCK = SharedValue.ofFields("stock:", Stock.class, 2,
			stock -> List.of(stock.sku(), Integer.toString(stock.count())),
			fields -> new Stock(fields.get(0), Integer.parseInt(fields.get(1))));

	@Test
	void aValueRoundTripsThroughItsFields() {
		ValueCodec<Stock> codec = STOCK.codec();
		Stock stock = new Stock("Zoë, 12\"", 7);
		assertThat(codec.decode(codec.encode(stock))).isEqualTo(stock);
		assertThat(codec.type()).isEqualTo(Stock.class);
		assertThat(STOCK.keyPrefix()).isEqualTo("stock:");
	}

	@Test
	void bytesWithAnotherNumberOfFieldsAreRefused() {
		ValueCodec<Stock> codec = STOCK.codec();
		assertThatThrownBy(() -> codec.decode("a\n1\nextra".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("expected 2 fields, got 3");
		assertThatThrownBy(() -> codec.decode("only".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> codec.decode("a\nnot-a-number".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(NumberFormatException.class);
	}

	@Test
	void aFieldWithALineBreakCannotBeShared() {
		assertThatThrownBy(() -> STOCK.codec().encode(new Stock("two\nlines", 1)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("line break");
	}

	@Test
	void anEmptyPrefixWouldShareEveryKeyAndIsRefused() {
		assertThatThrownBy(() -> new SharedValue<>("", ValueCodec.utf8())).isInstanceOf(IllegalArgumentException.class);
	}

}
