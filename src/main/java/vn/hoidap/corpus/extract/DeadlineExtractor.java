package vn.hoidap.corpus.extract;

import vn.hoidap.corpus.ReportingDeadline;
import vn.hoidap.corpus.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reporting deadlines ("chế độ báo cáo"), read on folded text so OCR forms match ("bdo cdo", "trudc ngay",
 * "hang nim"):
 * <ul>
 *   <li>a report by a date: "trước ngày 20/11 hằng năm", "trước ngày 01/6 và 15/11", "trước ngày 30 tháng 11",
 *       "trước ngày 15 hằng tháng" — one deadline per date, each date belonging to the nearest "báo cáo"
 *       before it (else after it), so "… gửi Sở X để tổng hợp, báo cáo UBND tỉnh trước ngày 15/12" is a second
 *       deadline, of Sở X to UBND tỉnh;</li>
 *   <li>a periodic report without a day: "Định kỳ 06 tháng … báo cáo … gửi về Sở …", "… báo cáo UBND tỉnh …
 *       (định kỳ hằng năm)"; the period stands as its date;</li>
 *   <li>a report on an event: "nếu có khó khăn, vướng mắc … phản ánh về Sở …", "nếu thấy cần sửa đổi, bổ sung
 *       … đề xuất gửi Sở …".</li>
 * </ul>
 * The reporter is the clause's subject, else the paragraph's, else the agency the (enclosing) section is
 * about; the recipient the agency after "báo cáo", "về", "gửi", "cho", "lên".
 */
final class DeadlineExtractor {

    /** A sentence ends at . ; ! ? followed by a space or the end: "https://dean06.vn" and "1.000" do not end one. */
    private static final Pattern SENTENCE = Pattern.compile(".+?(?:[.;!?](?=\\s|$)|$)");
    private static final Pattern REPORT = Pattern.compile("\\bb[a-z0-9]{1,2}o c[a-z0-9]{1,2}o\\b");
    private static final Pattern DATE = Pattern.compile(
            "(?:tr[a-z0-9]{1,3}c[a-z]?|cham nhat|han chot|muon nhat)(?: la)? (?:vao )?ng[a-z]{1,2}y (\\d{1,2})"
                    + "(?:\\s*(?:/|th[a-z]{1,2}ng)\\s*(\\d{1,2}))?"
                    + "((?:\\s*(?:,|va)\\s*(?:ng[a-z]{1,2}y\\s*)?\\d{1,2}\\s*(?:/|th[a-z]{1,2}ng)\\s*\\d{1,2})*)");
    private static final Pattern MORE = Pattern.compile("(\\d{1,2})\\s*(?:/|th[a-z]{1,2}ng)\\s*(\\d{1,2})");
    private static final Pattern RECURRENCE = Pattern.compile(
            "h[a-z]{1,2}ng (?:n[a-z]{1,2}m|th[a-z]{1,2}ng|qu[yv]|tu[a-z]{1,2}n)|[dp]inh k[yv] 0?6 th[a-z]{1,2}ng|\\b0?6 th[a-z]{1,2}ng");
    private static final Pattern PERIOD = Pattern.compile(
            "[dp]inh k[yv](?: 0?\\d{1,2} th[a-z]{1,2}ng| h[a-z]{1,2}ng (?:n[a-z]{1,2}m|qu[yv]|th[a-z]{1,2}ng))?");
    /** Where the recipient is named: "báo cáo UBND tỉnh", "gửi Sở …", "về Sở …", "lên …". */
    private static final Pattern TO = Pattern.compile("\\b(?:b[a-z0-9]{1,2}o c[a-z0-9]{1,2}o|ve|gui|cho|len|voi|de xuat|phan anh|trinh)\\s+");
    private static final Pattern EVENT = Pattern.compile(
            "\\b(?:neu|khi|truong hop)\\b.{0,60}?(kho khan|vuong mac|phat sinh|sua doi|bo sung|dieu chinh)");
    private static final Pattern EVENT_ACTION = Pattern.compile(
            "\\b(?:b[a-z0-9]{1,2}o c[a-z0-9]{1,2}o|phan anh|de xuat|kien nghi)\\b");
    /** A report that is published, not sent ("công bố báo cáo dự báo"), is a task. */
    private static final Pattern PUBLISHED = Pattern.compile("\\b(?:cong bo|xay dung|lap|ban hanh) b[a-z0-9]{1,2}o c[a-z0-9]{1,2}o");
    private static final Pattern CHAINED = Pattern.compile("\\bde (?:tong hop[, ]*)?(?:va )?$");
    private static final Pattern LEADING_TIME = Pattern.compile(
            "^(?:(?:[dp]inh k[yv]|h[a-z]{1,2}ng n[a-z]{1,2}m|h[a-z]{1,2}ng qu[yv])[^,]*,\\s*)");
    private static final Pattern BEFORE = Pattern.compile("tr[a-z0-9]{1,3}c[a-z]?");
    private static final Pattern WORD_START = Pattern.compile("(?<=[\\s,;:(])\\S+");
    private static final java.util.Set<String> RECIPIENT_STOPS = java.util.Set.of("truoc", "ket", "xem", "len", "hoac",
            "trong", "theo", "tình", "tinh hinh", "de", "dinh", "thong qua", "tong");

