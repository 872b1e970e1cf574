package io.careloop.plugins.survey;

import io.careloop.plugins.support.CsvInput;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the header rows of a survey export and finds its {@link Layout}: 问卷星 (Wenjuanxing),
 * Qualtrics (three header rows: column names, question texts, ImportId JSON), SurveyMonkey (a
 * second header row of sub-labels) or a generic CSV whose columns are found by name or by a
 * saved column mapping.
 */
final class Layouts {

    static final String WENJUANXING = "wenjuanxing";
    static final String QUALTRICS = "qualtrics";
    static final String SURVEYMONKEY = "surveymonkey";
    static final String GENERIC = "generic";

    private static final Set<String> QUALTRICS_META = Set.of("startdate", "enddate", "status", "ipaddress", "progress",
            "duration (in seconds)", "finished", "recordeddate", "responseid", "recipientlastname", "recipientfirstname",
            "recipientemail", "externalreference", "locationlatitude", "locationlongitude", "distributionchannel",
            "userlanguage");
    private static final Pattern TIME_ZONE = Pattern.compile("\"timeZone\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d+\\s*[、.．]\\s*");

    private Layouts() {
    }

    /** The layout and the header rows it consumed from {@code rows}. */
    record Found(Layout layout, List<CsvInput.Row> header) {
    }

    static Found find(String preset, Iterator<CsvInput.Row> rows, ZoneId zone, String mapping) {
        CsvInput.Row first = rows.next();
        List<String> names = first.values().stream().map(Layouts::name).toList();
        String kind = preset != null ? preset : detect(names);
        List<CsvInput.Row> header = new ArrayList<>(List.of(first));
        switch (kind) {
            case QUALTRICS -> {
                CsvInput.Row texts = next(rows, "Qualtrics exports have three header rows");
                CsvInput.Row importIds = next(rows, "Qualtrics exports have three header rows");
                header.add(texts);
                header.add(importIds);
                return new Found(qualtrics(first, texts, importIds, zone), header);
            }
            case SURVEYMONKEY -> {
                CsvInput.Row labels = next(rows, "SurveyMonkey exports have two header rows");
                header.add(labels);
                return new Found(surveyMonkey(first, labels, zone), header);
            }
            case WENJUANXING -> {
                return new Found(wenjuanxing(first, zone), header);
            }
            case GENERIC -> {
                return new Found(generic(first, zone, mapping), header);
            }
            default -> throw new IllegalArgumentException("unknown survey format " + kind);
        }
    }

    private static String detect(List<String> names) {
        if (names.contains("responseid") && names.contains("finished")) {
            return QUALTRICS;
        }
        if (!names.isEmpty() && names.get(0).equals("respondent id")) {
            return SURVEYMONKEY;
        }
        if (!names.isEmpty() && names.get(0).equals("序号") && names.contains("提交答卷时间")) {
            return WENJUANXING;
        }
        return GENERIC;
    }

    static Layout wenjuanxing(CsvInput.Row header, ZoneId zone) {
        List<String> q = header.values().stream().map(v -> v == null ? "" : v.strip().replace("\uFEFF", "")).toList();
        Columns c = new Columns();
        // the six leading columns are 序号, 提交答卷时间, 所用时间, 来源, 来源详情, 来自IP; questions follow as "1、…"
        for (int i = 6; i < q.size(); i++) {
            c.offer(Question.of(NUMBERED.matcher(q.get(i)).replaceFirst("")), i);
        }
        return c.layout("wjx", 1, -1, q.indexOf("提交答卷时间"), -1, null, q, zone);
    }

    static Layout qualtrics(CsvInput.Row ids, CsvInput.Row texts, CsvInput.Row importIds, ZoneId fallback) {
        List<String> names = ids.values().stream().map(Layouts::name).toList();
        List<String> q = new ArrayList<>();
        Columns c = new Columns();
        for (int i = 0; i < names.size(); i++) {
            String text = texts.get(i) == null ? names.get(i) : texts.get(i);
            q.add(text);
            if (QUALTRICS_META.contains(names.get(i)) || names.get(i).endsWith("_nps_group")) {
                continue;
            }
            Question kind = names.get(i).equals("ticket") ? Question.TICKET : Question.of(text);
            c.offer(kind, i);
        }
        int time = names.indexOf("recordeddate") >= 0 ? names.indexOf("recordeddate") : names.indexOf("enddate");
        ZoneId zone = fallback;
        if (time >= 0 && importIds.get(time) != null) {
            Matcher m = TIME_ZONE.matcher(importIds.get(time));
            if (m.find()) {
                zone = zone(m.group(1), fallback);
            }
        }
        return c.layout("qualtrics", 3, names.indexOf("responseid"), time, names.indexOf("finished"), "1", q, zone);
    }

