-- The benchmark data set has no analysis results yet (win rates and recommended actions come from the analysis
-- pipeline, which would take hours over 100k customers). This fills comparable volumes directly so the DB-02 and
-- DB-04 queries have rows to read: a stage-based win rate on every open opportunity, and one recommended action for
-- 60% of the customers, spread over the last 180 days, with a realistic mix of statuses and dismissal reasons.
-- Run once against the benchmark database: mariadb -h127.0.0.1 -uroot qingke_bench < bench/dashboard-fill.sql
UPDATE opportunity SET win_rate = CASE stage WHEN 'INITIAL' THEN 0.10 WHEN 'QUALIFIED' THEN 0.25
  WHEN 'PROPOSAL' THEN 0.45 WHEN 'NEGOTIATION' THEN 0.65 END + (id % 7) * 0.01
WHERE stage IN ('INITIAL', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION');

INSERT INTO recommended_action (corp_id, customer_id, owner_id, rule_name, kind, priority, title, reason, status,
  dismiss_reason, decided_by, decided_at, created_at, version)
SELECT c.corp_id, c.id, c.owner_id, CONCAT('bench-rule-', c.id % 12), 'MESSAGE', 60 + (c.id % 40),
  CONCAT('跟进客户 ', c.name), '基准数据', 
  CASE c.id % 10 WHEN 0 THEN 'PROPOSED' WHEN 1 THEN 'PROPOSED' WHEN 2 THEN 'CONFIRMED' WHEN 3 THEN 'EXECUTED'
    WHEN 4 THEN 'EXECUTED' WHEN 5 THEN 'DISMISSED' WHEN 6 THEN 'DISMISSED' WHEN 7 THEN 'SUPERSEDED'
    ELSE 'EXECUTED' END,
  CASE WHEN c.id % 10 IN (5, 6) THEN ELT(1 + c.id % 4, '时机不合适', '客户近期没有预算', '已电话沟通过', '内容不合适') END,
  CASE WHEN c.id % 10 IN (2, 3, 4, 5, 6, 8, 9) THEN c.owner_id END,
  CASE WHEN c.id % 10 IN (2, 3, 4, 5, 6, 8, 9) THEN NOW(3) - INTERVAL (c.id % 180) DAY + INTERVAL 6 HOUR END,
  NOW(3) - INTERVAL (c.id % 180) DAY, 0
FROM customer c WHERE c.id % 5 <> 0;
