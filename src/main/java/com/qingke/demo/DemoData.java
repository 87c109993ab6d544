package com.qingke.demo;

import com.qingke.platform.QingkeConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The deployment's demo data set. {@link #dataset()} is generated once per process from {@link DemoConfig} with a
 * fixed "now", so the start-up load and anything else that seeds itself from it (the fake WeCom server) see
 * exactly the same customers, ids and times.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @Inject
    DemoConfig config;

    @Inject
    QingkeConfig qingke;

    @Inject
    DataSource dataSource;

    private volatile DemoDataset dataset;

    /** The configured demo data set (size and seed from {@code qingke.demo.*}). */
    public DemoDataset dataset() {
        DemoDataset d = dataset;
        if (d == null) {
            synchronized (this) {
                d = dataset;
                if (d == null) {
                    d = DemoDataset.generate(DemoSize.parse(config.size()), config.seed(), Instant.now());
                    dataset = d;
                }
            }
        }
        return d;
    }

    /** Loads {@link #dataset()} into the corp unless it already has customers; empty when nothing was loaded. */
    public Optional<LoadReport> loadIfEmpty(String corpId) {
        DemoLoader loader = new DemoLoader(dataSource);
        if (loader.hasCustomers(corpId)) {
            LOG.infof("Corp %s already has customers; demo data not loaded", corpId);
            return Optional.empty();
        }
        long started = System.nanoTime();
        DemoDataset d = dataset();
        LoadReport report = loader.load(corpId, d);
        LOG.infof("Demo data (%s, seed %d) generated and loaded into %s in %d ms: %s", d.size().name(), d.seed(), corpId,
                (System.nanoTime() - started) / 1_000_000, report);
        return Optional.of(report);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.loadOnStart()) {
            loadIfEmpty(qingke.corpId());
        }
    }
}
