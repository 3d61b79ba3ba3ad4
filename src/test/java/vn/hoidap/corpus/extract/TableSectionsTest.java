package vn.hoidap.corpus.extract;

import org.junit.jupiter.api.Test;
import vn.hoidap.corpus.AgencyDirectory;
import vn.hoidap.corpus.Section;
import vn.hoidap.corpus.Task;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Tables are read by their headers, whatever the column order; groups and numbers become the rows' paths. */
class TableSectionsTest {

    @Test
    void columnsAreRecognisedByHeaderInAnyOrder() {
        String text = String.join("\n",
                "PHỤ LỤC",
                "| Thời gian hoàn thành | Cơ quan phối hợp | Nội dung | Đơn vị chủ trì | STT |",
                "| A | NHÓM NHIỆM VỤ |",
                "| 2026 | Sở Tài chính | Xây dựng kho dữ liệu dùng chung | Sở Khoa học và Công nghệ | 1 |");
        // The number column comes last here: the reader follows the header, not a fixed layout.
        List<Section> outline = OutlineParser.parse(text);
        List<Task> tasks = new TaskExtractor(AgencyDirectory.empty()).extract("x", outline);
        assertEquals(1, tasks.size(), tasks.toString());
        Task t = tasks.get(0);
        assertEquals("Xây dựng kho dữ liệu dùng chung", t.title());
        assertEquals("Sở Khoa học và Công nghệ", t.lead().get(0).text());
        assertEquals("Sở Tài chính", t.coordinate().get(0).text());
        assertEquals("2026", t.timeline());
        assertEquals("NHÓM NHIỆM VỤ", t.group());
    }

    @Test
    void aSubTableHeaderWithoutSttShiftsTheRowsNumbersIntoTheirOwnColumn() {
        String text = String.join("\n",
                "PHỤ LỤC",
                "| STT | Nhiệm vụ | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian thực hiện | Sản phẩm đầu ra |",
                "| B | PHÁT TRIỂN KINH TẾ SỐ |",
                "| I | Nông nghiệp |",
                "| Nội dung | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian thực hiện | Sản phẩm đầu ra |",
                "| 1.1 | Triển khai nền tảng | Sở Nông nghiệp và Môi trường | Các sở, ban, ngành | 2026 - 2030 | Kế hoạch |");
        List<Task> tasks = new TaskExtractor(AgencyDirectory.empty()).extract("x", OutlineParser.parse(text));
        assertEquals(1, tasks.size(), tasks.toString());
        assertEquals("PL.B.I.1.1", tasks.get(0).section());
        assertEquals("Sở Nông nghiệp và Môi trường", tasks.get(0).lead().get(0).text());
        assertEquals("Kế hoạch", tasks.get(0).result());
        assertEquals("2026 - 2030", tasks.get(0).timeline());
    }

    @Test
    void aDataRowIsNeverTakenForAHeader() {
        assertNull(TableColumns.of(List.of("3", "Chương trình chuyển đổi số", "Sở Nội vụ", "2026 - 2030")));
    }
}
