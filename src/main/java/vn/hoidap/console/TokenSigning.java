package vn.hoidap.console;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import vn.hoidap.system.GeneratedSecrets;

/**
 * The key that signs the console's session cookies (HS256 JWTs): {@code HOIDAP_JWT_SECRET} when set, else
 * a random one generated once and kept in PostgreSQL, so every replica accepts every other's cookies and a
 * restart does not sign everyone out. Nobody has to configure a secret, and there is no default one.
 */
@Factory
final class TokenSigning {

    @Singleton
    @Named("generator")
    SecretSignature signature(@Nullable @Property(name = "hoidap.console.jwt-secret") String configured,
                              GeneratedSecrets secrets) {
        SecretSignatureConfiguration config = new SecretSignatureConfiguration("generator");
        config.setSecret(secrets.configuredOrStored(configured, "console-jwt-secret"));
        return new SecretSignature(config);
    }
}
