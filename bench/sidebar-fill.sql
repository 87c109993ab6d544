-- The benchmark data set has no analysis results (they come from the analysis pipeline, which would take hours over
-- 100k customers). Like bench/dashboard-fill.sql (run it first: win rates on open deals, recommended actions), this
-- fills what the sidebar shows from the analysis: every customer analysed in the last day with an intent grade,
-- score and reasons, some with a risk tag; a third of the recommended messages with a material. Without it every first opening of a customer would also queue its
-- analysis (a write on the read path that an analysed customer never causes).
-- Run once against the benchmark database: mariadb -h127.0.0.1 -uroot qingke_bench_http < bench/sidebar-fill.sql
UPDATE customer SET
  analysed_at = NOW(3) - INTERVAL (id % 24) HOUR,
  rule_version = 'bench',
  intent_grade = ELT(1 + id % 4, 'A', 'B', 'C', 'D'),
  intent_score = ROUND(0.95 - (id % 4) * 0.2 - (id % 17) * 0.005, 3),
  intent_reasons = JSON_ARRAY(
    CONCAT('近7天打开资料 ', 1 + id % 5, ' 次'),
    ELT(1 + id % 3, '主动询问报价', '参加过线下活动', '浏览产品页超过3分钟'),
    CONCAT('最近一次互动在 ', 1 + id % 14, ' 天前')),
  risk_tags = CASE WHEN id % 9 = 0 THEN JSON_ARRAY('久未跟进') WHEN id % 23 = 0 THEN JSON_ARRAY('竞品接触') ELSE JSON_ARRAY() END;

-- A third of the recommended messages carry a material (a brochure, a case study), as the rules propose them.
UPDATE recommended_action a JOIN (SELECT MIN(id) AS first_id, COUNT(*) AS n FROM material) m
SET a.material_id = m.first_id + a.id % m.n, a.draft_text = CONCAT('您好，给您发一份资料，供参考：', a.title)
WHERE a.id % 3 = 0;
