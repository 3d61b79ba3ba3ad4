package vn.hoidap.corpus;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A node of a plan's outline (Phần I, I., 1., 1.1., a) …) with its repaired text and stable anchor. */
@Serdeable
public record Section(String path, String anchor, String heading, String text, List<Section> children)
        implements java.io.Serializable {
    public Section {
        children = List.copyOf(children);
    }
}
