package vn.hoidap.corpus.extract;

import org.junit.jupiter.api.Test;
import vn.hoidap.corpus.AgencyDirectory;
import vn.hoidap.corpus.AgencyMention;
import vn.hoidap.corpus.Task;
import vn.hoidap.text.TextRepair;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plans that write each task as a numbered (or lettered) item followed by its own label lines, in the ways
 * published plans do: with or without a dash, bold, "Đơn vị" or "Cơ quan", "Thời gian hoàn thành" or "thực
 * hiện", lower case, one label per line or all on one line separated by ";". Each text goes through the same
 * repair and outline as a received plan (the repair joins short lines into paragraphs: the extractor must
 * read labels wherever the join leaves them).
 */
class LabelLinesUnderItemsTest {

    private static final AgencyDirectory AGENCIES = AgencyDirectory.load(Path.of("corpus/agencies.yaml"));

    private static List<Task> tasks(String text) {
        String repaired = TextRepair.repair(text).content();
        return new TaskExtractor(AGENCIES).extract("x", "Thanh Hóa", OutlineParser.parse(repaired));
    }

    private static String plan(String items) {
        return "ỦY BAN NHÂN DÂN TỈNH THANH HÓA\n\nKẾ HOẠCH\nChuyển đổi số năm 2026\n\nI. MỤC ĐÍCH\n"
                + "Thúc đẩy chuyển đổi số toàn diện trên địa bàn tỉnh.\n\nII. NHIỆM VỤ\n" + items
                + "III. TỔ CHỨC THỰC HIỆN\nCác sở, ngành căn cứ Kế hoạch này triển khai thực hiện.\n";
    }

    private static List<String> names(List<AgencyMention> m) {
        return m.stream().map(AgencyMention::text).toList();
    }

    @Test
    void labelLinesWithoutADashUnderNumberedItems() {
        List<Task> t = tasks(plan("""
                1. Tuyên truyền chuyển đổi số cho hội viên nông dân
                Đơn vị chủ trì: Hội Nông dân tỉnh
                Đơn vị phối hợp: Sở Khoa học và Công nghệ, UBND các huyện
                Thời gian hoàn thành: Năm 2026
                Sản phẩm: Các hội nghị tuyên truyền
                2. Đào tạo kỹ năng số cho cán bộ, công chức cấp xã
                Đơn vị chủ trì: Sở Nội vụ
                Đơn vị phối hợp: Sở Khoa học và Công nghệ
                Thời gian hoàn thành: Quý IV/2026
                Sản phẩm: Các lớp tập huấn
                """));
        assertEquals(2, t.size(), String.valueOf(t));
        Task first = t.get(0);
        assertEquals("II.1", first.section());
        assertEquals("Tuyên truyền chuyển đổi số cho hội viên nông dân", first.title());
        assertEquals(List.of("Hội Nông dân tỉnh"), names(first.lead()));
        assertEquals(List.of("Sở Khoa học và Công nghệ", "UBND các huyện"), names(first.coordinate()));
        assertEquals("Năm 2026", first.timeline());
        assertEquals("Các hội nghị tuyên truyền", first.result());
        assertEquals(List.of("Sở Nội vụ"), names(t.get(1).lead()));
        assertEquals("Quý IV/2026", t.get(1).timeline());
    }

    @Test
    void dashedBoldAndCoQuanLabels() {
        List<Task> t = tasks(plan("""
                1. Xây dựng nền tảng dữ liệu dùng chung của tỉnh
                - **Cơ quan chủ trì:** Sở Khoa học và Công nghệ
                - **Cơ quan phối hợp:** Các sở, ban, ngành
                - **Thời gian thực hiện:** 2026 - 2027
                - **Kết quả:** Nền tảng dữ liệu được vận hành
                2. Số hóa hồ sơ thủ tục hành chính
                - **Cơ quan chủ trì:** Văn phòng UBND tỉnh
                - **Thời gian thực hiện:** Năm 2026
                """));
        assertEquals(2, t.size(), String.valueOf(t));
        assertEquals(List.of("Sở Khoa học và Công nghệ"), names(t.get(0).lead()));
        assertEquals("2026 - 2027", t.get(0).timeline());
        assertEquals("Nền tảng dữ liệu được vận hành", t.get(0).result());
        assertEquals(List.of("Văn phòng UBND tỉnh"), names(t.get(1).lead()));
        assertTrue(t.get(1).coordinate().isEmpty());
    }

