package io.careloop.plugins.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.careloop.plugin.api.SurveyResponse;
import io.careloop.plugin.testkit.BytesImport;
import io.careloop.plugin.testkit.RecordingSink;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurveyImportSourceTest {

    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void readsTheWenjuanxingSample() throws Exception {
        BytesImport run = run(sample("wenjuanxing-export.csv"), null, Map.of());
        assertThat(run.sink().rejected).isEmpty();
        List<SurveyResponse> r = responses(run);
        assertThat(r).extracting(SurveyResponse::ticketNumber, SurveyResponse::csat, SurveyResponse::nps)
                .containsExactly(tuple("CL-2026-000001", 5, 10), tuple("CL-2026-000002", 2, 3),
                        tuple("CL-2026-000003", 4, 8), tuple("CL-2099-999999", 1, 0));
        assertThat(r.get(0).comment()).isEqualTo("回复很快,专业");
        assertThat(r.get(2).comment()).as("(跳过) is no answer").isNull();
        assertThat(r.get(0).completed()).isTrue();
        assertThat(r.get(0).submittedAt()).isEqualTo(Instant.parse("2026-11-05T02:12:33Z"));
        assertThat(r.get(0).answers()).containsEntry("2、您对本次服务的满意度(1-5分)", "5");
        assertThat(r).extracting(SurveyResponse::responseId).doesNotHaveDuplicates().allMatch(id -> id.startsWith("wjx:"));
        assertThat(run.preamble()).startsWith("序号,提交答卷时间");
    }

    @Test
    void readsGbkWenjuanxingWithMultiSelectWordsDuplicatesAndBadScores() throws Exception {
        String csv = "序号,提交答卷时间,所用时间,来源,来源详情,来自IP,1、工单编号,2、您对本次服务的满意度,"
                + "3、您通过哪些渠道联系过我们？,4、问题是否已解决？,5、您还有什么建议？\r\n"
                + "1,2026/11/07 09:00:00,40秒,微信,N/A,1.2.3.4(上海-上海),CL-2026-000010,满意,电话┋邮件,否,药还是没到\r\n"
                + "2,2026/11/07 09:05:00,40秒,微信,N/A,1.2.3.5(上海-上海),CL-2026-000011,很好吧,电话,是,\r\n"
                + "1,2026/11/07 09:00:00,40秒,微信,N/A,1.2.3.4(上海-上海),CL-2026-000010,满意,电话┋邮件,否,药还是没到\r\n"
                + "3,2026/13/07 09:05:00,40秒,微信,N/A,1.2.3.6(上海-上海),CL-2026-000012,5,电话,是,\r\n";
        BytesImport run = run(csv.getBytes(GBK), null, Map.of());
        assertThat(responses(run)).singleElement().satisfies(r -> {
            assertThat(r.ticketNumber()).isEqualTo("CL-2026-000010");
            assertThat(r.csat()).isEqualTo(4);
            assertThat(r.problemPersists()).isTrue();
            assertThat(r.comment()).isEqualTo("药还是没到");
            assertThat(r.answers()).containsEntry("3、您通过哪些渠道联系过我们？", "电话┋邮件");
        });
        assertThat(run.sink().duplicates).hasSize(1);
        assertThat(run.sink().rejected).extracting(x -> x.raw().position(), RecordingSink.Rejected::field)
                .containsExactly(tuple(3L, "csat"), tuple(5L, "time"));
        assertThat(run.sink().rejected.get(0).message()).contains("很好吧");
    }

    @Test
    void readsTheQualtricsSampleWithItsTimeZoneAndAPartialResponse() throws Exception {
        BytesImport run = run(sample("qualtrics-export.csv"), null, Map.of());
        assertThat(run.sink().rejected).isEmpty();
        List<SurveyResponse> r = responses(run);
        assertThat(r).extracting(SurveyResponse::responseId, SurveyResponse::ticketNumber, SurveyResponse::nps,
                        SurveyResponse::csat, SurveyResponse::completed)
                .containsExactly(tuple("R_1a2b3c4d5e6f7g8", "CL-2026-000005", 10, 5, true),
                        tuple("R_2b3c4d5e6f7g8h9", "CL-2026-000006", 4, 2, true),
                        tuple("R_3c4d5e6f7g8h9i0", "CL-2026-000007", null, null, false));
        assertThat(r.get(0).comment()).isEqualTo("Thanks, very clear answer.");
        // RecordedDate in the export's time zone (America/Denver, MST in November)
        assertThat(r.get(0).submittedAt()).isEqualTo(Instant.parse("2026-11-05T09:01:11Z"));
        assertThat(run.preamble().lines().count()).isEqualTo(3);
    }

    @Test
    void readsSurveyMonkeyWithItsSubLabelRow() throws Exception {
        String csv = "Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,"
                + "Custom Data 1,Your ticket number,How satisfied were you?,How likely are you to recommend us?,"
                + "Which channels did you use?,,Any comments?\n"
                + ",,,,,,,,,Open-Ended Response,Response,Response,Phone,Email,Open-Ended Response\n"
                + "114000001,4000001,11/05/2026 10:00:00 AM,11/05/2026 10:02:00 AM,1.1.1.1,,,,,CL-2026-000020,4,9,Phone,,Quick\n";
        BytesImport run = run(csv.getBytes(StandardCharsets.UTF_8), "surveymonkey", Map.of());
        assertThat(responses(run)).singleElement().satisfies(r -> {
            assertThat(r.responseId()).isEqualTo("114000001");
            assertThat(r.ticketNumber()).isEqualTo("CL-2026-000020");
            assertThat(r.csat()).isEqualTo(4);
            assertThat(r.nps()).isEqualTo(9);
            assertThat(r.comment()).isEqualTo("Quick");
            assertThat(r.answers()).containsEntry("Which channels did you use? - Phone", "Phone");
            assertThat(r.submittedAt()).isEqualTo(Instant.parse("2026-11-05T02:02:00Z"));
        });
    }

    @Test
    void aGenericExportWithSemicolonsAndASavedMapping() throws Exception {
        String csv = "Ref;Case;Score;Recommend;Notes;Done\n"
                + "A1;CL-2026-000030;5;10;Great;1\n"
                + "A2;CL-2026-000031;3;;;0\n";
        String mapping = "responseId=Ref\nticket=Case\ncsat=Score\nnps=Recommend\ncomment=Notes\ncompleted=Done";
        BytesImport run = run(csv.getBytes(StandardCharsets.UTF_8), "generic", Map.of("surveyColumnMapping", mapping));
        assertThat(responses(run)).extracting(SurveyResponse::responseId, SurveyResponse::csat, SurveyResponse::nps,
                SurveyResponse::completed).containsExactly(tuple("A1", 5, 10, true), tuple("A2", 3, null, false));
        assertThatThrownBy(() -> run("a;b\n1;2\n".getBytes(StandardCharsets.UTF_8), null, Map.of()))
                .hasMessageContaining("no ticket column");
    }

    private static BytesImport run(byte[] bytes, String preset, Map<String, String> settings) throws Exception {
        BytesImport ctx = new BytesImport(bytes, "survey.csv", preset, settings);
        new SurveyImportSource().importStream(ctx);
        return ctx;
    }

    private static List<SurveyResponse> responses(BytesImport run) {
        return run.sink().accepted.stream().map(SurveyResponse.class::cast).toList();
    }

    private static byte[] sample(String name) throws Exception {
        try (InputStream in = SurveyImportSourceTest.class.getResourceAsStream("/samples/" + name)) {
            return in.readAllBytes();
        }
    }
}
