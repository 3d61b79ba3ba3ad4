package vn.hoidap.corpus;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What the "Tổ chức thực hiện" part of a plan asks of one agency or group ("Sở Tài chính: bố trí kinh
 * phí …"), distinct from the task list.
 */
@Serdeable
public record Responsibility(String planId, AgencyMention agency, String section, String anchor, List<String> duties)
        implements java.io.Serializable {
    public Responsibility {
        duties = List.copyOf(duties);
    }
}
