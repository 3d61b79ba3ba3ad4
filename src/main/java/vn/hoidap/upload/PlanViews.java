package vn.hoidap.upload;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An uploaded plan as the API and the pages show it. */
@Singleton
class PlanViews {

    private final PlanReading reading;
    private final UploadStore store;

    PlanViews(PlanReading reading, UploadStore store) {
        this.reading = reading;
        this.store = store;
    }

    Map<String, Object> brief(UploadStore.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("status", r.status());
        m.put("progress", r.progress());
        m.put("fileName", r.fileName());
        m.put("sha256", r.sha256());
        m.put("sizeBytes", r.sizeBytes());
        m.put("textQuality", r.textQuality());
        if (r.error() != null) {
            m.put("error", r.error());
        }
        PlanDraft d = draft(r);
        if (d != null) {
            m.put("title", d.meta().title());
            m.put("province", d.meta().province());
        }
        m.put("createdBy", r.createdBy());
        m.put("createdAt", r.createdAt() == null ? null : r.createdAt().toString());
        m.put("publishedAt", r.publishedAt() == null ? null : r.publishedAt().toString());
        return m;
    }

    /** The POST answer: what was found, in numbers, and what looks empty or odd. */
    Map<String, Object> summary(UploadStore.Row r) {
        Map<String, Object> m = brief(r);
        PlanDraft d = draft(r);
        if (d != null) {
            m.put("extracted", extracted(r, d));
        }
        m.put("warnings", warnings(r));
        return m;
    }

    Map<String, Object> detail(UploadStore.Row r) {
        Map<String, Object> m = summary(r);
        PlanDraft d = draft(r);
        if (d != null) {
            m.put("draft", d);
            m.put("provinceToday", reading.today(d.meta().province()));
        }
        if (r.report() != null) {
            m.put("report", SheetFiles.fromJson(r.report(), RegressionReport.class));
        }
        List<Map<String, String>> history = new ArrayList<>();
        for (String[] h : store.history(r.id())) {
            history.add(Map.of("at", h[0], "actor", h[1], "action", h[2]));
        }
        m.put("history", history);
        return m;
    }

    Map<String, Object> extracted(UploadStore.Row r, PlanDraft d) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("sections", sections(r));
        e.put("tasks", d.tasks().size());
        e.put("targets", d.targets().size());
        e.put("deadlines", d.deadlines().size());
        return e;
    }

    static PlanDraft draft(UploadStore.Row r) {
        return r.sheet() == null ? null : SheetFiles.fromJson(r.sheet(), PlanDraft.class);
    }

    static List<String> warnings(UploadStore.Row r) {
        List<String> out = new ArrayList<>();
        JsonNode w = tree(r.warnings());
        if (w != null) {
            w.path("warnings").forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    static int sections(UploadStore.Row r) {
        JsonNode w = tree(r.warnings());
        return w == null ? 0 : w.path("sections").asInt(0);
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return SheetFiles.JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }
}
