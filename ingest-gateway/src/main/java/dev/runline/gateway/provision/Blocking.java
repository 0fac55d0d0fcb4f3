package dev.runline.gateway.provision;

import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** JDBC blocks: provisioning work runs on the bounded elastic scheduler, never on the event loop. */
public final class Blocking {

    private Blocking() {}

    public static <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
