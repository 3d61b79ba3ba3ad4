package vn.hoidap.corpus;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import vn.hoidap.system.ApiError;

import java.util.List;

/**
 * {@code GET /api/agencies}: the canonical agencies with their successors; {@code ?name=} resolves one name
 * as people write it ("so tttt" → Sở Thông tin và Truyền thông) or answers 404 — it never guesses.
 */
@Controller("/api/agencies")
class AgencyController {

    private final AgencyDirectory agencies;

    AgencyController(Knowledge knowledge) {
        this.agencies = knowledge.agencies();
    }

    @Get
    HttpResponse<?> list(@Nullable @QueryValue String name) {
        if (name == null || name.isBlank()) {
            return HttpResponse.ok(agencies.all().stream().map(a -> AgencyView.of(a, agencies)).toList());
        }
        return agencies.resolve(name)
                .<HttpResponse<?>>map(a -> HttpResponse.ok(List.of(AgencyView.of(a, agencies))))
                .orElseGet(() -> ApiError.notFound("Không nhận ra cơ quan '" + name
                        + "'. Gọi /api/agencies (không kèm tham số) để xem danh sách cơ quan."));
    }

    @Serdeable
    record AgencyRef(String id, String name) {
        static AgencyRef of(Agency a) {
            return new AgencyRef(a.id(), a.name());
        }
    }

    /** An agency with who holds its role today ({@code successor}) and whose role it took over ({@code predecessors}). */
    @Serdeable
    record AgencyView(String id, String name, String kind, String province, List<String> abbreviations,
                      List<String> variants, List<AgencyRef> members, TaskLookup.SuccessionView successor,
                      List<AgencyRef> successors, List<AgencyRef> predecessors) {
        static AgencyView of(Agency a, AgencyDirectory agencies) {
            return new AgencyView(a.id(), a.name(), a.kind(), a.province(), a.abbreviations(), a.variants(),
                    a.members().stream().flatMap(m -> agencies.byId(m).stream()).map(AgencyRef::of).toList(),
                    TaskLookup.SuccessionView.of(a, agencies),
                    agencies.successorsOf(a).stream().map(AgencyRef::of).toList(),
                    agencies.predecessorsOf(a).stream().map(AgencyRef::of).toList());
        }
    }
}
