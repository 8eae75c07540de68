package io.ledgerline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The causal token's signature: only the cluster's secret makes a valid one. */
class CausalTokensTests {

	CausalTokens tokens = new CausalTokens("a-secret-of-sixteen-plus");

	@Test
	void aSignedPositionVerifies() {
		assertThat(tokens.verify(tokens.sign(42))).hasValue(42);
	}

	@Test
	void anythingElseIsIgnored() {
		String valid = tokens.sign(42);
		assertThat(tokens.verify(null)).isEmpty();
		assertThat(tokens.verify("")).isEmpty();
		assertThat(tokens.verify("42")).isEmpty();
		assertThat(tokens.verify("43" + valid.substring(2))).as("another position, same signature").isEmpty();
		assertThat(tokens.verify(new CausalTokens("another-secret-of-16+").sign(42))).isEmpty();
		assertThat(tokens.verify("x." + valid.substring(3))).isEmpty();
		assertThat(tokens.verify("99999999999999999999999." + valid.substring(3))).isEmpty();
	}

}
