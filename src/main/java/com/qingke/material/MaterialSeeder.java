package com.qingke.material;

import com.qingke.platform.QingkeConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** In the demo, the material library starts with the demo materials so recommended actions have something to send. */
@ApplicationScoped
class MaterialSeeder {
    private static final Logger LOG = Logger.getLogger(MaterialSeeder.class);

    void onStart(@Observes StartupEvent event, MaterialConfig config, QingkeConfig qingke, MaterialService materials) {
        if (config.seedDemoMaterials()) {
            int added = materials.ensureDemoMaterials(qingke.corpId());
            if (added > 0) {
                LOG.infof("Added %d demo materials for %s", added, qingke.corpId());
            }
        }
    }
}
