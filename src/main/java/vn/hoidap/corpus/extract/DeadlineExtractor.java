package vn.hoidap.corpus.extract;

import vn.hoidap.corpus.ReportingDeadline;
import vn.hoidap.corpus.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reporting deadlines: a sentence that asks for a report ("báo cáo") by a date ("trước ngày 20/11 hằng năm",
 * "trước ngày 01/6 và 15/11", "trước ngày 30 tháng 11", "trước ngày 15 hằng tháng"), one deadline per date.
 * The reporter is the sentence's subject or the agency the section is about; the recipient the agency after
 * "về"/"gửi".
 */
final class DeadlineExtractor {

    private static final Pattern SENTENCE = Pattern.compile("[^.;!?]*(?:[.;!?]|$)");
    private static final Pattern DATE = Pattern.compile(
            "(?:trước|chậm nhất|hạn chót|muộn nhất)(?: là)? (?:vào )?ngày (\\d{1,2})(?:\\s*(?:/|tháng)\\s*(\\d{1,2}))?"
                    + "((?:\\s*(?:,|và)\\s*(?:ngày\\s*)?\\d{1,2}\\s*(?:/|tháng)\\s*\\d{1,2})*)");
    private static final Pattern MORE = Pattern.compile("(\\d{1,2})\\s*(?:/|tháng)\\s*(\\d{1,2})");
    private static final Pattern RECURRENCE = Pattern.compile("(hằng|hàng) (năm|tháng|quý|tuần)|định kỳ 6 tháng|6 tháng");
    private static final Pattern RECIPIENT = Pattern.compile("(?:về|gửi|cho)\\s+((?:Sở|Ủy ban|UBND|Văn phòng|Ban|Bộ|Cục)[^,.;()]*)");

    private DeadlineExtractor() {
    }

    static List<ReportingDeadline> extract(String planId, List<Section> outline) {
        List<ReportingDeadline> out = new ArrayList<>();
        for (Section s : OutlineParser.flatten(outline)) {
            if (s.path().startsWith("PL")) {
                continue;
            }
            String context = DutyExtractor.looksLikeAgency(OutlineParser.title(s)) ? OutlineParser.title(s) : null;
            for (String para : (OutlineParser.title(s) + "\n" + s.text()).split("\n")) {
                Matcher sm = SENTENCE.matcher(para);
                while (sm.find()) {
                    String sentence = sm.group().strip();
                    if (sentence.isEmpty() || !sentence.toLowerCase(java.util.Locale.ROOT).contains("báo cáo")) {
                        continue;
                    }
                    Matcher d = DATE.matcher(sentence);
                    if (!d.find()) {
                        periodic(planId, s, sentence, context, out);
                        continue;
                    }
                    List<String> dates = new ArrayList<>();
                    dates.add(d.group(2) == null ? d.group(1) : d.group(1) + "/" + d.group(2));
                    Matcher more = MORE.matcher(d.group(3) == null ? "" : d.group(3));
                    while (more.find()) {
                        dates.add(more.group(1) + "/" + more.group(2));
                    }
                    Matcher r = RECURRENCE.matcher(sentence.substring(d.start()));
                    String recurrence = r.find() ? r.group() : null;
                    if (recurrence == null) {
                        Matcher r2 = RECURRENCE.matcher(sentence);
                        recurrence = r2.find() ? r2.group() : null;
                    }
                    Matcher rc = RECIPIENT.matcher(sentence.substring(sentence.toLowerCase(java.util.Locale.ROOT).indexOf("báo cáo")));
                    String recipient = rc.find() ? rc.group(1).replaceFirst("\\s+để\\s.*$", "").strip() : null;
                    String reporter = reporter(sentence, context);
                    for (String date : dates) {
                        out.add(new ReportingDeadline(planId, reporter, recipient, date, recurrence, sentence, s.path(),
                                s.anchor()));
                    }
                }
            }
        }
        return out;
    }

    private static final Pattern PERIOD = Pattern.compile("định kỳ(?: \\d{1,2} tháng| hằng năm| hàng năm| hằng quý| hàng quý| hằng tháng| hàng tháng)?");

    /**
     * "Định kỳ 06 tháng các cơ quan có liên quan báo cáo kết quả thực hiện gửi về Sở …": a report due every
     * period without a day; the period stands as its date. It needs a recipient, else it is a task
     * ("định kỳ hàng năm công bố báo cáo dự báo …").
     */
    private static void periodic(String planId, Section s, String sentence, String context, List<ReportingDeadline> out) {
        Matcher p = PERIOD.matcher(sentence.toLowerCase(java.util.Locale.ROOT));
        int report = sentence.toLowerCase(java.util.Locale.ROOT).indexOf("báo cáo");
        if (!p.find() || report < 0) {
            return;
        }
        Matcher rc = RECIPIENT.matcher(sentence.substring(report));
        if (!rc.find()) {
            return;
        }
        String recipient = rc.group(1).replaceFirst("\\s+để\\s.*$", "").strip();
        Matcher r = RECURRENCE.matcher(sentence);
        String period = p.group();
        String recurrence = r.find() ? r.group() : period.replaceFirst("^định kỳ\\s*", "");
        out.add(new ReportingDeadline(planId, reporter(sentence, context), recipient, period, recurrence.isEmpty() ? null
                : recurrence, sentence, s.path(), s.anchor()));
    }

    private static String reporter(String sentence, String context) {
        String t = sentence.replaceFirst("^(Định kỳ|Hằng năm|Hàng năm)[^,]*,\\s*", "")
                .replaceFirst("^Định kỳ(\\s+\\d{1,2} tháng|\\s+h[ằà]ng (năm|quý|tháng))?\\s+", "");
        if (DutyExtractor.looksLikeAgency(t)) {
            int cut = t.length();
            for (String stop : List.of(" căn cứ", " báo cáo", " định kỳ", " tổ chức", " xây dựng", " chủ động", " trước")) {
                int i = t.indexOf(stop);
                if (i > 0) {
                    cut = Math.min(cut, i);
                }
            }
            String r = t.substring(0, cut).replaceFirst("[,;:]+$", "").strip();
            return r.isEmpty() ? context : Character.toUpperCase(r.charAt(0)) + r.substring(1);
        }
        return context;
    }
}
