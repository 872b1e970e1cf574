package io.careloop.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careloop.engine.customer.CustomerDraft;
import io.careloop.engine.customer.CustomerType;
import io.careloop.engine.customer.Tier;
import io.careloop.engine.intake.TicketDraft;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Channel;
import io.careloop.engine.ticket.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The inbound items every scenario processes, the same sequence for each (fixed seed): a mix of
 * the six categories in Chinese and English, with and without a category or severity given, and
 * with no customer, a returning customer (matched by e-mail or phone) or a new one. Built before
 * the clock starts, so that generating and serialising them is not measured.
 */
final class Samples {

    /** One inbound item, in the three shapes the scenarios need. */
    record Sample(int index, TicketDraft draft, String json, Map<String, Object> processVariables) {
    }

    private record Template(Category category, String subject, String description) {
    }

    private record Person(CustomerType type, Tier tier, String name, String organisation, String email, String phone) {
    }

    // keywords as in classify-ticket.dmn (categorise-ticket); %1$s = product, %2$s = lot
    private static final List<Template> EN = List.of(
            new Template(Category.MEDICATION_ERROR, "Wrong dose dispensed for %1$s",
                    "The pharmacy labelled the box of %1$s with the wrong dose: my mother has been taking 20 mg twice a day instead of 10 mg since Monday."),
            new Template(Category.MEDICATION_ERROR, "Double dose taken by mistake",
                    "My husband forgot that he had already taken his evening tablet of %1$s and took a double dose. He feels fine for now; what should we do?"),
            new Template(Category.ADVERSE_EVENT, "Rash after starting %1$s",
                    "Three days after starting %1$s I developed a rash on both arms with some itching. I stopped taking it yesterday evening."),
            new Template(Category.ADVERSE_EVENT, "Possible side effect",
                    "Since switching to %1$s my father has severe headaches and dizziness every morning. Is this a known side effect?"),
            new Template(Category.ADVERSE_EVENT, "Patient hospitalised",
                    "A patient of mine was hospitalised with raised liver values two weeks after starting %1$s. Reporting as your field representative asked."),
            new Template(Category.PRODUCT_QUALITY, "Damaged blister pack, lot %2$s",
                    "Two blisters in the box of %1$s were broken when we opened it. Lot %2$s, bought at the pharmacy last week."),
            new Template(Category.PRODUCT_QUALITY, "Tablets discoloured",
                    "Some tablets of %1$s look discoloured, with yellow spots. The box shows lot number %2$s and it was stored as instructed."),
            new Template(Category.MEDICAL_INQUIRY, "Can I take %1$s with ibuprofen?",
                    "My doctor prescribed %1$s. Can I take it together with ibuprofen for my back pain?"),
            new Template(Category.MEDICAL_INQUIRY, "Use during pregnancy",
                    "Is %1$s safe during pregnancy? I am in my second trimester and my GP asked me to check with you."),
            new Template(Category.MEDICAL_INQUIRY, "Interaction with warfarin",
                    "Is there a known interaction between %1$s and warfarin? A patient asked at the counter this morning."),
            new Template(Category.SERVICE_PROCESS, "Order not delivered",
                    "Our pharmacy placed an order for 40 boxes of %1$s on the 3rd and it has not been delivered yet."),
            new Template(Category.SERVICE_PROCESS, "Invoice missing",
                    "We received the goods but the invoice is missing. Please send it to our accounts team."),
            new Template(Category.CUSTOMER_RELATIONSHIP, "Complaint about the hotline",
                    "I want to complain about the hotline agent I spoke to yesterday: she was rude and ended the call."),
            new Template(Category.CUSTOMER_RELATIONSHIP, "Unhappy with the follow-up",
                    "I am unhappy that nobody called me back after my last request two weeks ago."),
            new Template(null, "Please call me back",
                    "I tried to reach you several times this week. Please call me back on my mobile."));

