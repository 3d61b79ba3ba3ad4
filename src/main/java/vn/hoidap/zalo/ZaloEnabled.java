package vn.hoidap.zalo;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.value.PropertyResolver;

/** The Zalo channel exists when an access token or a refresh token is configured (either suffices to start). */
public final class ZaloEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context) {
        if (!(context.getBeanContext() instanceof PropertyResolver properties)) {
            return false;
        }
        return ZaloConfig.set(properties.getProperty(ZaloConfig.ACCESS_TOKEN, String.class).orElse(null))
                || ZaloConfig.set(properties.getProperty(ZaloConfig.REFRESH_TOKEN, String.class).orElse(null));
    }
}
