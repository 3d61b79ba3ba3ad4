package vn.hoidap.corpus.extract;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Label lines copied from the clean and the OCR'd plans. */
class TaskLabelsTest {

    private static void reads(TaskLabels.Field field, String value, String line) {
        TaskLabels.Labelled l = TaskLabels.read(line);
        assertEquals(new TaskLabels.Labelled(field, value), l, line);
    }

    @Test
    void cleanLabels() {
        reads(TaskLabels.Field.LEAD, "Sở Nội vụ, Sở Thông tin và Truyền thông.",
                "- Đơn vị chủ trì thực hiện: Sở Nội vụ, Sở Thông tin và Truyền thông.");
        reads(TaskLabels.Field.LEAD, "Sở Thông tin và Truyền thông.", "- Đơn vị chủ trì: Sở Thông tin và Truyền thông.");
        reads(TaskLabels.Field.COORDINATE, "Sở Giáo dục và Đào tạo.", "- Đơn vị phối hợp: Sở Giáo dục và Đào tạo.");
        reads(TaskLabels.Field.TIMELINE, "Hàng năm.", "- Thời gian thực hiện: Hàng năm.");
        reads(TaskLabels.Field.RESULT, "Các khóa đào tạo, bồi dưỡng.", "- Kết quả:  Các khóa đào tạo, bồi dưỡng.");
    }

    @Test
    void ocrLabels() {
        reads(TaskLabels.Field.LEAD, "S& N6i vy, S& Thong tin va Truyén thong.",
                "- Bon vi cht tri thuc hién: S& N6i vy, S& Thong tin va Truyén thong.");
        reads(TaskLabels.Field.LEAD, "S& Thong tin va Truyen thong, UBND cac huyén,",
                "- QUn vi chu tri thue hign: S& Thong tin va Truyen thong, UBND cac huyén,");
        reads(TaskLabels.Field.LEAD, "S¢ Thong tin va Truyén thong.", "- Don vi ¢ht tri thyc hién: S¢ Thong tin va Truyén thong.");
        reads(TaskLabels.Field.LEAD, "S& Giao duc va Pao tao.", "- DPon vi chu tri thue hién: S& Giao duc va Pao tao.");
        reads(TaskLabels.Field.COORDINATE, "S& Noi vu ciing céc sd, ban, nganh lién quan; UBND cac",
                "- Pon vj ohbi hop: S& Noi vu ciing céc sd, ban, nganh lién quan; UBND cac");
        reads(TaskLabels.Field.COORDINATE, "Céc don vi lién quan.", "- Pon vj phéi hgp: Céc don vi lién quan.");
        reads(TaskLabels.Field.TIMELINE, "Hang nam.", "- Thoi gien thuc hién: Hang nam.");
        reads(TaskLabels.Field.RESULT, "Céc co quan, t6 chirc", "- Két qua Céc co quan, t6 chirc");
        reads(TaskLabels.Field.RESULT, "Cung cép day du", "- Ké'g qua: Cung cép day du");
    }

    @Test
    void ordinaryBulletsAreNoLabels() {
        assertNull(TaskLabels.read("- Tổ chức triển khai thực hiện có hiệu quả, bảo đảm đúng tiến độ"));
        assertNull(TaskLabels.read("- Kết hợp với các cơ quan"));
        assertEquals(new TaskLabels.Labelled(TaskLabels.Field.LEAD, "Sở Nội vụ"), TaskLabels.read("Đơn vị chủ trì thực hiện: Sở Nội vụ"),
                "without a bullet, a label with its colon");
        assertNull(TaskLabels.read("Đơn vị chủ trì thực hiện Sở Nội vụ"), "without a bullet or a colon, a sentence");
        assertNull(TaskLabels.read("- Đơn vị nào cũng phải báo cáo"));
    }
}
