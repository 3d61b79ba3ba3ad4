package vn.hoidap.portal;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Adds what the layout needs to every page's model (the footer's official portal, the nav), so controllers
 * hand over only their page's data. Pages of other features (the console) get the same for free.
 */
@Singleton
final class PortalModel implements ViewModelProcessor<Map<String, Object>> {

    private final PortalConfig config;

    PortalModel(PortalConfig config) {
        this.config = config;
    }

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Map<String, Object>> modelAndView) {
        modelAndView.getModel().ifPresent(model -> {
            try {
                model.putIfAbsent("portal", config);
                model.putIfAbsent("path", request.getPath());
            } catch (UnsupportedOperationException immutable) {
                // Map.of(...) models cannot take defaults; the layout treats both as optional.
            }
        });
    }
}
