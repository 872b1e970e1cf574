package io.careloop.engine.demo;

import io.careloop.engine.CareLoop;
import io.careloop.engine.customer.Customer;
import io.careloop.engine.customer.CustomerDraft;
import io.careloop.engine.customer.CustomerType;
import io.careloop.engine.customer.Tier;
import io.careloop.engine.intake.TicketDraft;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Channel;
import io.careloop.engine.ticket.Severity;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.user.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo data for a first look: teams and their queues, one user per role, customers of every type
 * and tickets in several states. Loaded once; a restart finds the demo users and leaves it be.
 */
public final class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final String ACTOR = "demo";

    /** A demo sign-in, printed at start. Demo passwords are fixed: never use demo data in production. */
    public record DemoUser(String username, String password, String role) {
    }

    private DemoData() {
    }

    public static List<DemoUser> users() {
        return List.of(
                new DemoUser("agent", "agent-demo-2026", "agent"),
                new DemoUser("supervisor", "supervisor-demo-2026", "supervisor"),
                new DemoUser("specialist", "specialist-demo-2026", "specialist"),
                new DemoUser("integrator", "integrator-demo-2026", "integrator"));
    }

    /** Loads the demo data unless it is there already; returns the demo sign-ins either way. */
    public static List<DemoUser> load(CareLoop careLoop) {
        if (careLoop.users().find("agent").isPresent()) {
            LOG.info("demo data present, not loaded again");
            return users();
        }
        var users = careLoop.users();
        users.createTeam("service-desk", "Service desk 客服中心", List.of("service-desk", "key-accounts"), ACTOR);
        users.createTeam("pharmacovigilance", "Pharmacovigilance 药物警戒", List.of("pharmacovigilance"), ACTOR);
        users.createTeam("quality", "Quality 质量部", List.of("quality"), ACTOR);
        users.createTeam("medical-affairs", "Medical affairs 医学部", List.of("medical-affairs"), ACTOR);
        Map<String, List<String>> teams = Map.of(
                "agent", List.of("service-desk"),
                "supervisor", List.of("service-desk", "pharmacovigilance", "quality", "medical-affairs"),
                "specialist", List.of("pharmacovigilance", "quality", "medical-affairs"),
                "integrator", List.of());
        for (DemoUser u : users()) {
            users.create(u.username(), displayName(u.username()), u.password(),
                    EnumSet.of(Role.fromCode(u.role())), teams.get(u.username()), ACTOR);
        }

        var customers = careLoop.customers();
        List<Customer> c = new ArrayList<>();
        c.add(customers.create(new CustomerDraft(CustomerType.DOCTOR, Tier.VIP, "王建国 Wang Jianguo", "北京协和医院", "心内科",
                "wang.jianguo@example-hospital.cn", "+86 10 6915 0000", "rep.li"), ACTOR));
        c.add(customers.create(new CustomerDraft(CustomerType.PHARMACIST, Tier.A, "李娜 Li Na", "上海第一人民医院", "药剂科",
                "li.na@example-hospital.cn", "+86 21 6324 0000", "rep.zhang"), ACTOR));
        c.add(customers.create(new CustomerDraft(CustomerType.HOSPITAL, Tier.B, "广州市第三人民医院", "广州市第三人民医院", "采购部",
                "purchasing@example-gz3.cn", "+86 20 8888 0000", "rep.chen"), ACTOR));
        c.add(customers.create(new CustomerDraft(CustomerType.PHARMACY, Tier.C, "康乐大药房", "康乐大药房连锁", null,
                "orders@example-kangle.cn", "+86 755 2222 0000", null), ACTOR));
        c.add(customers.create(new CustomerDraft(CustomerType.DISTRIBUTOR, Tier.B, "华东医药配送", "华东医药配送有限公司", "物流部",
                "logistics@example-distrib.cn", null, "rep.zhang"), ACTOR));
        c.add(customers.create(new CustomerDraft(CustomerType.PATIENT, Tier.C, "张女士", null, null, null,
                "+86 138 0000 0001", null), ACTOR));

        var intake = careLoop.intake();
        var tickets = careLoop.tickets();
        Ticket t1 = open(careLoop, "服用后出现皮疹", "患者服用本品第三天出现全身皮疹，伴瘙痒，已停药。请问是否需要就医？",
                Channel.PHONE, null, null, c.get(5).id(), "Cardiolex 10mg", "22A17");
        Ticket t2 = open(careLoop, "Damaged packaging on delivery", "Three boxes of lot 23B04 arrived with crushed blisters.",
                Channel.EMAIL, Category.PRODUCT_QUALITY, null, c.get(3).id(), "Cardiolex 10mg", "23B04");
        Ticket t3 = open(careLoop, "超说明书用药咨询", "儿科患者能否使用本品？剂量如何调整？", Channel.WEB, Category.MEDICAL_INQUIRY,
                null, c.get(0).id(), "Neurovin 5mg", null);
        Ticket t4 = open(careLoop, "订单延迟 Order delayed", "订单 PO-2026-1193 已延迟一周，请尽快发货。", Channel.EMAIL, null, null,
                c.get(2).id(), null, null);
        Ticket t5 = open(careLoop, "Dosing error reported by pharmacist", "Patient received 20mg instead of 10mg; no harm observed yet.",
                Channel.PHONE, Category.MEDICATION_ERROR, Severity.HIGH, c.get(1).id(), "Cardiolex 20mg", "22C01");
        Ticket t6 = open(careLoop, "对上次回复不满意", "客户对上次服务态度不满意，要求主管回电。", Channel.VISIT, Category.CUSTOMER_RELATIONSHIP,
                null, c.get(0).id(), null, null);
        Ticket t7 = open(careLoop, "Invoice copy requested", "Please send a copy of invoice INV-7781.", Channel.EMAIL,
                Category.SERVICE_PROCESS, Severity.LOW, c.get(4).id(), null, null);
        open(careLoop, "Storage temperature question", "Can Neurovin be stored at 30°C for a week?", Channel.CHAT,
                Category.MEDICAL_INQUIRY, null, c.get(1).id(), "Neurovin 5mg", null);

        tickets.claim(t2.number(), "agent", null);
        tickets.reply(t2.number(), "已收到您的反馈，请保留包装并提供照片。We will replace the boxes.", "agent", null);
        tickets.claim(t4.number(), "agent", null);
        tickets.reply(t4.number(), "已联系物流，预计明日发货。", "agent", null);
        tickets.resolve(t4.number(), "订单已发出，运单号 SF1234567890。", "agent", null);
        tickets.claim(t7.number(), "agent", null);
        tickets.resolve(t7.number(), "Invoice copy sent by e-mail.", "agent", null);
        tickets.close(t7.number(), "agent", null);
        tickets.claim(t6.number(), "supervisor", null);
        tickets.resolve(t6.number(), "主管已回电致歉。", "supervisor", null);
        tickets.reopen(t6.number(), "客户再次来电，问题未解决", "supervisor", null);
        tickets.claim(t5.number(), "specialist", null);
        tickets.note(t5.number(), "Pharmacovigilance assessment started; no harm so far.", "specialist");
        tickets.note(t1.number(), "Possible adverse event: 皮疹. Forwarded to pharmacovigilance.", "supervisor");
        tickets.note(t3.number(), "Off-label question: medical affairs only.", "supervisor");
        LOG.info("demo data loaded users={} customers={} tickets=8", users().size(), c.size());
        return users();
    }

    private static Ticket open(CareLoop careLoop, String subject, String description, Channel channel, Category category,
                               Severity severity, Long customerId, String product, String lot) {
        return careLoop.intake().intake(new TicketDraft(subject, description, channel, category, severity, customerId, null,
                product, lot, null), "demo", subject, ACTOR).ticket();
    }

    private static String displayName(String username) {
        return switch (username) {
            case "agent" -> "陈晓 Chen Xiao (agent)";
            case "supervisor" -> "刘敏 Liu Min (supervisor)";
            case "specialist" -> "赵磊 Zhao Lei (pharmacovigilance)";
            default -> "孙伟 Sun Wei (integrator)";
        };
    }
}
