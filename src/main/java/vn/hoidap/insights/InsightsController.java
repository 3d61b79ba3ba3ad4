package vn.hoidap.insights;

import vn.hoidap.topics.Topic;
import vn.hoidap.topics.TopicCatalog;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import vn.hoidap.system.ApiError;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /api/insights/*} for the communications team (roles comms and admin: see application.yml). Every endpoint
 * takes {@code from}, {@code to}, {@code channel}, {@code province}, {@code theme}.
 */
@Controller("/api/insights")
@ExecuteOn(TaskExecutors.BLOCKING)
class InsightsController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> CSV_HEADER = List.of("id", "thoi_gian", "kenh", "tinh", "co_quan", "nhom_nhiem_vu",
            "chu_de", "y_dinh", "cau_hoi", "tra_loi_duoc", "do_tin_cay", "nguon", "do_tre_ms", "huu_ich", "gop_y");

    private final InsightsQueries queries;
    private final TopicCatalog catalog;
    private final InsightsConfig config;

    InsightsController(InsightsQueries queries, TopicCatalog catalog, InsightsConfig config) {
        this.queries = queries;
        this.catalog = catalog;
        this.config = config;
    }

    @Get(value = "/volume", produces = MediaType.APPLICATION_JSON)
    Reports.Volume volume(@Nullable String from, @Nullable String to, @Nullable String channel,
                          @Nullable String province, @Nullable String theme, @Nullable @QueryValue String bucket) {
        String b = bucket == null || bucket.isBlank() ? "day" : bucket.strip();
        if (!b.equals("day") && !b.equals("week")) {
            throw new InvalidInsightsRequest("bucket phải là day (theo ngày) hoặc week (theo tuần).");
        }
        return queries.volume(criteria(from, to, channel, province, theme), b);
    }

    @Get(value = "/topics", produces = MediaType.APPLICATION_JSON)
    Reports.Topics topics(@Nullable String from, @Nullable String to, @Nullable String channel,
                          @Nullable String province, @Nullable String theme) {
        return queries.topics(criteria(from, to, channel, province, theme));
    }

    @Get(value = "/questions", produces = MediaType.APPLICATION_JSON)
    Reports.Questions questions(@Nullable String from, @Nullable String to, @Nullable String channel,
                                @Nullable String province, @Nullable String theme, @Nullable String limit) {
        return queries.topQuestions(criteria(from, to, channel, province, theme), limit(limit));
    }

    @Get(value = "/unanswered", produces = MediaType.APPLICATION_JSON)
    Reports.Questions unanswered(@Nullable String from, @Nullable String to, @Nullable String channel,
                                 @Nullable String province, @Nullable String theme, @Nullable String limit) {
        return queries.unanswered(criteria(from, to, channel, province, theme), limit(limit));
    }

    @Get(value = "/feedback", produces = MediaType.APPLICATION_JSON)
    Reports.Feedback feedback(@Nullable String from, @Nullable String to, @Nullable String channel,
                              @Nullable String province, @Nullable String theme) {
        return queries.feedback(criteria(from, to, channel, province, theme));
    }

    @Get(value = "/export.csv", produces = "text/csv;charset=utf-8")
    HttpResponse<byte[]> export(@Nullable String from, @Nullable String to, @Nullable String channel,
                                @Nullable String province, @Nullable String theme) {
        Criteria c = criteria(from, to, channel, province, theme);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Csv.BOM);
        out.writeBytes(Csv.line(CSV_HEADER).getBytes(StandardCharsets.UTF_8));
        int max = config.exportMaxRows();
        int[] seen = new int[1];
        int rows = queries.export(c, max + 1, rs -> {
            if (++seen[0] > max) {
                return;
            }
            Object confidence = rs.getObject(11);
            Object latency = rs.getObject(13);
            Object helpful = rs.getObject(14);
            out.writeBytes(Csv.line(Arrays.asList(rs.getString(1),
                    LOCAL_TIME.format(rs.getTimestamp(2).toInstant().atZone(Criteria.ZONE)),
                    rs.getString(3), rs.getString(4), rs.getString(5), themeName(rs.getString(6)),
                    catalog.topic(rs.getString(7)).map(Topic::name).orElse(rs.getString(7)), rs.getString(8),
                    rs.getString(9), rs.getBoolean(10) ? "không" : "có",
                    confidence == null ? null : String.format(java.util.Locale.ROOT, "%.2f", rs.getFloat(11)),
                    rs.getString(12), latency, helpful == null ? null : rs.getBoolean(14) ? "có" : "không",
                    rs.getString(15))).getBytes(StandardCharsets.UTF_8));
        });
        String name = "hoidap-cau-hoi-" + c.from() + "-" + c.to() + ".csv";
        var response = HttpResponse.ok(out.toByteArray())
                .contentType(new MediaType("text/csv;charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        if (rows > max) {
            response.header("X-Hoidap-Truncated", "Chỉ xuất " + max + " dòng đầu; hãy thu hẹp khoảng thời gian.");
        }
        return response;
    }

    /** The same filters as the CSV; a sheet per view, typed cells, Vietnamese headers. */
    @Get(value = "/export.xlsx", produces = XLSX)
    HttpResponse<byte[]> exportXlsx(@Nullable String from, @Nullable String to, @Nullable String channel,
                                    @Nullable String province, @Nullable String theme) {
        Criteria c = criteria(from, to, channel, province, theme);
        int max = config.exportMaxRows();
        int rows;
        byte[] bytes;
        try (Xlsx x = new Xlsx()) {
            x.sheet("Theo ngày", List.of("Ngày", "Số câu hỏi", "Chưa trả lời được"));
            queries.volume(c, "day").buckets().forEach(b -> x.row(b.start(), b.count(), b.unanswered()));
            x.sheet("Chủ đề", List.of("Trụ cột", "Chủ đề", "Số câu hỏi", "Tỷ lệ"));
            queries.topics(c).themes().forEach(t -> t.topics().forEach(tc -> x.row(t.name(), tc.name(), tc.count(), tc.share())));
            x.sheet("Kênh", List.of("Kênh", "Số câu hỏi", "Chưa trả lời được"));
            queries.by(c, "channel").forEach(r -> x.row(r.name(), r.count(), r.unanswered()));
            x.sheet("Tỉnh", List.of("Tỉnh", "Số câu hỏi", "Chưa trả lời được"));
            queries.by(c, "province").forEach(r -> x.row(r.name(), r.count(), r.unanswered()));
            x.sheet("Câu hỏi nhiều nhất", List.of("Câu hỏi", "Số lần", "Số cách hỏi", "Lần hỏi gần nhất"));
            queries.topQuestions(c, config.maxGroups()).groups().forEach(g -> x.row(g.question(), g.count(), g.variants(),
                    g.lastAskedAt().atZone(Criteria.ZONE).toLocalDateTime()));
            x.sheet("Chưa trả lời được", List.of("Câu hỏi", "Số lần", "Số cách hỏi", "Lần hỏi gần nhất"));
            queries.unanswered(c, config.maxGroups()).groups().forEach(g -> x.row(g.question(), g.count(), g.variants(),
                    g.lastAskedAt().atZone(Criteria.ZONE).toLocalDateTime()));
            x.sheet("Câu hỏi", List.of("Mã", "Thời gian", "Kênh", "Tỉnh", "Cơ quan", "Trụ cột", "Chủ đề", "Ý định",
                    "Câu hỏi", "Trả lời được", "Độ tin cậy", "Nguồn", "Độ trễ (ms)", "Hữu ích", "Góp ý"));
            int[] seen = new int[1];
            rows = queries.export(c, max + 1, rs -> {
                if (++seen[0] > max) {
                    return;
                }
                Object confidence = rs.getObject(11);
                Object latency = rs.getObject(13);
                Object helpful = rs.getObject(14);
                x.row(rs.getString(1), rs.getTimestamp(2).toInstant().atZone(Criteria.ZONE).toLocalDateTime(),
                        rs.getString(3), rs.getString(4), rs.getString(5), themeName(rs.getString(6)),
                        catalog.topic(rs.getString(7)).map(Topic::name).orElse(rs.getString(7)), rs.getString(8),
                        rs.getString(9), !rs.getBoolean(10), confidence == null ? null : rs.getDouble(11),
                        rs.getString(12), latency == null ? null : rs.getLong(13),
                        helpful == null ? null : rs.getBoolean(14), rs.getString(15));
            });
            bytes = x.bytes();
        }
        var response = HttpResponse.ok(bytes).contentType(new MediaType(XLSX))
                .header("Content-Disposition", "attachment; filename=\"hoidap-" + c.from() + "-" + c.to() + ".xlsx\"");
        if (rows > max) {
            response.header("X-Hoidap-Truncated", "Chỉ xuất " + max + " dòng đầu; hãy thu hẹp khoảng thời gian.");
        }
        return response;
    }

    @Error(exception = InvalidInsightsRequest.class)
    HttpResponse<ApiError> invalid(HttpRequest<?> request, InvalidInsightsRequest e) {
        return ApiError.badRequest(e.getMessage());
    }

    private String themeName(String id) {
        return id == null ? "Khác" : catalog.themes().containsKey(id) ? catalog.themes().get(id).name() : id;
    }

    private Criteria criteria(String from, String to, String channel, String province, String theme) {
        return Criteria.parse(from, to, channel, province, theme, catalog.themes(), config.maxRangeDays());
    }

    private int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return config.maxGroups();
        }
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= 500) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message
        }
        throw new InvalidInsightsRequest("limit phải là số nguyên từ 1 đến 500.");
    }
}
