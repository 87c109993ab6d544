package com.qingke.scoring;

import com.qingke.recommendation.facts.FactSet;
import java.util.Map;

/** One customer's facts for the rules, and the win-rate estimates that went into them (by opportunity id). */
public record CustomerFacts(FactSet facts, Map<Long, WinRateEstimate> winRates) {
}