    @Test
    void labelsOnOneLineSeparatedBySemicolonsInLowerCase() {
        List<Task> t = tasks(plan("""
                1. Triển khai chữ ký số cho người dân.
                Đơn vị chủ trì: Công an tỉnh; đơn vị phối hợp: UBND các xã, phường; thời gian hoàn thành: năm 2026; sản phẩm: chữ ký số được cấp.
                2. Phát triển thanh toán không dùng tiền mặt.
                đơn vị chủ trì: Ngân hàng Nhà nước chi nhánh tỉnh; thời gian thực hiện: hằng năm.
                """));
        assertEquals(2, t.size(), String.valueOf(t));
        Task first = t.get(0);
        assertEquals("Triển khai chữ ký số cho người dân.", first.title());
        assertEquals(List.of("Công an tỉnh"), names(first.lead()));
        assertEquals(List.of("UBND các xã, phường"), names(first.coordinate()));
        assertEquals("năm 2026", first.timeline());
        assertEquals("chữ ký số được cấp.", first.result());
        assertEquals(List.of("Ngân hàng Nhà nước chi nhánh tỉnh"), names(t.get(1).lead()));
        assertEquals("hằng năm.", t.get(1).timeline());
    }

    @Test
    void aDescriptionBeforeTheLabelsAndLetteredItems() {
        List<Task> t = tasks(plan("""
                1. Nhóm nhiệm vụ về hạ tầng số
                a) Phủ sóng di động 5G tại các khu công nghiệp
                Các doanh nghiệp viễn thông đầu tư trạm phát sóng theo quy hoạch.
                Cơ quan chủ trì: Sở Khoa học và Công nghệ
                Thời gian thực hiện: 2026
                b) Nâng cấp mạng truyền số liệu chuyên dùng
                Cơ quan chủ trì: Văn phòng UBND tỉnh
                Thời gian thực hiện: Quý II/2026
                """));
        assertEquals(2, t.size(), String.valueOf(t));
        Task a = t.get(0);
        assertEquals("II.1.a", a.section());
        assertEquals("Phủ sóng di động 5G tại các khu công nghiệp", a.title());
        assertEquals("Nhóm nhiệm vụ về hạ tầng số", a.group());
        assertTrue(a.description().startsWith("Các doanh nghiệp viễn thông"), a.description());
        assertEquals(List.of("Sở Khoa học và Công nghệ"), names(a.lead()));
        assertEquals("Quý II/2026", t.get(1).timeline());
    }

    @Test
    void labelsJoinedToTheItemByTheRepairAreCutFromItsTitle() {
        // one paragraph as a PDF extraction may give it: title and labels on one line
        List<Task> t = tasks(plan("1. Tổ chức Ngày Chuyển đổi số của tỉnh Đơn vị chủ trì: Sở Khoa học và Công nghệ "
                + "Thời gian hoàn thành: Tháng 10 hằng năm\n"));
        assertEquals(1, t.size(), String.valueOf(t));
        assertEquals("Tổ chức Ngày Chuyển đổi số của tỉnh", t.get(0).title());
        assertEquals(List.of("Sở Khoa học và Công nghệ"), names(t.get(0).lead()));
        assertEquals("Tháng 10 hằng năm", t.get(0).timeline());
    }

    @Test
    void sentencesThatMentionLeadingAreNoLabels() {
        assertTrue(tasks(plan("""
                1. Tuyên truyền về chuyển đổi số
                Nội dung do Sở Khoa học và Công nghệ chủ trì: tổ chức các hội nghị trong năm.
                Các sở phối hợp: cung cấp thông tin.
                """)).isEmpty());
        TaskLabels.Line l = TaskLabels.line("Sở Tài chính chủ trì: bố trí kinh phí thực hiện.");
        assertTrue(l.labels().isEmpty(), String.valueOf(l));
        assertNull(TaskLabels.read("Đơn vị chủ trì thực hiện Sở Nội vụ"), "without a bullet a label needs its colon");
    }
}
