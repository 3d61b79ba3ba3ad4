package vn.hoidap.system;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds request bodies in the Netty pipeline, before Micronaut buffers a byte: a declared
 * {@code Content-Length} over {@code micronaut.server.max-request-size} is answered 413 at once (the body
 * is never read), and bodies still arriving share a byte budget and a count ({@link BodyLimitsConfig}).
 * A body that would exceed either is refused with 413 and its connection closed, so a thousand slow
 * uploads cost at most the budget, not a gigabyte of direct buffers.
 */
@Singleton
class BodyBudget implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final Logger LOG = LoggerFactory.getLogger(BodyBudget.class);
    static final String HANDLER = "hoidap-body-budget";

    private final long maxRequestSize;
    private final BodyLimitsConfig limits;
    private final AtomicLong reservedBytes = new AtomicLong();
    private final AtomicInteger openBodies = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();

    BodyBudget(HttpServerConfiguration server, BodyLimitsConfig limits) {
        this.maxRequestSize = server.getMaxRequestSize();
        this.limits = limits;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    /** Plan uploads take up to the server's limit; every other route the ordinary one. */
    private long limitFor(String uri) {
        int query = uri == null ? -1 : uri.indexOf('?');
        String path = uri == null ? "" : query < 0 ? uri : uri.substring(0, query);
        for (String p : limits.uploadPaths()) {
            if (path.equals(p) || path.startsWith(p + "/")) {
                return maxRequestSize;
            }
        }
        return Math.min(maxRequestSize, limits.maxRequestSize());
    }

    long reservedBytes() {
        return reservedBytes.get();
    }

    int openBodies() {
        return openBodies.get();
    }

    long refusedCount() {
        return refused.get();
    }

    private final class Customizer implements NettyServerCustomizer {
        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER, new Handler());
            }
        }
    }

    /** One per HTTP/1.1 connection: at most one body arrives at a time on it. */
    private final class Handler extends ChannelInboundHandlerAdapter {
        private long reserved;
        private boolean counted;
        private boolean chunked;
        private long received;
        private boolean discarding;
        private long limit;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                discarding = false;
                long length = HttpUtil.getContentLength(request, -1L);
                long maxRequestSize = limitFor(request.uri());
                chunked = length < 0 && HttpUtil.isTransferEncodingChunked(request);
                limit = maxRequestSize;
                received = 0;
                if (length > maxRequestSize) {
                    refuse(ctx, msg, "Yêu cầu quá lớn (tối đa " + maxRequestSize / 1024 + " KB) (request too large).");
                    return;
                }
                if ((length > limits.smallBytes() || chunked) && !open(ctx, msg, Math.max(0, length))) {
                    return;
                }
            } else if (msg instanceof HttpContent content) {
                if (discarding) {
                    ReferenceCountUtil.release(msg);
                    if (msg instanceof LastHttpContent) {
                        discarding = false;
                    }
                    return;
                }
                if (chunked) {
                    long n = content.content().readableBytes();
                    received += n;
                    if (received > limit || !reserve(n)) {
                        refuse(ctx, msg, "Yêu cầu quá lớn hoặc máy chủ đang bận nhận dữ liệu; xin thử lại sau.");
                        return;
                    }
                }
                if (msg instanceof LastHttpContent) {
                    ctx.fireChannelRead(msg);
                    finish();
                    return;
                }
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            finish();
            super.channelInactive(ctx);
        }

        private boolean open(ChannelHandlerContext ctx, Object msg, long length) {
            if (openBodies.incrementAndGet() > limits.maxOpenLargeBodies()) {
                openBodies.decrementAndGet();
                refuse(ctx, msg, "Máy chủ đang bận nhận dữ liệu; xin thử lại sau ít giây.");
                return false;
            }
            counted = true;
            if (!reserve(length)) {
                finish();
                refuse(ctx, msg, "Máy chủ đang bận nhận dữ liệu; xin thử lại sau ít giây.");
                return false;
            }
            return true;
        }

        private boolean reserve(long n) {
            if (n == 0) {
                return true;
            }
            long after = reservedBytes.addAndGet(n);
            if (after > limits.budgetBytes()) {
                reservedBytes.addAndGet(-n);
                return false;
            }
            reserved += n;
            return true;
        }

        private void finish() {
            if (reserved > 0) {
                reservedBytes.addAndGet(-reserved);
                reserved = 0;
            }
            if (counted) {
                openBodies.decrementAndGet();
                counted = false;
            }
        }

        private void refuse(ChannelHandlerContext ctx, Object msg, String message) {
            boolean last = msg instanceof LastHttpContent;
            ReferenceCountUtil.release(msg);
            finish();
            discarding = !last;
            long n = refused.incrementAndGet();
            if (n == 1 || n % 1000 == 0) {
                LOG.warn("Request bodies refused with 413 so far: {} (budget {} bytes, {} open bodies)", n,
                        limits.budgetBytes(), limits.maxOpenLargeBodies());
            }
            String body = "{\"error\":\"" + message.replace("\"", "\\\"") + "\"}";
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
