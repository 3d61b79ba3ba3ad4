package vn.hoidap.querylog;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorTest {

    @Nested
    class PhoneNumbers {

        @ParameterizedTest
        @ValueSource(strings = {"0912345678", "091 234 5678", "091.234.5678", "0912-345-678", "0912 345 678",
                "+84 912 345 678", "+84912345678", "84912345678", "(+84) 912 345 678", "0356 789 012",
                "024 3825 1234", "(024) 3825 1234", "0256 3822 123", "02563822123", "+84 24 3825 1234"})
        void replacesEverySpellingOfAVietnamesePhoneNumber(String phone) {
            String q = "Số điện thoại của tôi là " + phone + ", xin gọi lại giúp.";
            assertEquals("Số điện thoại của tôi là [SỐ ĐIỆN THOẠI], xin gọi lại giúp.", Redactor.redact(q));
        }

        @Test
        void replacesAPhoneNumberAtTheEndOfAMessage() {
            assertEquals("Cán bộ tổ công nghệ số gọi cho em theo số [SỐ ĐIỆN THOẠI]",
                    Redactor.redact("Cán bộ tổ công nghệ số gọi cho em theo số 0987.654.321"));
        }
    }

    @Test
    void replacesTwelveDigitCitizenIdAndNineDigitOldId() {
        assertEquals("CCCD của tôi là [SỐ CCCD], CMND cũ [SỐ CCCD] thì cập nhật VNeID thế nào?",
                Redactor.redact("CCCD của tôi là 079123456789, CMND cũ 271234567 thì cập nhật VNeID thế nào?"));
    }

    @Test
    void removesControlCharactersPostgresCannotStore() {
        String out = Redactor.redact("a\u0000b\u0007c\nd\te");
        assertEquals("a b c\nd\te", out);
    }

    @Test
    void replacesEmailAddresses() {
        assertEquals("Gửi kết quả về [EMAIL] được không ạ?",
                Redactor.redact("Gửi kết quả về nguyen.van.an+dvc@gmail.com được không ạ?"));
    }

    @Test
    void replacesBankAccountLikeDigitRuns() {
        assertEquals("Tôi chuyển khoản lệ phí từ tài khoản [SỐ TÀI KHOẢN] mà chưa thấy xác nhận",
                Redactor.redact("Tôi chuyển khoản lệ phí từ tài khoản 19036271829019 mà chưa thấy xác nhận"));
    }

    @Test
    void keepsAmountsOfMoneyEvenWhenTheyAreLongDigitRuns() {
        String q = "Lệ phí là 50000000 đồng hay 1.000.000 đồng?";
        assertEquals(q, Redactor.redact(q));
    }

    @Test
    void replacesTheHouseAddressUpToTheEndOfTheClause() {
        assertEquals("Nhà tôi ở số nhà [ĐỊA CHỈ], cho tôi hỏi tổ công nghệ số có đến hướng dẫn không?",
                Redactor.redact("Nhà tôi ở số nhà 25, ngõ 12 đường Lê Lợi, phường Quy Nhơn, cho tôi hỏi tổ công nghệ số có đến hướng dẫn không?"));
        assertEquals("Địa chỉ: [ĐỊA CHỈ]. Tôi muốn làm căn cước.",
                Redactor.redact("Địa chỉ: thôn An Hòa, xã Phước Thành. Tôi muốn làm căn cước."));
        assertEquals("dia chi [ĐỊA CHỈ] thi nop ho so o dau",
                Redactor.redact("dia chi 12 tran hung dao thi nop ho so o dau"));
    }

    @Test
    void keepsAddressesThatAreNotHomes() {
        String q = "Địa chỉ trang dịch vụ công quốc gia là gì?";
        assertEquals(q, Redactor.redact(q));
    }

    @Test
    void replacesSelfIntroducedNames() {
        assertEquals("Chào bot, tôi tên là [HỌ TÊN], tôi muốn hỏi về chữ ký số.",
                Redactor.redact("Chào bot, tôi tên là Nguyễn Văn An, tôi muốn hỏi về chữ ký số."));
        assertEquals("Tên tôi là [HỌ TÊN]. Làm sao đăng ký VNeID mức 2?",
                Redactor.redact("Tên tôi là Trần Thị Bích Ngọc. Làm sao đăng ký VNeID mức 2?"));
        assertEquals("em ten la [HỌ TÊN], hoi ve vneid", Redactor.redact("em ten la hoa, hoi ve vneid"));
    }

    @Test
    void redactsEverythingInOneRealisticMessage() {
        String q = "Tôi tên là Lê Minh Tuấn, SĐT 0905 123 456, email tuan.le@yahoo.com.vn, CCCD 052090001234, "
                + "muốn nộp hồ sơ khai sinh trực tuyến cho con.";
        String r = Redactor.redact(q);
        assertEquals("Tôi tên là [HỌ TÊN], SĐT [SỐ ĐIỆN THOẠI], email [EMAIL], CCCD [SỐ CCCD], "
                + "muốn nộp hồ sơ khai sinh trực tuyến cho con.", r);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Quyết định 146/QĐ-TTg ngày 28/01/2022 giao những nhiệm vụ gì?",
            "Kế hoạch 53/KH-UBND của Bình Định có mục tiêu gì đến năm 2025?",
            "Đến năm 2030 có 70% người dân biết sử dụng dịch vụ công trực tuyến không?",
            "Đề án đặt mục tiêu đào tạo 1.000 chuyên gia chuyển đổi số phải không?",
            "Tỉnh cần tối thiểu 20 chuyên gia, 03 khóa đào tạo mỗi năm, báo cáo trước ngày 20/11 hằng năm.",
            "Ngày 01.07.2024 thì đăng nhập cổng dịch vụ công bằng VNeID, theo Nghị định 69/2024/NĐ-CP.",
            "Kinh phí 1.500.000.000 đồng lấy từ đâu?",
            "Quyết định 749/QĐ-TTg năm 2020 và Quyết định 1034/QĐ-BTTTT nói gì?",
            "Tổng đài 1022 hỗ trợ những gì?"})
    void keepsDocumentNumbersYearsDatesPercentagesAndFigures(String q) {
        assertEquals(q, Redactor.redact(q));
    }

    @Test
    void leavesNoDigitsOfAPhoneNumberBehind() {
        String r = Redactor.redact("gọi 0912345678 1 lần giúp em");
        assertFalse(r.contains("0912345678"), r);
        assertTrue(r.contains("[SỐ ĐIỆN THOẠI] 1 lần"), r);
    }

    @Test
    void handlesNullAndEmpty() {
        assertEquals(null, Redactor.redact(null));
        assertEquals("", Redactor.redact(""));
    }

    /** Only patterns whose cue the text holds run: capitals and other scripts' digits must still find their cue. */
    @Test
    void theCueScanMissesNoSpelling() {
        assertTrue(Redactor.redact("SỐ NHÀ 12 ngõ 5 phường Quyết Thắng thì nộp ở đâu?").contains(Redactor.ADDRESS));
        assertTrue(Redactor.redact("ĐỊA CHỈ CỦA TÔI LÀ 45 đường Lê Lợi, xin hỏi").contains(Redactor.ADDRESS));
        assertTrue(Redactor.redact("TÊN TÔI LÀ Nguyễn Văn An, tôi muốn hỏi").contains(Redactor.NAME));
        assertTrue(Redactor.redact("Tài khoản \u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660 của tôi")
                .contains(Redactor.BANK_ACCOUNT), "digits of another script count as digits");
        assertTrue(Redactor.redact("Thư gửi AN.NGUYEN@EXAMPLE.VN được không?").contains(Redactor.EMAIL));
    }
}
