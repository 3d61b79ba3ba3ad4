package vn.hoidap.search;

import org.junit.jupiter.api.Test;
import vn.hoidap.corpus.Knowledge;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexUnitsTest {

    @Test
    void everyKindOfUnitComesFromTheCommittedCorpus() {
        Knowledge knowledge = SearchFixtures.knowledge();
        List<IndexUnit> units = IndexUnits.from(knowledge);
        Set<UnitType> types = units.stream().map(IndexUnit::type).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(UnitType.class), types);
        int tasks = knowledge.plans().stream().mapToInt(p -> p.tasks().size()).sum();
        assertEquals(tasks, units.stream().filter(u -> u.type() == UnitType.TASK).count());
        assertEquals(knowledge.faqs().size(), units.stream().filter(u -> u.type() == UnitType.FAQ).count());
        for (IndexUnit u : units) {
            assertFalse(u.text().isBlank(), u.toString());
            assertTrue(u.url().startsWith(u.type() == UnitType.FAQ ? "/hoi-dap#" : "/ke-hoach/" + u.planId()),
                    u.url());
        }
    }

    @Test
    void unitsCarryPlanProvinceStatusAndAgencies() {
        List<IndexUnit> units = IndexUnits.from(SearchFixtures.knowledge());
        assertTrue(units.stream().filter(u -> "dong-nai-2022-draft".equals(u.planId())).allMatch(IndexUnit::draft));
        assertTrue(units.stream().filter(u -> "dong-nai-2022".equals(u.planId())).noneMatch(IndexUnit::draft));
        assertTrue(units.stream().filter(u -> "thanh-hoa-2022".equals(u.planId()))
                .allMatch(u -> u.province().equals("Thanh Hóa")));
        assertTrue(units.stream().filter(u -> u.type() == UnitType.TASK).anyMatch(u -> !u.agencyIds().isEmpty()));
        // passages of OCR plans get the OCR fields, clean plans do not
        assertTrue(units.stream().filter(u -> u.type() == UnitType.PASSAGE && "thanh-hoa-2022".equals(u.planId())
                && !u.id().equals("meta")).allMatch(IndexUnit::ocr));
        assertTrue(units.stream().filter(u -> "binh-dinh-2022".equals(u.planId())).noneMatch(IndexUnit::ocr));
    }

    @Test
    void originalSliceFollowsTheRepairedTextProportionally() {
        String shown = "0123456789".repeat(100);
        String original = "abcdefghij".repeat(110);
        String slice = IndexUnits.originalSlice(shown, original, 500, 600);
        int from = 550 - 80;
        assertEquals(original.substring(from, 660 + 80), slice);
    }
}
