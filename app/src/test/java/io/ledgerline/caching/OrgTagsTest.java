package io.ledgerline.caching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The org-tag format, written and read back in one place. */
class OrgTagsTest {

	@Test
	void aTagWrittenUnderAnOrgsPrefixReadsBackAsThatOrg() {
		String tag = OrgTags.prefix("acme-7") + "invoice:42";

		assertThat(tag).isEqualTo("org:acme-7:invoice:42");
		assertThat(OrgTags.orgOf(tag)).contains("acme-7");
		assertThat(OrgTags.orgOf(OrgTags.prefix("acme-7"))).contains("acme-7");
	}

	@Test
	void aTagOfNoOrgReadsAsNone() {
		assertThat(OrgTags.orgOf("user:someone@example.com")).isEmpty();
		assertThat(OrgTags.orgOf("org:unterminated")).isEmpty();
		assertThat(OrgTags.orgOf("/tickets")).isEmpty();
	}

	@Test
	void anOrgIdThatCouldNotBeReadBackIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> OrgTags.prefix("a:b"));
		assertThatIllegalArgumentException().isThrownBy(() -> OrgTags.prefix(null));
	}

}
