package io.hotline.ops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AmiHostTest {

    @Test
    void shouldNameASingleServerAfterTheAsteriskNameAndUseTheDefaultPort() {
        assertThat(AmiHost.parse("10.0.0.5", "asterisk", 5038)).containsExactly(new AmiHost("asterisk", "10.0.0.5",
                5038));
        assertThat(AmiHost.parse("pbx.example.com:5039", "asterisk", 5038))
                .containsExactly(new AmiHost("asterisk", "pbx.example.com", 5039));
        assertThat(AmiHost.parse("[::1]:5040", "asterisk", 5038)).containsExactly(new AmiHost("asterisk", "::1", 5040));
    }

    @Test
    void shouldReadSeveralNamedServers() {
        assertThat(AmiHost.parse("pbx1=10.0.0.5, pbx2=10.0.0.6:5039", "asterisk", 5038)).containsExactly(
                new AmiHost("pbx1", "10.0.0.5", 5038), new AmiHost("pbx2", "10.0.0.6", 5039));
    }

    @Test
    void shouldRefuseUnnamedEntriesInAListDuplicatesAndBadPorts() {
        assertThatThrownBy(() -> AmiHost.parse("10.0.0.5,10.0.0.6", "asterisk", 5038))
                .hasMessageContaining("'10.0.0.5' needs a name");
        assertThatThrownBy(() -> AmiHost.parse("a=h1,a=h2", "asterisk", 5038)).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> AmiHost.parse("h1:70000", "asterisk", 5038)).hasMessageContaining("not 1-65535");
        assertThatThrownBy(() -> AmiHost.parse("h1;drop", "asterisk", 5038)).hasMessageContaining("is not host");
    }

    @Test
    void shouldStopAtStartupOnABadHostListAndNeverShowTheSecret() {
        assertThatThrownBy(() -> Settings.load(Map.of("HOTLINE_AMI_HOST", "pbx1=h1,h2")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("HOTLINE_AMI_HOST");
        Settings settings = Settings.load(Map.of("HOTLINE_AMI_HOST", "127.0.0.1", "HOTLINE_AMI_SECRET", "s3cr3t-ami"));
        assertThat(String.join("\n", settings.describe())).contains("HOTLINE_AMI_SECRET").doesNotContain("s3cr3t-ami");
    }
}
