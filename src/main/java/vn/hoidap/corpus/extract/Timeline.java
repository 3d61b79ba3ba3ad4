package vn.hoidap.corpus.extract;

import io.micronaut.serde.annotation.Serdeable;

/**
 * When a task is due, as written and as parsed: years ("2022-2025" → 2022..2025; "Năm 2022" → 2022..2022),
 * {@code annual} for "hàng năm"/"hằng năm", {@code quarter} for "Quý IV/2023", and {@code condition} when the
 * time depends on something else ("khi có hướng dẫn của cấp Bộ, ngành Trung ương", "Theo kế hoạch của Bộ …").
 * Unknown parts are null.
 */
@Serdeable
public record Timeline(String text, Integer fromYear, Integer toYear, boolean annual, Integer quarter,
                       String condition) {
}
