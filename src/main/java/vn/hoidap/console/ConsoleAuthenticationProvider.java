package vn.hoidap.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

/** HTTP Basic for scripts (micronaut-security calls this on the blocking executor: JDBC and BCrypt). */
@Singleton
final class ConsoleAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final Accounts accounts;
    private final HttpClientAddressResolver addresses;

    ConsoleAuthenticationProvider(Accounts accounts, HttpClientAddressResolver addresses) {
        this.accounts = accounts;
        this.addresses = addresses;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> auth) {
        String address = request == null ? "unknown" : String.valueOf(addresses.resolve(request));
        return accounts.authenticate(auth.getIdentity(), auth.getSecret(), address);
    }
}
