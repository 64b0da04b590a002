package io.hotline.persistence.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2idPasswordsTest {
    private static final Argon2idPasswords PASSWORDS = new Argon2idPasswords();

    @Test
    void shouldVerifyThePasswordAHashWasMadeFrom() {
        // given
        String hash = PASSWORDS.hash("correct horse 电池".toCharArray());

        // then
        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(PASSWORDS.verify("correct horse 电池".toCharArray(), hash)).isTrue();
    }

    @Test
    void shouldRefuseAnotherPasswordAndSaltEachHash() {
        String hash = PASSWORDS.hash("secret-one".toCharArray());

        assertThat(PASSWORDS.verify("secret-two".toCharArray(), hash)).isFalse();
        assertThat(PASSWORDS.verify("".toCharArray(), hash)).isFalse();
        assertThat(PASSWORDS.hash("secret-one".toCharArray())).isNotEqualTo(hash);
    }

    @Test
    void shouldVerifyAHashMadeWithOtherParameters() {
        // given a hash with cheaper parameters (an older Hotline's), made by hand from the same generator
        String cheap = "$argon2id$v=19$m=8,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$"
                + "0000000000000000000000000000000000000000000";

        // then it is read (and refused: the hash does not match)
        assertThat(PASSWORDS.verify("x".toCharArray(), cheap)).isFalse();
    }

    @Test
    void shouldRefuseWhatIsNotAnArgon2idHash() {
        assertThat(PASSWORDS.verify("secret".toCharArray(), "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(PASSWORDS.verify("secret".toCharArray(), null)).isFalse();
        assertThat(PASSWORDS.verifyUnknown("secret".toCharArray())).isFalse();
    }
}
