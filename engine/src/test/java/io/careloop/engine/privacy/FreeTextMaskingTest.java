package io.careloop.engine.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.user.Role;
import io.careloop.engine.user.User;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@link FreeTextMasking} finds in free text, and for whom. */
class FreeTextMaskingTest {

    @Test
    void aResidentIdWithARightCheckDigitIsMaskedButForItsLastFour() {
        assertThat(FreeTextMasking.mask("身份证 11010519491231002X。")).isEqualTo("身份证 **************002X。");
        assertThat(FreeTextMasking.mask("id 440304198001011239")).isEqualTo("id **************1239");
    }

    @Test
    void eighteenDigitsWithAWrongCheckDigitAreNoIdAndStay() {
        assertThat(FreeTextMasking.validResidentId("110105194912310021")).isFalse();
        assertThat(FreeTextMasking.mask("order 110105194912310021")).isEqualTo("order 110105194912310021");
    }

    @Test
    void passportsPhonesAndAddressesAreMasked() {
        assertThat(FreeTextMasking.mask("passport E12345678")).isEqualTo("passport ******678");
        assertThat(FreeTextMasking.mask("护照号：AB1234567")).isEqualTo("护照号：******567");
        assertThat(FreeTextMasking.mask("手机13812345678，座机010-69150000，+86 138 1234 5678"))
                .isEqualTo("手机*******5678，座机***-****0000，+** *** **** 5678");
        assertThat(FreeTextMasking.mask("write to wang.xm@example.cn.")).isEqualTo("write to w***@example.cn.");
    }

    @Test
    void lotsDosesAndDatesStay() {
        String text = "lot L2024-17, 3 tablets of 20 mg since 2026-03-01, ticket CL-2026-000123";
        assertThat(FreeTextMasking.mask(text)).isEqualTo(text);
        assertThat(FreeTextMasking.mask(null)).isNull();
    }

    @Test
    void agentsGetMaskedTextsTheRegulatedRolesDoNot() {
        assertThat(FreeTextMasking.forReader(user(Role.AGENT)).apply("13812345678")).isEqualTo("*******5678");
        for (Role r : List.of(Role.SPECIALIST, Role.SUPERVISOR, Role.ADMIN)) {
            assertThat(FreeTextMasking.forReader(user(r)).apply("13812345678")).as("%s", r).isEqualTo("13812345678");
        }
    }

    private static User user(Role role) {
        return new User(1L, "u", "U", Set.of(role), List.of(), List.of());
    }
}