    private static final List<Template> ZH = List.of(
            new Template(Category.MEDICATION_ERROR, "孩子误服了%1$s",
                    "今天下午三岁的孩子误服了两片%1$s，目前精神状态正常，请问需要去医院吗？"),
            new Template(Category.MEDICATION_ERROR, "药房配药剂量错误",
                    "药房给我父亲配的%1$s剂量错误，标签上写的是每日两次、每次20毫克，医生开的是10毫克。"),
            new Template(Category.ADVERSE_EVENT, "服用%1$s后出现皮疹",
                    "服用%1$s三天后，手臂出现大片皮疹并伴有瘙痒，已经停药。"),
            new Template(Category.ADVERSE_EVENT, "疑似不良反应报告",
                    "患者服用%1$s一周后出现恶心、呕吐，已到门诊就诊，现上报疑似不良反应。"),
            new Template(Category.PRODUCT_QUALITY, "外包装破损，批号%2$s",
                    "收到的%1$s外包装破损，批号%2$s，部分药片有碎裂。"),
            new Template(Category.PRODUCT_QUALITY, "药片变色",
                    "%1$s药片表面变色，批号%2$s，我们是按说明储存的。"),
            new Template(Category.MEDICAL_INQUIRY, "说明书用法咨询",
                    "想咨询一下%1$s的用法：说明书上写饭后服用，早上空腹可以吗？"),
            new Template(Category.MEDICAL_INQUIRY, "药物相互作用",
                    "请问%1$s和阿司匹林一起服用有相互作用吗？"),
            new Template(Category.SERVICE_PROCESS, "订单未发货",
                    "我们医院上周下的%1$s订单至今未发货，请帮忙查询物流。"),
            new Template(Category.SERVICE_PROCESS, "发票抬头有误",
                    "请重新开具上个月的发票，抬头写错了。"),
            new Template(Category.CUSTOMER_RELATIONSHIP, "投诉热线客服态度",
                    "昨天打热线电话，客服态度很差，还直接挂断了电话，我要投诉。"),
            new Template(Category.CUSTOMER_RELATIONSHIP, "对处理结果不满意",
                    "对上次的处理结果不满意，希望主管联系我。"),
            new Template(null, "请尽快回电",
                    "这周给你们打了好几次电话都没人接，请尽快给我回电话。"));

    // no keyword of any category in these
    private static final List<String> EN_FILLERS = List.of("Thank you for your help.",
            "I can be reached by phone between 9 and 5.", "This is the second time I am writing about this.",
            "Kind regards.", "Please get back to me as soon as possible.");
    private static final List<String> ZH_FILLERS = List.of("谢谢！", "请尽快回复。", "我的联系电话已留在系统里。",
            "这是我第二次反映这个问题。", "麻烦了。");

    private static final List<String> PRODUCTS = List.of("Cardiolex 10 mg", "Glucoril 500 mg", "Pulmaxin inhaler",
            "Neurabex 25 mg", "Hepatovir 100 mg", "Dermacort cream");

