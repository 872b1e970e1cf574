package io.careloop.plugin.api;

/**
 * Who sent an inbound item, as far as the channel knows. Intake matches it to a stored
 * customer by e-mail address, then by phone, and creates one when neither matches.
 *
 * @param type         doctor, pharmacist, hospital, pharmacy, distributor or patient; may be null
 * @param tier         VIP, A, B or C; may be null (treated as C)
 * @param name         display name; may be null
 * @param organisation hospital, pharmacy or company; may be null
 * @param department   department within the organisation; may be null
 * @param email        e-mail address; may be null
 * @param phone        phone number; may be null
 */
public record InboundCustomer(String type, String tier, String name, String organisation,
                              String department, String email, String phone) {

    public InboundCustomer {
        if (isBlank(name) && isBlank(email) && isBlank(phone)) {
            throw new IllegalArgumentException("a customer needs at least a name, an e-mail address or a phone number");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
