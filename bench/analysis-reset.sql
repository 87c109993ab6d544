-- Puts the benchmark database back to "never analysed" (docs/BENCHMARKS.md, section "Analysis"): no analysis
-- results on customers and opportunities, no recommended actions or their audit entries, no analysis requests,
-- no daily-analysis run. Behaviour events, opportunities, tasks and the win-rate model snapshots stay.
delete from recommended_action;
delete from audit_log where entity_type = 'recommended_action';
delete from outbox_event where topic = 'ANALYSE_CUSTOMER';
delete from job_run where job_name = 'daily-analysis';
update customer set intent_grade = null, intent_score = null, intent_reasons = null, risk_tags = null,
    analysed_at = null, rule_version = null, model_snapshot_id = null;
update opportunity set win_rate = null, win_rate_factors = null, model_snapshot_id = null, intent_score = null;
