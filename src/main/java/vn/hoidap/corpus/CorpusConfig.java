package vn.hoidap.corpus;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

/** Where the corpus lives: {@code HOIDAP_CORPUS_DIR}, by default {@code ./corpus}. */
@ConfigurationProperties("hoidap.corpus")
public record CorpusConfig(@NotBlank @Bindable(defaultValue = "corpus") String dir) {
}
