package vn.hoidap.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import org.telegram.telegrambots.meta.api.objects.Update;
import vn.hoidap.system.ApiError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code POST /telegram/webhook} in webhook mode (404 in polling mode). Only Telegram knows the secret (it was given in setWebhook),
 * so a request without it is refused before its body is read. The body is parsed with the library's Jackson
 * types; the update is answered on a worker and Telegram gets its 200 at once (it retries slow webhooks).
 */
@Controller("/telegram/webhook")
@Requires(property = TelegramConfig.TOKEN, pattern = TelegramConfig.SET)
class WebhookController {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final boolean webhookMode;
    private final byte[] secretDigest;
    private final ObjectMapper json;
    private final UpdateDispatcher dispatcher;

    WebhookController(TelegramConfig config, TelegramApi api, UpdateDispatcher dispatcher) {
        this.webhookMode = config.updateMode() == TelegramConfig.Mode.WEBHOOK;
        this.secretDigest = config.webhookSecret() == null ? null : sha256(config.webhookSecret());
        this.json = api.json();
        this.dispatcher = dispatcher;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> receive(@Nullable @Header(SECRET_HEADER) String secret, @Nullable @Body String body) {
        if (!webhookMode) {
            return ApiError.notFound("Bot Telegram đang chạy ở chế độ long polling, không nhận webhook.");
        }
        // Digests of equal length compared in constant time: the answer time tells nothing about the secret.
        if (secretDigest == null || secret == null || !MessageDigest.isEqual(secretDigest, sha256(secret))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(new ApiError("Yêu cầu không hợp lệ."));
        }
        if (body == null || body.isBlank()) {
            return ApiError.badRequest("Thiếu nội dung cập nhật từ Telegram.");
        }
        Update update;
        try {
            update = json.readValue(body, Update.class);
        } catch (IOException | RuntimeException e) {
            return ApiError.badRequest("Nội dung cập nhật từ Telegram không hợp lệ.");
        }
        if (update == null) {
            return ApiError.badRequest("Nội dung cập nhật từ Telegram không hợp lệ.");
        }
        dispatcher.dispatch(update);
        return HttpResponse.ok();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
