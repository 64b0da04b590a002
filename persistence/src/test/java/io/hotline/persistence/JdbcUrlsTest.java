package io.hotline.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What of a JDBC URL may reach a log or a health report. */
class JdbcUrlsTest {

    @Test
    void shouldMaskEveryPasswordLikeParameterAndTheUserInfo() {
        String url = "jdbc:mysql://app:s3cret@db:3306/hotline?user=app&password=s3cret&password1=s3cret"
                + "&password2=s3cret&sslMode=REQUIRED&trustCertificateKeyStorePassword=s3cret&pwd=s3cret";

        assertThat(JdbcUrls.redact(url)).isEqualTo("jdbc:mysql://******@db:3306/hotline?user=app&password=******"
                + "&password1=******&password2=******&sslMode=REQUIRED&trustCertificateKeyStorePassword=******"
                + "&pwd=******");
    }

    @Test
    void shouldCutUrlsOutOfADriversMessage() {
        assertThat(JdbcUrls.withoutUrls("No suitable driver found for jdbc:mysql://db/x?password1=s3cret, sorry"))
                .isEqualTo("No suitable driver found for <url> sorry");
    }
}