    private DeadlineExtractor() {
    }

    /** The sentences of one paragraph. */
    static List<String> sentences(String paragraph) {
        List<String> out = new ArrayList<>();
        Matcher m = SENTENCE.matcher(paragraph);
        while (m.find()) {
            String s = m.group().strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    static List<ReportingDeadline> extract(String planId, List<Section> outline) {
        List<ReportingDeadline> out = new ArrayList<>();
        walk(planId, outline, new java.util.ArrayDeque<>(), out);
        return out;
    }

    /** {@code ancestors}: the headings above, nearest first; their agency is read only when a report needs it. */
    private static void walk(String planId, List<Section> sections, java.util.Deque<String> ancestors,
                             List<ReportingDeadline> out) {
        for (Section s : sections) {
            if (s.path().startsWith("PL")) {
                continue;
            }
            String title = OutlineParser.title(s);
            ancestors.push(title);
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add(title);
            paragraphs.addAll(List.of(s.text().split("\n")));
            for (String para : paragraphs) {
                String folded = AgencyPatterns.fold(para);
                if (!REPORT.matcher(folded).find() && !EVENT.matcher(folded).find()) {
                    continue; // most paragraphs report nothing: no subject is read for them
                }
                String p = para.strip().replaceFirst("^[-+•–]\\s*", "");
                String paraSubject = AgencySubject.of(p);
                String context = paraSubject != null ? paraSubject : context(ancestors);
                for (String sentence : sentences(p)) {
                    read(planId, s, sentence, context, out);
                }
            }
            walk(planId, s.children(), ancestors, out);
            ancestors.pop();
        }
    }

    /** The agency the nearest enclosing heading is about ("1. Sở Khoa học và Công nghệ"), or null. */
    private static String context(java.util.Deque<String> ancestors) {
        for (String title : ancestors) {
            String agency = AgencySubject.of(title);
            if (agency != null) {
                return agency;
            }
        }
        return null;
    }

    private static void read(String planId, Section s, String sentence, String context, List<ReportingDeadline> out) {
        String f = AgencyPatterns.fold(sentence);
        List<Integer> reports = new ArrayList<>();
        Matcher r = REPORT.matcher(f);
        while (r.find()) {
            reports.add(r.start());
        }
        if (reports.isEmpty() && !EVENT.matcher(f).find()) {
            return;
        }
        Matcher event = EVENT.matcher(f);
        if (event.find() && EVENT_ACTION.matcher(f.substring(event.end())).find()) {
            eventReport(planId, s, sentence, f, event, context, out);
            return;
        }
        if (reports.isEmpty() || PUBLISHED.matcher(f).find()) {
            return;
        }
        String subject = reporter(sentence, f, context);
        Matcher d = DATE.matcher(f);
        String previousRecipient = null;
        int previousReport = -1;
        boolean dated = false;
        while (d.find()) {
            dated = true;
            int report = reportFor(reports, d.start());
            List<String> dates = new ArrayList<>();
            dates.add(d.group(2) == null ? d.group(1) : d.group(1) + "/" + d.group(2));
            Matcher more = MORE.matcher(d.group(3) == null ? "" : d.group(3));
            while (more.find()) {
                dates.add(more.group(1) + "/" + more.group(2));
            }
            String recurrence = recurrence(sentence, f, d.start());
            int next = reports.stream().filter(x -> x > report).findFirst().orElse(f.length());
            String recipient = recipient(sentence, f, report, Math.max(next, d.start()));
            // "… gửi Sở X để tổng hợp, báo cáo UBND tỉnh trước ngày 15/12": Sở X reports on.
            String reporter = previousRecipient != null && report != previousReport
                    && CHAINED.matcher(f.substring(0, report)).find() ? previousRecipient : subject;
            for (String date : dates) {
                out.add(new ReportingDeadline(planId, reporter, recipient, date, recurrence, sentence, s.path(), s.anchor()));
            }
            previousRecipient = recipient;
            previousReport = report;
        }
        if (!dated) {
            periodic(planId, s, sentence, f, reports.get(0), subject, context, out);
        }
    }

    /** The "báo cáo" a date belongs to: the nearest before it, else the first after it. */
    private static int reportFor(List<Integer> reports, int date) {
        int best = -1;
        for (int r : reports) {
            if (r < date) {
                best = r;
            }
        }
        return best >= 0 ? best : reports.stream().filter(x -> x > date).findFirst().orElse(reports.get(0));
    }

    private static String recurrence(String sentence, String f, int from) {
        Matcher r = RECURRENCE.matcher(f);
        if (r.find(from)) {
            return sentence.substring(r.start(), r.end());
        }
        Matcher r2 = RECURRENCE.matcher(f);
        return r2.find() ? sentence.substring(r2.start(), r2.end()) : null;
    }

    /**
     * "Định kỳ 06 tháng các cơ quan … báo cáo … gửi về Sở …", "… báo cáo UBND tỉnh … (định kỳ hằng năm)": a
     * report due every period without a day; the period stands as its date. It needs a recipient or a
     * reporter known from its section, else it is a task ("định kỳ hàng năm công bố báo cáo dự báo …").
     */
    private static void periodic(String planId, Section s, String sentence, String f, int report, String subject,
                                 String context, List<ReportingDeadline> out) {
        Matcher p = PERIOD.matcher(f);
        if (!p.find()) {
            return;
        }
        String recipient = recipient(sentence, f, report, f.length());
        if (recipient == null && context == null) {
            return;
        }
        String period = sentence.substring(p.start(), p.end());
        Matcher r = RECURRENCE.matcher(f);
        String recurrence = r.find() ? sentence.substring(r.start(), r.end())
                : period.replaceFirst("^\\S+\\s+\\S+\\s*", "");
        out.add(new ReportingDeadline(planId, subject, recipient, period, recurrence.isEmpty() ? null : recurrence,
                sentence, s.path(), s.anchor()));
    }

    /**
     * "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan … phản ánh về Sở …": a report due
     * when something happens; its date says what ("khi có khó khăn, vướng mắc", "khi cần sửa đổi, bổ sung").
     */
    private static void eventReport(String planId, Section s, String sentence, String f, Matcher event, String context,
                                    List<ReportingDeadline> out) {
        Matcher action = EVENT_ACTION.matcher(f);
        if (!action.find(event.end())) {
            return;
        }
        String recipient = recipient(sentence, f, action.start(), f.length());
        if (recipient == null) {
            return;
        }
        String kind = event.group(1);
        String date = kind.equals("sua doi") || kind.equals("bo sung") || kind.equals("dieu chinh")
                ? "khi cần sửa đổi, bổ sung" : "khi có khó khăn, vướng mắc";
        // The subject follows the condition: "…, nếu phát sinh vướng mắc, Sở X có trách nhiệm kịp thời báo cáo".
        String reporter = null;
        Matcher word = WORD_START.matcher(sentence);
        int at = event.end();
        while (reporter == null && at < action.start() && word.find(at)) {
            if (word.start() >= action.start()) {
                break;
            }
            reporter = AgencySubject.of(sentence.substring(word.start()));
            at = word.end();
        }
        out.add(new ReportingDeadline(planId, reporter != null ? capitalised(reporter) : context, recipient, date, null,
                sentence, s.path(), s.anchor()));
    }

    /** The sentence's own subject ("Định kỳ, các sở … báo cáo"), else the paragraph's or section's agency. */
    private static String reporter(String sentence, String f, String context) {
        Matcher lead = LEADING_TIME.matcher(f);
        String t = lead.find() ? sentence.substring(lead.end()) : sentence;
        String own = AgencySubject.of(t);
        return own != null ? capitalised(own) : context == null ? null : capitalised(context);
    }

    /** The agency named after "báo cáo"/"về"/"gửi"/"cho"/"lên" between {@code from} and {@code to}, or null. */
    private static String recipient(String sentence, String f, int from, int to) {
        Matcher m = TO.matcher(f);
        int at = from;
        while (at < to && m.find(at)) {
            if (m.start() >= to) {
                break;
            }
            String rest = sentence.substring(m.end());
            String name = AgencySubject.of(rest);
            if (name != null) {
                return trimRecipient(name);
            }
            at = m.end();
        }
        return null;
    }

    /** "UBND tỉnh tình hình thực hiện" → "UBND tỉnh": a recipient ends where the report's object starts. */
    private static String trimRecipient(String name) {
        String[] words = name.split("\\s+");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            String f = AgencySplitter.normalize(w);
            String two = i + 1 < words.length ? f + " " + AgencySplitter.normalize(words[i + 1]) : f;
            boolean lower = Character.isLowerCase(w.charAt(0));
            if (i > 0 && lower && (RECIPIENT_STOPS.contains(f) || RECIPIENT_STOPS.contains(w)
                    || RECIPIENT_STOPS.contains(two) || BEFORE.matcher(f).matches())) {
                break;
            }
            b.append(b.isEmpty() ? "" : " ").append(w);
            if (w.endsWith(",") || w.endsWith(";") || w.endsWith("(")) {
                break;
            }
        }
        return b.toString().replaceFirst("[,;(]+$", "").strip();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
