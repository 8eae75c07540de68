package example.catalogue;

/**
 * The catalogue's tags, named once: the annotations refer to these through SpEL
 * ({@code T(example.catalogue.ProductTags).product(#id)}).
 */
public final class ProductTags {

	public static final String LIST = "products";

	private ProductTags() {
	}

	public static String product(long id) {
		return "product:" + id;
	}

}
