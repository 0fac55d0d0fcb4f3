package dev.runline.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    KeyRateLimiter keyRateLimiter(RateLimitProperties properties) {
        return new KeyRateLimiter(properties, Ticker.systemTicker());
    }
}
