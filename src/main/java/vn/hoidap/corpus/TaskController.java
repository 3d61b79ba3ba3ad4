package vn.hoidap.corpus;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import vn.hoidap.system.ApiError;
import vn.hoidap.text.Fold;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /api/tasks?province=&agency=&role=lead|coordinate}. Names are accepted as people write them
 * (with or without diacritics, abbreviated, today's names); a province named inside the agency parameter
 * ("Sở Khoa học và Công nghệ Đồng Nai") is read as the province.
 */
@Controller("/api/tasks")
class TaskController {

    private final Knowledge knowledge;
    private final TaskLookup lookup;

    TaskController(Knowledge knowledge, TaskLookup lookup) {
        this.knowledge = knowledge;
        this.lookup = lookup;
    }

    @Get
    HttpResponse<?> tasks(@Nullable @QueryValue String province, @Nullable @QueryValue String agency,
                          @Nullable @QueryValue String role) {
        TaskLookup.Role parsedRole = null;
        if (role != null && !role.isBlank()) {
            parsedRole = parseRole(role);
            if (parsedRole == null) {
                return ApiError.badRequest("Tham số role không hợp lệ: '" + role
                        + "'. Hãy dùng role=lead (chủ trì) hoặc role=coordinate (phối hợp).");
            }
            if (agency == null || agency.isBlank()) {
                return ApiError.badRequest("Tham số role cần đi kèm tham số agency (cơ quan cần tra cứu).");
            }
        }
        Province p = null;
        Agency a = null;
        String agencyText = agency;
        if (agency != null && !agency.isBlank()) {
            Optional<Agency> resolved = knowledge.agencies().resolve(agency);
            if (resolved.isEmpty()) {
                // "Sở KH&CN Đồng Nai": take the province out and read the rest as the agency.
                List<ProvinceDirectory.ProvinceHit> hits = knowledge.provinces().findIn(agency);
                if (hits.size() == 1) {
                    ProvinceDirectory.ProvinceHit hit = hits.get(0);
                    String[] tokens = AgencyDirectory.key(agency).split(" ");
                    String rest = String.join(" ", Arrays.copyOfRange(tokens, 0, hit.startToken()))
                            .replaceFirst("\\s*\\btinh$", "");
                    resolved = knowledge.agencies().resolve(rest);
                    if (resolved.isPresent() && (province == null || province.isBlank())) {
                        p = hit.province();
                    }
                }
            }
            if (resolved.isEmpty()) {
                return ApiError.badRequest("Không nhận ra cơ quan '" + agencyText + "'. Hãy ghi tên cơ quan như "
                        + "“Sở Thông tin và Truyền thông”, “Sở TT&TT” hoặc “Sở Khoa học và Công nghệ”; danh sách "
                        + "cơ quan có tại /api/agencies. Các tỉnh có kế hoạch: " + knownProvinces() + ".");
            }
            a = resolved.get();
        }
        if (province != null && !province.isBlank()) {
            Optional<Province> resolved = knowledge.provinces().resolve(province);
            if (resolved.isEmpty()) {
                List<ProvinceDirectory.ProvinceHit> hits = knowledge.provinces().findIn(province);
                resolved = hits.size() == 1 ? Optional.of(hits.get(0).province()) : Optional.empty();
            }
            if (resolved.isEmpty()) {
                return ApiError.badRequest("Không nhận ra tỉnh '" + province + "'. Các tỉnh có kế hoạch: "
                        + knownProvinces() + ".");
            }
            p = resolved.get();
        }
        if (p != null && knowledge.provinces().plansFor(p, knowledge.plans()).all().isEmpty()) {
            return ApiError.notFound("Chưa có kế hoạch nào của tỉnh " + p.name()
                    + " trong dữ liệu. Các tỉnh có kế hoạch: " + knownProvinces() + ".");
        }
        List<TaskLookup.TaskMatch> results = lookup.find(p, a, parsedRole);
        return HttpResponse.ok(new TasksResponse(
                p == null ? null : new ProvinceView(p.name(), knowledge.provinces().today(p).name(),
                        knowledge.provinces().mergedFrom(p).stream().map(Province::name).toList()),
                a == null ? null : AgencyController.AgencyView.of(a, knowledge.agencies()),
                parsedRole == null ? null : parsedRole.name().toLowerCase(Locale.ROOT), results.size(), note(a, results),
                results));
    }

    private static TaskLookup.Role parseRole(String role) {
        return switch (Fold.fold(role).replaceAll("[^a-z]", "")) {
            case "lead", "chutri" -> TaskLookup.Role.LEAD;
            case "coordinate", "phoihop" -> TaskLookup.Role.COORDINATE;
            default -> null;
        };
    }

    private String knownProvinces() {
        return String.join(", ", knowledge.plans().stream().map(p -> p.meta().province()).distinct().sorted().toList());
    }

    /** Says in words when the answer rests on a succession, so a person reads the plan's names correctly. */
    private static String note(Agency asked, List<TaskLookup.TaskMatch> results) {
        return results.stream().filter(TaskLookup.TaskMatch::viaSuccession).map(TaskLookup.TaskMatch::succession)
                .filter(s -> s != null).findFirst()
                .map(s -> "Các kế hoạch năm 2022 giao nhiệm vụ cho " + s.fromName() + "; từ "
                        + vietnameseDate(s.effective()) + ", " + s.toName() + " đảm nhận chức năng này ("
                        + s.source() + ").")
                .orElse(null);
    }

    /** "2025-03-01" → "01/3/2025", as Vietnamese documents write dates. */
    static String vietnameseDate(String iso) {
        if (iso == null || !iso.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return iso;
        }
        return iso.substring(8) + "/" + Integer.parseInt(iso.substring(5, 7)) + "/" + iso.substring(0, 4);
    }

    @Serdeable
    record ProvinceView(String name, String today, List<String> mergedFrom) {
    }

    @Serdeable
    record TasksResponse(ProvinceView province, AgencyController.AgencyView agency, String role, int count,
                         String note, List<TaskLookup.TaskMatch> results) {
    }
}
