package io.ledgerline.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** "Is the demo profile on", decided in one place, without the app around it. */
class DemoProfileTest {

	@Test
	void onOnlyWhenTheDemoProfileIsActive() {
		MockEnvironment demo = new MockEnvironment();
		demo.setActiveProfiles("cluster", "demo");
		MockEnvironment plain = new MockEnvironment();
		plain.setActiveProfiles("cluster");

		assertThat(new DemoProfile(demo).isOn()).isTrue();
		assertThat(new DemoProfile(plain).isOn()).isFalse();
		assertThat(new DemoProfile(new MockEnvironment()).isOn()).isFalse();
	}

}
