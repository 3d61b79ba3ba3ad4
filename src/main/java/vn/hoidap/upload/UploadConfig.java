package vn.hoidap.upload;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.List;

/**
 * Uploaded plans: the largest file accepted ({@code max-bytes}, default 30 MB; the HTTP body limit of the
 * upload routes follows it), where Tesseract's language data is (found at run time when unset), the OCR
 * resolution, the question sets the regression gate runs (file names under corpus/eval; empty: all), the share
 * of a new plan's probes that must pass and how many previously passing questions may fail.
 */
@ConfigurationProperties("hoidap.upload")
public record UploadConfig(
        @io.micronaut.core.convert.format.ReadableBytes @Bindable(defaultValue = "30MB") long maxBytes,
        @Nullable String tessdata,
        @Bindable(defaultValue = "300") int ocrDpi,
        @Bindable(defaultValue = "40") int maxPages,
        @Nullable List<String> regressionSets,
        @Bindable(defaultValue = "0.9") double probePassRate,
        @Bindable(defaultValue = "0") int tolerance) {
}
