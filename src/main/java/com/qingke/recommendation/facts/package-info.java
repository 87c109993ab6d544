/**
 * The plain objects the rule base sees: built from the domain for one customer at a time, never JPA entities.
 * Their getters are the fields a rule can test; rules/README.md documents each of them for the business admin.
 */
package com.qingke.recommendation.facts;
