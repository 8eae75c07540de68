package example.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ledgerline.tagcache.spring.CachedRead;
import io.ledgerline.tagcache.spring.RevalidatesTags;
import io.ledgerline.tagcache.spring.UpdatesTags;

/** The catalogue's reads (cached) and writes (each invalidating what it touched). */
@Service
public class Products {

	private final JdbcClient jdbc;

	public Products(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@CachedRead(key = "'products'", tags = "T(example.catalogue.ProductTags).LIST", life = "hours")
	public List<Product> all() {
		return jdbc.sql("SELECT id, name, price FROM products ORDER BY id").query(Product.class).list();
	}

	@CachedRead(key = "'product:' + #id", tags = "T(example.catalogue.ProductTags).product(#id)", life = "hours")
	public Optional<Product> find(long id) {
		return jdbc.sql("SELECT id, name, price FROM products WHERE id = ?").param(id).query(Product.class).optional();
	}

	/**
	 * A shopper-facing edit: the editor is redirected to the product and must see it.
	 * @return whether the product exists
	 */
	@Transactional
	@UpdatesTags({ "T(example.catalogue.ProductTags).LIST", "T(example.catalogue.ProductTags).product(#id)" })
	public boolean edit(long id, String name, BigDecimal price) {
		return jdbc.sql("UPDATE products SET name = ?, price = ? WHERE id = ?").params(name, price, id).update() == 1;
	}

	/**
	 * A supplier's price feed, run in the background: nobody waits for it, so the pages
	 * keep answering at once and refresh behind the next reader.
	 */
	@Transactional
	@RevalidatesTags({ "T(example.catalogue.ProductTags).LIST", "T(example.catalogue.ProductTags).product(#id)" })
	public void applyPrice(long id, BigDecimal price) {
		jdbc.sql("UPDATE products SET price = ? WHERE id = ?").params(price, id).update();
	}

}
