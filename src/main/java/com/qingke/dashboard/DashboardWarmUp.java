package com.qingke.dashboard;

import com.qingke.platform.QingkeConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Recomputes the view a manager opens first (whole team, default period) in the background, so it is always warm. */
@ApplicationScoped
class DashboardWarmUp {
    private static final Logger LOG = Logger.getLogger(DashboardWarmUp.class);

    private final DashboardService service;
    private final QingkeConfig qingke;

    DashboardWarmUp(DashboardService service, QingkeConfig qingke) {
        this.service = service;
        this.qingke = qingke;
    }

    @Scheduled(every = "${qingke.dashboard.warm-up-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void warmDefaultView() {
        long started = System.nanoTime();
        service.refreshDefault(qingke.corpId());
        LOG.debugf("Dashboard default view recomputed in %d ms", (System.nanoTime() - started) / 1_000_000);
    }
}
