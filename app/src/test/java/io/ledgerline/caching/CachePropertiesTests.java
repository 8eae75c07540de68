package io.ledgerline.caching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;

import io.ledgerline.tagcache.CacheLife;

/**
 * The cache settings bind from {@code ledgerline.cache.*}, with the documented defaults.
 */
class CachePropertiesTests {

	@Test
	void defaultsAreTheDocumentedOnes() {
		CacheProperties properties = bind(Map.of());
		assertThat(properties.maxBytes()).isEqualTo("25%");
		assertThat(properties.budgetBytes(400_000_000)).isEqualTo(100_000_000);
		assertThat(properties.refreshThreads()).isEqualTo(2);
		assertThat(properties.life().invoiceList()).isEqualTo(CacheLife.HOURS);
		assertThat(properties.life().invoiceRecord()).isEqualTo(CacheLife.HOURS);
		assertThat(properties.life().invoiceSummary()).isEqualTo(CacheLife.HOURS);
		assertThat(properties.life().ticketBoard()).isEqualTo(CacheLife.HOURS);
	}

	@Test
	void eachSettingCanBeChanged() {
		CacheProperties properties = bind(
				Map.of("ledgerline.cache.max-bytes", "64MB", "ledgerline.cache.refresh-threads", "4",
						"ledgerline.cache.life.invoice-list", "minutes", "ledgerline.cache.life.ticket-board", "days"));
		assertThat(properties.budgetBytes(400_000_000)).isEqualTo(64L * 1024 * 1024);
		assertThat(properties.refreshThreads()).isEqualTo(4);
		assertThat(properties.life().invoiceList()).isEqualTo(CacheLife.MINUTES);
		assertThat(properties.life().invoiceRecord()).isEqualTo(CacheLife.HOURS);
		assertThat(properties.life().ticketBoard()).isEqualTo(CacheLife.DAYS);
	}

	@Test
	void anUnknownProfileOrANonPositiveSizeIsRefusedAtStartup() {
		assertThatThrownBy(() -> bind(Map.of("ledgerline.cache.life.invoice-record", "fortnight")))
			.isInstanceOf(BindException.class)
			.hasStackTraceContaining("fortnight");
		for (String budget : new String[] { "0%", "81%", "0MB", "-1", "lots", "25 %%" }) {
			assertThatThrownBy(() -> bind(Map.of("ledgerline.cache.max-bytes", budget))).as(budget)
				.isInstanceOf(BindException.class)
				.hasStackTraceContaining("max-bytes must be");
		}
		assertThatThrownBy(() -> bind(Map.of("ledgerline.cache.refresh-threads", "0")))
			.isInstanceOf(BindException.class)
			.hasStackTraceContaining("refresh-threads must be at least 1");
	}

	private static CacheProperties bind(Map<String, String> values) {
		ApplicationConversionService conversions = new ApplicationConversionService();
		conversions.addConverter(new CacheConfig.CacheLifeByName());
		Binder binder = new Binder(List.of(new MapConfigurationPropertySource(values)), null, conversions);
		return binder.bindOrCreate("ledgerline.cache", CacheProperties.class);
	}

}
