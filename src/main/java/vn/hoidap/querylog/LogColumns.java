package vn.hoidap.querylog;

import java.util.List;

/**
 * A batch of rows as one array per column, the shape of {@link QueryLogRepository#insertColumns}. Times and ids
 * travel as text and are cast by the statement (Micronaut Data binds string, boolean, float and integer arrays).
 */
record LogColumns(String[] ids, String[] askedAt, String[] channel, String[] sessionHash, String[] question,
                  String[] questionKey, String[] intent, String[] topic, String[] theme, String[] province,
                  String[] agency, Boolean[] fallback, Float[] confidence, String[] topSource, Integer[] latencyMs) {

    static LogColumns of(List<LogRow> rows) {
        int n = rows.size();
        LogColumns c = new LogColumns(new String[n], new String[n], new String[n], new String[n], new String[n],
                new String[n], new String[n], new String[n], new String[n], new String[n], new String[n],
                new Boolean[n], new Float[n], new String[n], new Integer[n]);
        for (int i = 0; i < n; i++) {
            LogRow r = rows.get(i);
            c.ids[i] = r.id().toString();
            c.askedAt[i] = r.askedAt().toString(); // ISO-8601 in UTC: timestamptz reads it exactly (microseconds kept)
            c.channel[i] = r.channel();
            c.sessionHash[i] = r.sessionHash();
            c.question[i] = r.question();
            c.questionKey[i] = r.questionKey();
            c.intent[i] = r.intent();
            c.topic[i] = r.topic();
            c.theme[i] = r.theme();
            c.province[i] = r.province();
            c.agency[i] = r.agency();
            c.fallback[i] = r.fallback();
            c.confidence[i] = r.confidence() == null ? null : r.confidence().floatValue();
            c.topSource[i] = r.topSource();
            c.latencyMs[i] = r.latencyMs();
        }
        return c;
    }
}
