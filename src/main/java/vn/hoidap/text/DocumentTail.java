package vn.hoidap.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The end matter of a plan that is not content: digital-signature stamps ("… đã ký lên văn bản này!",
 * timestamps, "BAN CƠ YẾU CHÍNH PHỦ …") and the "Nơi nhận:" list with the signer's title and name.
 * Lines found here are blanked in place so the rest of the repair keeps its line numbers.
 */
final class DocumentTail {

    private static final Pattern TIMESTAMP = Pattern.compile("^\\s*\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");
    private static final Pattern RECIPIENTS_HEADING = Pattern.compile("^noi nh\\p{L}{1,3}\\s*:.*");
    private static final Pattern TITLE_IN_COLUMN = Pattern.compile("\\s+(TM|KT)\\.?\\s+\\p{Lu}.*$");
    private static final Pattern SIGNER_TITLE = Pattern.compile(
            "^(tm\\.?|kt\\.?|chu tich|pho chu tich|giam doc|q\\. ?chu tich|uy ban nhan dan|ubnd).*");
    private static final Pattern NAME = Pattern.compile("^(\\p{Lu}[\\p{L}]*)( \\p{Lu}[\\p{L}]*){1,4}$");

    private final List<String> recipients = new ArrayList<>();
    private final List<String> signatureLines = new ArrayList<>();
    private String signer;

    List<String> recipients() {
        return recipients;
    }

    List<String> signatureLines() {
        return signatureLines;
    }

    String signer() {
        return signer;
    }

    /** Moves the end matter out of {@code lines} (replacing it with empty lines). */
    void extract(List<String> lines) {
        extractSignatureStamps(lines);
        extractRecipients(lines);
    }

    private void extractSignatureStamps(List<String> lines) {
        boolean inStamp = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            boolean marker = isStampLine(line);
            // Lines of a stamp are tab-indented ("\tUBND TỈNH BÌNH ĐỊNH" between timestamp and "đã ký").
            if (marker || (inStamp && line.startsWith("\t"))) {
                signatureLines.add(line.strip());
                lines.set(i, "");
                inStamp = true;
            } else {
                inStamp = false;
            }
        }
    }

    static boolean isStampLine(String line) {
        String f = Fold.fold(line);
        return f.contains("da ky len van ban nay") || TIMESTAMP.matcher(line).matches()
                || f.startsWith("ban co yeu chinh phu") || f.equals("phien ban thu nghiem")
                || (f.contains("phone:") && f.contains("fax"));
    }

    private void extractRecipients(List<String> lines) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (RECIPIENTS_HEADING.matcher(Fold.fold(lines.get(i))).matches()) {
                start = i;
            }
        }
        if (start < 0) {
            return;
        }
        lines.set(start, "");
        int i = start + 1;
        for (; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.isEmpty()) {
                continue;
            }
            if (!(t.startsWith("-") || t.startsWith("~"))) {
                break;
            }
            String r = TITLE_IN_COLUMN.matcher(t.substring(1).strip()).replaceFirst("")
                    .replaceFirst(";\\s+\\p{Lu}$", ";")
                    .replaceFirst("[;.,]+$", "").strip();
            if (!r.isEmpty()) {
                recipients.add(r);
            }
            lines.set(i, "");
        }
        // After the list: the signer's title ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") and name, then maybe an appendix.
        for (int seen = 0; i < lines.size() && seen < 8; i++) {
            String t = lines.get(i).strip();
            if (t.isEmpty()) {
                continue;
            }
            seen++;
            if (SIGNER_TITLE.matcher(Fold.fold(t)).matches()) {
                lines.set(i, "");
            } else if (seen > 1 && t.equals(t.toUpperCase(java.util.Locale.ROOT)) && t.split("\\s+").length <= 3) {
                lines.set(i, ""); // "TM. ỦY BAN NHÂN" wrapped before "DÂN": the title goes on
            } else if (NAME.matcher(t).matches() && !t.equals(t.toUpperCase(java.util.Locale.ROOT))) {
                signer = t;
                lines.set(i, "");
                return;
            } else {
                return;
            }
        }
    }
}