    private static final String[] ZH_SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] ZH_GIVEN = {"伟", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "涛", "明"};
    private static final String[] EN_FIRST = {"Emily", "James", "Sophie", "Daniel", "Olivia", "Thomas", "Grace", "Lucas"};
    private static final String[] EN_LAST = {"Carter", "Nguyen", "Schmidt", "Rossi", "Walsh", "Okafor", "Larsen", "Silva"};
    private static final String[] ZH_ORGS = {"上海市第一人民医院", "北京协和药房", "广州康健医药有限公司", "杭州仁和诊所"};
    private static final String[] EN_ORGS = {"St. Mary's Hospital", "Riverside Pharmacy", "MedSupply Distribution", "Northgate Clinic"};

    private static final int RETURNING_CUSTOMERS = 400;

    private Samples() {
    }

    /** {@code count} items from a fixed seed: every scenario and every run gets the same ones. */
    static List<Sample> generate(int count, ObjectMapper json) {
        Random r = new Random(20260101L);
        List<Person> returning = new ArrayList<>();
        for (int i = 0; i < RETURNING_CUSTOMERS; i++) {
            returning.add(person(r, "c" + i));
        }
        List<Sample> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(sample(r, i, returning, json));
        }
        return out;
    }

    private static Sample sample(Random r, int index, List<Person> returning, ObjectMapper json) {
        boolean zh = r.nextBoolean();
        List<Template> templates = zh ? ZH : EN;
        Template t = templates.get(r.nextInt(templates.size()));
        String product = PRODUCTS.get(r.nextInt(PRODUCTS.size()));
        String lot = (char) ('A' + r.nextInt(6)) + String.valueOf(2000 + r.nextInt(8000));
        List<String> fillers = zh ? ZH_FILLERS : EN_FILLERS;
        StringBuilder description = new StringBuilder(String.format(t.description(), product, lot));
        for (int f = r.nextInt(3); f > 0; f--) {
            description.append(zh ? "" : " ").append(fillers.get(r.nextInt(fillers.size())));
        }
        String subject = String.format(t.subject(), product, lot);

        // integrations sometimes know the category (a PV form), agents on the phone sometimes the severity
        Category category = t.category() != null && r.nextInt(100) < 30 ? t.category() : null;
        Severity severity = r.nextInt(100) < 25 ? Severity.values()[r.nextInt(3)] : null;
        Channel channel = channel(r);

        CustomerDraft customer = null;
        int who = r.nextInt(100);
        if (who < 30) {
            customer = null;                                      // anonymous caller
        } else if (who < 75) {
            Person p = returning.get(r.nextInt(returning.size())); // returning, by e-mail
            customer = new CustomerDraft(p.type(), p.tier(), p.name(), p.organisation(), null, p.email(), p.phone(), null);
        } else if (who < 85) {
            Person p = returning.get(r.nextInt(returning.size())); // returning, phone only
            customer = new CustomerDraft(null, null, p.name(), null, null, null, p.phone(), null);
        } else {
            Person p = person(r, "n" + index);                    // first contact
            customer = new CustomerDraft(p.type(), p.tier(), p.name(), p.organisation(), null, p.email(), null, null);
        }
        boolean withProduct = t.category() == Category.PRODUCT_QUALITY || r.nextBoolean();
        TicketDraft draft = new TicketDraft(subject, description.toString(), channel, category, severity, null, customer,
                withProduct ? product : null, t.category() == Category.PRODUCT_QUALITY ? lot : null, null);
        return new Sample(index, draft, toJson(draft, json), processVariables(draft));
    }

    private static Channel channel(Random r) {
        int c = r.nextInt(100);
        if (c < 35) {
            return Channel.EMAIL;
        } else if (c < 60) {
            return Channel.PHONE;
        } else if (c < 80) {
            return Channel.WEB;
        } else if (c < 90) {
            return Channel.CHAT;
        } else if (c < 95) {
            return Channel.SURVEY;
        }
        return Channel.API;
    }

    private static Person person(Random r, String id) {
        CustomerType type = CustomerType.values()[r.nextInt(CustomerType.values().length)];
        int t = r.nextInt(100);
        Tier tier = t < 5 ? Tier.VIP : t < 20 ? Tier.A : t < 50 ? Tier.B : Tier.C;
        boolean zh = r.nextInt(100) < 60;
        String name = zh ? ZH_SURNAMES[r.nextInt(ZH_SURNAMES.length)] + ZH_GIVEN[r.nextInt(ZH_GIVEN.length)]
                + ZH_GIVEN[r.nextInt(ZH_GIVEN.length)]
                : EN_FIRST[r.nextInt(EN_FIRST.length)] + " " + EN_LAST[r.nextInt(EN_LAST.length)];
        String org = type == CustomerType.PATIENT ? null : zh ? ZH_ORGS[r.nextInt(ZH_ORGS.length)] : EN_ORGS[r.nextInt(EN_ORGS.length)];
        String email = id + "." + (zh ? "zh" : "en") + "@" + (zh ? "example.cn" : "example.org");
        String phone = String.format("+86 13%d %04d %04d", r.nextInt(10), r.nextInt(10000), r.nextInt(10000));
        return new Person(type, tier, name, org, email, phone);
    }

    /** The body of POST /api/v1/tickets for the draft (absent fields left out). */
    private static String toJson(TicketDraft d, ObjectMapper json) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", d.subject());
        body.put("description", d.description());
        body.put("channel", d.channel().code());
        putIf(body, "category", d.category() == null ? null : d.category().code());
        putIf(body, "severity", d.severity() == null ? null : d.severity().code());
        if (d.customer() != null) {
            CustomerDraft c = d.customer();
            Map<String, Object> cust = new LinkedHashMap<>();
            putIf(cust, "type", c.type() == null ? null : c.type().code());
            putIf(cust, "tier", c.tier() == null ? null : c.tier().code());
            putIf(cust, "name", c.name());
            putIf(cust, "organisation", c.organisation());
            putIf(cust, "email", c.email());
            putIf(cust, "phone", c.phone());
            body.put("customer", cust);
        }
        putIf(body, "product", d.product());
        putIf(body, "lot", d.lot());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The variables CareLoop's TicketProcess.start passes, for the baseline. The tier is the
     * draft's (CareLoop uses the stored customer's; a new customer without one gets C).
     */
    private static Map<String, Object> processVariables(TicketDraft d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("category", d.category() == null ? null : d.category().code());
        v.put("severity", d.severity() == null ? null : d.severity().code());
        Tier tier = d.customer() == null ? null : d.customer().tier() == null ? Tier.C : d.customer().tier();
        v.put("tier", tier == null ? null : tier.code());
        v.put("channel", d.channel().code());
        v.put("text", d.text());
        v.put("autoCloseAfter", "P7D");
        return v;
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
