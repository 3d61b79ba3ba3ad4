package vn.hoidap.corpus.extract;

import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.List;

/**
 * What each column of a plan's table holds, told by its header cell whatever the column order: "STT",
 * "Nhiệm vụ"/"Nội dung"/"Tên nhiệm vụ", "Cơ quan chủ trì"/"Đơn vị thực hiện", "Phối hợp", "Thời gian hoàn
 * thành"/"Tiến độ", "Sản phẩm"/"Kết quả", and for indicator tables "Chỉ tiêu", "Đơn vị tính", a year or
 * "Mục tiêu đến năm 2030".
 */
final class TableColumns {

    enum Role { NUMBER, TASK, LEAD, COORDINATE, TIMELINE, RESULT, INDICATOR, UNIT, VALUE, NOTE, OTHER }

    private final List<Role> roles;
    private final List<String> headers;

    private TableColumns(List<Role> roles, List<String> headers) {
        this.roles = List.copyOf(roles);
        this.headers = List.copyOf(headers);
    }

    /** The columns of a header row, or null when fewer than two cells read as headers. */
    static TableColumns of(List<String> headerCells) {
        List<Role> roles = new ArrayList<>();
        int known = 0;
        int filled = 0;
        for (String c : headerCells) {
            Role r = role(c);
            roles.add(r);
            if (r != Role.OTHER) {
                known++;
            }
            if (!c.isBlank()) {
                filled++;
            }
        }
        // A header names what rows hold, and names most of its columns: a data row ("Chương trình … | 2026 -
        // 2030") may have a cell or two that look like header words, never most of them with an assignment.
        boolean hasContent = roles.contains(Role.TASK) || roles.contains(Role.INDICATOR);
        boolean hasAssignment = roles.contains(Role.NUMBER) || roles.contains(Role.LEAD) || roles.contains(Role.COORDINATE)
                || roles.contains(Role.TIMELINE) || roles.contains(Role.RESULT) || roles.contains(Role.UNIT)
                || roles.stream().filter(r -> r == Role.VALUE).count() >= 1 && roles.contains(Role.INDICATOR);
        return known >= 2 && known >= 0.6 * filled && hasContent && hasAssignment
                ? new TableColumns(roles, headerCells) : null;
    }

    static Role role(String header) {
        String f = Fold.fold(header).replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ").strip();
        if (f.isEmpty() || f.length() > 60) {
            return Role.OTHER;
        }
        if (f.matches("(s )?tt|stt|so tt|so thu tu|thu tu")) {
            return Role.NUMBER;
        }
        if (f.contains("phoi hop")) {
            return Role.COORDINATE;
        }
        if (f.startsWith("thoi gian") || f.startsWith("thoi han") || f.startsWith("tien do") || f.startsWith("lo trinh")
                || f.equals("nam hoan thanh")) {
            return Role.TIMELINE;
        }
        if (f.contains("san pham") || f.startsWith("ket qua")) {
            return Role.RESULT;
        }
        if (f.contains("chu tri") || f.contains("thuc hien") && (f.contains("don vi") || f.contains("co quan"))
                || f.contains("dau moi") || f.startsWith("co quan") || f.startsWith("don vi thuc")
                || f.contains("theo doi") || f.contains("trach nhiem")) {
            return Role.LEAD;
        }
        if (f.startsWith("don vi tinh") || f.equals("dvt")) {
            return Role.UNIT;
        }
        if (f.startsWith("chi tieu") || f.startsWith("chi so") || f.startsWith("ten chi tieu")) {
            return Role.INDICATOR;
        }
        if (f.matches(".*\\b20\\d\\d\\b.*") || f.startsWith("muc tieu") || f.startsWith("gia tri")) {
            return Role.VALUE;
        }
        if (f.contains("nhiem vu") || f.startsWith("noi dung") || f.contains("giai phap") || f.startsWith("ten ")
                || f.startsWith("hoat dong") || f.startsWith("cong viec") || f.startsWith("du an")
                || f.startsWith("de an") || f.startsWith("chuong trinh")) {
            return Role.TASK;
        }
        if (f.startsWith("ghi chu")) {
            return Role.NOTE;
        }
        return Role.OTHER;
    }

    /**
     * The cell of {@code role} in a row. A row with more cells than the header has them on the left: a
     * sub-table headed "Nội dung | Đơn vị thực hiện | …" still numbers its rows in a first column.
     */
    String cell(List<String> row, Role role) {
        int at = roles.indexOf(role);
        if (at < 0) {
            return null;
        }
        int shift = roles.contains(Role.NUMBER) ? 0 : Math.max(0, row.size() - roles.size());
        int i = at + shift;
        return i < row.size() && !row.get(i).isBlank() ? row.get(i).strip() : null;
    }

    /** The number of a row: its STT cell, or the leading cell a header without STT leaves unnamed. */
    String number(List<String> row) {
        if (roles.contains(Role.NUMBER)) {
            return cell(row, Role.NUMBER);
        }
        return row.size() > roles.size() && !row.get(0).isBlank() ? row.get(0).strip() : null;
    }

    Role roleAt(int column) {
        return roles.get(column);
    }

    String headerAt(int column) {
        return headers.get(column);
    }

    /** The cell under header column {@code column}, shifted as {@link #cell} shifts. */
    String cellAt(List<String> row, int column) {
        int shift = roles.contains(Role.NUMBER) ? 0 : Math.max(0, row.size() - roles.size());
        int i = column + shift;
        return i < row.size() && !row.get(i).isBlank() ? row.get(i).strip() : null;
    }

    String header(Role role) {
        int at = roles.indexOf(role);
        return at < 0 ? null : headers.get(at);
    }

    boolean has(Role role) {
        return roles.contains(role);
    }

    int size() {
        return roles.size();
    }
}