    static Layout surveyMonkey(CsvInput.Row questions, CsvInput.Row labels, ZoneId zone) {
        List<String> names = questions.values().stream().map(Layouts::name).toList();
        List<String> q = new ArrayList<>();
        Columns c = new Columns();
        String current = "";
        for (int i = 0; i < names.size(); i++) {
            String text = questions.get(i);
            if (text != null) {
                current = text;
            }
            String label = labels.get(i);
            boolean plain = label == null || label.equalsIgnoreCase("response") || label.equalsIgnoreCase("open-ended response");
            q.add(plain ? current : current + " - " + label);
            if (i >= 9 || names.get(i).contains("ticket") || names.get(i).contains("工单")) {
                c.offer(Question.of(current), i);
            }
        }
        int time = names.indexOf("end date") >= 0 ? names.indexOf("end date") : names.indexOf("start date");
        return c.layout("surveymonkey", 2, names.indexOf("respondent id"), time, -1, null, q, zone);
    }

    static Layout generic(CsvInput.Row header, ZoneId zone, String mapping) {
        Map<String, String> saved = Mapping.parse(mapping);
        List<String> names = header.values().stream().map(Layouts::name).toList();
        List<String> q = header.values().stream().map(v -> v == null ? "" : v.strip().replace("\uFEFF", "")).toList();
        Columns c = new Columns();
        int responseId = -1;
        int time = -1;
        int completed = -1;
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            String field = saved.entrySet().stream().filter(e -> name(e.getValue()).equals(n)).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            if (field != null) {
                switch (field) {
                    case "responseId" -> responseId = i;
                    case "time" -> time = i;
                    case "completed" -> completed = i;
                    default -> c.offer(Mapping.question(field), i);
                }
                continue;
            }
            if (Set.of("responseid", "response id", "respondent id", "答卷编号", "答卷id", "id").contains(n) && responseId < 0) {
                responseId = i;
            } else if (Set.of("time", "submitted", "submittedat", "提交时间", "提交答卷时间", "date").contains(n) && time < 0) {
                time = i;
            } else if (Set.of("completed", "finished", "完成").contains(n) && completed < 0) {
                completed = i;
            } else {
                c.offer(Question.of(n), i);
            }
        }
        if (c.ticket < 0) {
            throw new IllegalArgumentException("the survey export names no ticket column (e.g. 工单编号 or ticket); "
                    + "save a column mapping or choose a preset");
        }
        return c.layout("survey", 1, responseId, time, completed, completed >= 0 ? "1" : null, q, zone);
    }

    private static CsvInput.Row next(Iterator<CsvInput.Row> rows, String why) {
        if (!rows.hasNext()) {
            throw new IllegalArgumentException("the file ends inside its header: " + why);
        }
        return rows.next();
    }

    private static String name(String v) {
        return v == null ? "" : v.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    static ZoneId zone(String id, ZoneId fallback) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return fallback;
        }
    }

    /** The first column found for each field. */
    private static final class Columns {
        int ticket = -1;
        int csat = -1;
        int nps = -1;
        int comment = -1;
        int solved = -1;

        void offer(Question kind, int i) {
            switch (kind) {
                case TICKET -> ticket = ticket < 0 ? i : ticket;
                case CSAT -> csat = csat < 0 ? i : csat;
                case NPS -> nps = nps < 0 ? i : nps;
                case COMMENT -> comment = comment < 0 ? i : comment;
                case SOLVED -> solved = solved < 0 ? i : solved;
                default -> {
                }
            }
        }

        Layout layout(String tool, int headerRows, int responseId, int time, int finished, String finishedValue,
                      List<String> questions, ZoneId zone) {
            return new Layout(tool, headerRows, ticket, csat, nps, comment, solved, responseId, time, finished,
                    finishedValue, List.copyOf(questions), zone);
        }
    }
}
