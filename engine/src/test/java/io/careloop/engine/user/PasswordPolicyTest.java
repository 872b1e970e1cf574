package io.careloop.engine.user;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careloop.engine.error.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The password rules on their own, without a database. */
class PasswordPolicyTest {

    @Test
    void aRandomFirstAdminPasswordPassesThePolicy() {
        for (int i = 0; i < 100; i++) {
            String password = Secrets.randomPassword();
            assertThatCode(() -> UserService.checkPassword(password)).doesNotThrowAnyException();
        }
    }

    @Test
    void elevenCharactersAreTooFewAndSeventyThreeTooMany() {
        assertThatThrownBy(() -> UserService.checkPassword("abcdefghijk")).isInstanceOf(InvalidInputException.class);
        assertThatCode(() -> UserService.checkPassword("abcdefghijkl")).doesNotThrowAnyException();
        assertThatCode(() -> UserService.checkPassword("abcde".repeat(14) + "xy")).doesNotThrowAnyException();
        assertThatThrownBy(() -> UserService.checkPassword("abcde".repeat(14) + "xyz")).isInstanceOf(InvalidInputException.class);
    }
}
