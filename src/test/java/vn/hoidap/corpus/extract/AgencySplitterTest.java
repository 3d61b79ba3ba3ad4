package vn.hoidap.corpus.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AgencySplitterTest {

    @Test
    void semicolonsAlwaysSeparate() {
        assertEquals(List.of("Các sở, ban, ngành", "UBND các huyện, thành phố", "các cơ quan trực thuộc UBND tỉnh"),
                AgencySplitter.split("Các sở, ban, ngành; UBND các huyện, thành phố; các cơ quan trực thuộc UBND tỉnh."));
    }

    @Test
    void commasSeparateOnlyBeforeAnAgency() {
        assertEquals(List.of("Sở Nội vụ", "Sở Thông tin và Truyền thông"),
                AgencySplitter.split("Sở Nội vụ, Sở Thông tin và Truyền thông."));
        assertEquals(List.of("Báo Bình Định", "Đài Phát thanh - Truyền hình tỉnh"),
                AgencySplitter.split("Báo Bình Định, Đài Phát thanh - Truyền hình tỉnh."));
        assertEquals(List.of("Các cơ quan, đơn vị", "UBND các huyện, thị xã, thành phố"),
                AgencySplitter.split("Các cơ quan, đơn vị, UBND các huyện, thị xã, thành phố."));
    }

    @Test
    void conjunctionsSeparateBeforeAnAgencyOnly() {
        assertEquals(List.of("Sở Giáo dục và Đào tạo", "các đơn vị có liên quan"),
                AgencySplitter.split("Sở Giáo dục và Đào tạo và các đơn vị có liên quan."));
        assertEquals(List.of("Sở Lao động - Thương binh và Xã hội"),
                AgencySplitter.split("Sở Lao động - Thương binh và Xã hội."));
    }

    @Test
    void ocrSpellingsOfSoCount() {
        assertEquals(List.of("S& Noi vu", "céc sd, ban, nganh lién quan", "UBND cac huyén, thanh phd"),
                AgencySplitter.split("S& Noi vu ciing céc sd, ban, nganh lién quan; UBND cac huyén, thanh phd"));
        assertEquals(List.of("S¢ Gido duc va Pao tao", "S& Lao dong - Thuong binh va X4 hoi", "cac don vi lién quan"),
                AgencySplitter.split("S¢ Gido duc va Pao tao, S& Lao dong - Thuong binh va X4 hoi va cac don vi lién quan."));
    }

    @Test
    void nothingGivesNothing() {
        assertEquals(List.of(), AgencySplitter.split(null));
        assertEquals(List.of(), AgencySplitter.split("  "));
    }
}
