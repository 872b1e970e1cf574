package io.careloop.plugins.survey;

import io.careloop.plugin.api.SurveyResponse;
import io.careloop.plugins.support.CsvInput;
import io.careloop.plugins.support.RowProblem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a survey export keeps what the feedback loop needs, found from its header rows by one of
 * the tool-specific readers ({@link Layouts}): the column of each field (or -1), the question
 * text of every column for the answers kept with the response, and how to read the rest.
 *
 * @param tool          the tool, used as the response id's prefix when the export has no id column
 * @param headerRows    how many rows precede the data
 * @param questions     the question text of every column (answers are keyed by it)
 * @param finishedValue for a "finished" column: the value of a complete response (e.g. "1"), or null
 */
record Layout(String tool, int headerRows, int ticket, int csat, int nps, int comment, int solved, int responseId,
              int time, int finished, String finishedValue, List<String> questions, ZoneId zone) {

    SurveyResponse read(CsvInput.Row row) throws RowProblem {
        String id = responseId >= 0 ? Answers.value(row.get(responseId)) : null;
        if (id == null) {
            // no id column, or an empty one: the row's content is its identity, so a re-import changes nothing
            id = tool + ":" + digest(row.values());
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < questions.size() && i < row.size(); i++) {
            String v = Answers.value(row.get(i));
            if (v != null && !questions.get(i).isBlank()) {
                answers.putIfAbsent(questions.get(i), v);
            }
        }
        boolean completed = finished < 0 || finishedValue == null || finishedValue.equalsIgnoreCase(
                row.get(finished) == null ? "" : row.get(finished));
        return new SurveyResponse(id, ticket >= 0 ? Answers.value(row.get(ticket)) : null,
                csat >= 0 ? Answers.score(row.get(csat), "csat", true) : null,
                nps >= 0 ? Answers.score(row.get(nps), "nps", false) : null,
                comment >= 0 ? Answers.value(row.get(comment)) : null,
                solved >= 0 ? Answers.persists(row.get(solved)) : null,
                completed, time >= 0 ? Answers.time(row.get(time), zone, "time") : null, answers);
    }

    private static String digest(List<String> values) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String v : values) {
                md.update((v == null ? "" : v).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
