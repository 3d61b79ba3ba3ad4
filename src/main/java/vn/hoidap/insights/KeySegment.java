package vn.hoidap.insights;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;

/**
 * The question counts of one closed period (kind 'm': a month, 'd': a day) under one combination of filters
 * ('' = any): the root entity of {@link InsightsRepository}. Built by query_key_segment_of (V60).
 */
@MappedEntity("query_key_segment")
record KeySegment(@Id @GeneratedValue Long id, String kind, LocalDate firstDay, LocalDate lastDay, String fChannel,
                  String fProvince, String fTheme, long questions, long unanswered) {
}
