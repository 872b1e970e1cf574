package io.careloop.engine.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.careloop.engine.ticket.TicketScope;
import io.careloop.engine.CareLoop;
import io.careloop.engine.audit.AuditEvent;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.NotFoundException;
import io.careloop.engine.intake.TicketDraft;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases.Kind;
import io.careloop.engine.ticket.Ticket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Customers: intake's match-or-create, and the changes a supervisor makes by hand. */
class CustomerServiceIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    // ---- match-or-create ----

    @OnEveryDatabase
    void aSenderIsRecognisedByEmailWhateverItsCase(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        String local = Drafts.unique("Wang.Jianguo");
        long customers = Rows.total(careLoop, "customer");

        Ticket first = intakeFrom(careLoop, new CustomerDraft(CustomerType.DOCTOR, Tier.VIP, "王建国", "北京协和医院", "心内科",
                local + "@Example-Hospital.CN", null, "rep.li"));
        Ticket second = intakeFrom(careLoop, new CustomerDraft(null, null, "Wang J.", null, null,
                "  " + local.toUpperCase() + "@example-hospital.cn ", null, null));

        assertThat(second.customerId()).isEqualTo(first.customerId());
        assertThat(Rows.total(careLoop, "customer")).isEqualTo(customers + 1);
        Customer wang = careLoop.customers().get(first.customerId());
        // the match keeps what it knew: name, type and tier are not overwritten by the second message
        assertThat(wang.name()).isEqualTo("王建国");
        assertThat(wang.tier()).isEqualTo(Tier.VIP);
        assertThat(wang.email()).isEqualTo(local + "@Example-Hospital.CN");
    }

    @OnEveryDatabase
    void aCallerWithoutEmailIsRecognisedByPhoneAndGainsTheEmailTheyGiveLater(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        String phone = "+86 138 " + Drafts.unique("").substring(1, 9);
        String email = Drafts.unique("zhang") + "@example.cn";

        Ticket call = intakeFrom(careLoop, new CustomerDraft(CustomerType.PATIENT, Tier.C, "张女士", null, null, null, phone, null));
        Ticket mail = intakeFrom(careLoop, new CustomerDraft(null, null, null, null, null, email, phone, null));

        assertThat(mail.customerId()).isEqualTo(call.customerId());
        Customer zhang = careLoop.customers().get(call.customerId());
        assertThat(zhang.name()).isEqualTo("张女士");
        assertThat(zhang.email()).isEqualTo(email);
        assertThat(zhang.version()).isEqualTo(1);
        assertThat(audit(careLoop, zhang)).extracting(AuditEvent::action)
                .containsExactly("customer.created", "customer.updated");
    }

    @OnEveryDatabase
    void theEmailAddressWinsOverThePhoneNumber(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        String sharedDeskPhone = "+86 10 " + Drafts.unique("").substring(1, 9);
        Customer byEmail = careLoop.customers().create(Drafts.doctor("Dr A", Drafts.unique("a") + "@example.cn"), "admin");
        careLoop.customers().create(new CustomerDraft(CustomerType.PHARMACY, Tier.C, "Front desk", null, null, null,
                sharedDeskPhone, null), "admin");

        Ticket t = intakeFrom(careLoop, new CustomerDraft(null, null, null, null, null, byEmail.email(), sharedDeskPhone, null));

        assertThat(t.customerId()).isEqualTo(byEmail.id());
    }

    @OnEveryDatabase
    void anUnknownSenderBecomesANewCustomerWithTheDefaults(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        String email = Drafts.unique("new") + "@example.cn";

        Ticket t = intakeFrom(careLoop, new CustomerDraft(null, null, null, null, null, email, null, null));

        Customer created = careLoop.customers().get(t.customerId());
        assertThat(created.email()).isEqualTo(email);
        assertThat(created.type()).isEqualTo(CustomerType.PATIENT);
        assertThat(created.tier()).isEqualTo(Tier.C);
        assertThat(audit(careLoop, created)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("customer.created");
            assertThat(e.actor()).isEqualTo("plugin:email");
        });
    }

    // ---- create, change, delete ----

    @OnEveryDatabase
    void aCustomerIsCreatedReadChangedAndDeletedWithItsVersion(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        String email = Drafts.unique("li.na") + "@example.cn";
        Customer created = careLoop.customers().create(new CustomerDraft(CustomerType.PHARMACIST, Tier.A, "李娜",
                "上海第一人民医院", "药剂科", email, "+86 21 6324 0000", "rep.zhang"), "admin");
        assertThat(created.version()).isZero();
        assertThat(careLoop.customers().get(created.id())).isEqualTo(created);

        Customer changed = careLoop.customers().update(created.id(), new CustomerDraft(null, Tier.VIP, "李娜 Li Na",
                "上海第一人民医院", "药剂科", email, "+86 21 6324 0001", "rep.zhang"), 0, "supervisor");

        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.type()).isEqualTo(CustomerType.PHARMACIST);
        Customer stored = careLoop.customers().get(created.id());
        assertThat(stored.tier()).isEqualTo(Tier.VIP);
        assertThat(stored.name()).isEqualTo("李娜 Li Na");
        assertThat(stored.phone()).isEqualTo("+86 21 6324 0001");
        assertThat(stored.version()).isEqualTo(1);

        careLoop.customers().delete(created.id(), 1, "admin");

        assertThatThrownBy(() -> careLoop.customers().get(created.id())).isInstanceOf(NotFoundException.class);
        assertThat(audit(careLoop, created)).extracting(AuditEvent::action, AuditEvent::actor).containsExactly(
                tuple("customer.created", "admin"), tuple("customer.updated", "supervisor"),
                tuple("customer.deleted", "admin"));
    }

    @OnEveryDatabase
    void aChangeAgainstAStaleVersionIsAConflict(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Customer c = careLoop.customers().create(Drafts.doctor("Dr Stale", Drafts.unique("stale") + "@example.cn"), "admin");
        careLoop.customers().update(c.id(), Drafts.doctor("Dr Fresh", c.email()), 0, "supervisor");

        assertThatThrownBy(() -> careLoop.customers().update(c.id(), Drafts.doctor("Dr Late", c.email()), 0, "agent"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> careLoop.customers().delete(c.id(), 0, "admin"))
                .isInstanceOf(ConflictException.class);

        assertThat(careLoop.customers().get(c.id()).name()).isEqualTo("Dr Fresh");
    }

    @OnEveryDatabase
    void twoCustomersCannotShareAnEmailAddress(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        String email = Drafts.unique("shared") + "@example.cn";
        careLoop.customers().create(Drafts.doctor("Dr One", email), "admin");
        Customer two = careLoop.customers().create(Drafts.doctor("Dr Two", Drafts.unique("two") + "@example.cn"), "admin");

        assertThatThrownBy(() -> careLoop.customers().create(Drafts.doctor("Dr Copy", email.toUpperCase()), "admin"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> careLoop.customers().update(two.id(), Drafts.doctor("Dr Two", email), 0, "admin"))
                .isInstanceOf(ConflictException.class);

        assertThat(careLoop.customers().get(two.id()).email()).isEqualTo(two.email());
    }

    @OnEveryDatabase
    void aCustomerWithTicketsCannotBeDeleted(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Ticket t = intakeFrom(careLoop, Drafts.doctor("Dr Kept", Drafts.unique("kept") + "@example.cn"));
        Customer c = careLoop.customers().get(t.customerId());

        assertThatThrownBy(() -> careLoop.customers().delete(c.id(), c.version(), "admin"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("has tickets");

        assertThat(careLoop.customers().get(c.id())).isEqualTo(c);
        assertThat(audit(careLoop, c)).extracting(AuditEvent::action).doesNotContain("customer.deleted");
    }

    @OnEveryDatabase
    void changingOrDeletingACustomerThatDoesNotExistIsNotFound(Kind db) {
        CareLoop careLoop = careLoops.on(db);

        assertThatThrownBy(() -> careLoop.customers().get(987_654_321L)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> careLoop.customers().update(987_654_321L, Drafts.doctor("Nobody", null), 0, "admin"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> careLoop.customers().delete(987_654_321L, 0, "admin"))
                .isInstanceOf(NotFoundException.class);
    }

    @OnEveryDatabase
    void customersAreFoundByNameOrganisationEmailOrPhonePageByPage(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        String marker = Drafts.unique("院");
        List<Customer> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(careLoop.customers().create(new CustomerDraft(CustomerType.HOSPITAL, Tier.B, "第" + i + "医院",
                    marker + " 人民医院", null, null, "+86 20 " + marker.hashCode() + i, null), "admin"));
        }

        List<Customer> firstPage = careLoop.customers().page(marker.toUpperCase(), null, 3, TicketScope.ALL);
        List<Customer> secondPage = careLoop.customers().page(marker, firstPage.get(2).id(), 3, TicketScope.ALL);

        assertThat(firstPage).extracting(Customer::id).containsExactly(made.get(0).id(), made.get(1).id(), made.get(2).id());
        assertThat(secondPage).extracting(Customer::id).containsExactly(made.get(3).id(), made.get(4).id());
        assertThat(careLoop.customers().page("第3医院", null, 200, TicketScope.ALL)).extracting(Customer::id).contains(made.get(3).id());
        assertThat(careLoop.customers().page(String.valueOf(marker.hashCode()) + "4", null, 200, TicketScope.ALL))
                .extracting(Customer::id).containsExactly(made.get(4).id());
    }

    private static Ticket intakeFrom(CareLoop careLoop, CustomerDraft sender) {
        TicketDraft draft = Drafts.ticket(Drafts.unique("inquiry"), sender);
        return careLoop.intake().intake(draft, "email", Drafts.unique("<msg>"), "plugin:email").ticket();
    }

    private static List<AuditEvent> audit(CareLoop careLoop, Customer c) {
        return careLoop.transactions().read(s -> careLoop.audit().forEntity(s, "customer", String.valueOf(c.id())));
    }
}
