package com.qingke.demo;

import com.qingke.customer.Channel;
import com.qingke.customer.LifecycleStage;
import com.qingke.identity.IdentityKind;
import com.qingke.material.MaterialKind;
import com.qingke.opportunity.DecisionChainStatus;
import com.qingke.opportunity.DecisionRole;
import com.qingke.opportunity.PaymentStatus;
import com.qingke.opportunity.Stage;
import com.qingke.task.TaskStatus;
import com.qingke.timeline.EventType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates one customer and everything hanging off it from (seed, index) alone, so a data set can be produced in
 * any order or in chunks and still be identical. Times are kept as "seconds before now" while generating; "now" only
 * shifts the time axis and never changes a decision.
 */
final class CustomerGenerator {

    static final long DAY = 86_400L;
    private static final long HISTORY_WINDOW = 90 * DAY;
    private static final double INTENT_ON_CONVERSION = 1.2;
    private static final Set<EventType> CONTACT_TYPES = Set.of(EventType.CALL, EventType.CHAT, EventType.MESSAGE_SENT);
    private static final Set<EventType> INTENT_TYPES =
            Set.of(EventType.CHAT, EventType.DOWNLOADED_MATERIAL, EventType.FORM_SUBMITTED, EventType.VIEWED_QUOTE);
    private static final Channel[] CHANNELS = {Channel.OA_QR, Channel.WECOM_QR, Channel.WEB_FORM, Channel.IMPORT};
    private static final double[] CHANNEL_WEIGHTS = {0.28, 0.32, 0.25, 0.15};
    private static final Stage[] OPEN_STAGES = Stage.open();
    private static final double[] CLOSED_FROM_STAGE_WEIGHTS = {0.12, 0.23, 0.30, 0.35};
    private static final double[] OPEN_STAGE_WEIGHTS = {0.30, 0.30, 0.25, 0.15};

    private final DemoSize size;
    private final long seed;
    private final Instant now;
    private final DemoCatalog catalog;
    private final String[] repIds;
    private final double[] repWeights;
    private final Map<Channel, List<DemoCampaign>> campaignsByChannel = new EnumMap<>(Channel.class);
    private final Map<String, DemoMaterial> materials = new LinkedHashMap<>();
    private final double opportunityIntercept;
    private final long phoneOffset;

    CustomerGenerator(DemoSize size, long seed, Instant now, DemoCatalog catalog) {
        this.size = size;
        this.seed = seed;
        this.now = now;
        this.catalog = catalog;
        List<DemoEmployee> reps = catalog.reps();
        repIds = reps.stream().map(DemoEmployee::userId).toArray(String[]::new);
        repWeights = new double[repIds.length];
        for (int i = 0; i < repIds.length; i++) {
            repWeights[i] = i < DemoCorp.FIXED_REP_WEIGHTS.length && size.extraReps() == 0
                    ? DemoCorp.FIXED_REP_WEIGHTS[i] : 1.0;
        }
        for (DemoCampaign c : catalog.campaigns()) {
            campaignsByChannel.computeIfAbsent(c.channel(), k -> new ArrayList<>()).add(c);
        }
        for (DemoMaterial m : catalog.materials()) {
            materials.put(m.slug(), m);
        }
        // Mean of σ(a + b·z) over z ~ N(0,1) ≈ σ(a / √(1 + π·b²/8)): pick a so the share of customers with a deal
        // matches the size while intent still drives who converts.
        double share = Math.min(0.999, Math.max(0.001, size.opportunityShare()));
        opportunityIntercept = Math.log(share / (1 - share))
                * Math.sqrt(1 + Math.PI * INTENT_ON_CONVERSION * INTENT_ON_CONVERSION / 8);
        phoneOffset = Math.floorMod(mix(seed ^ 0x70686F6E65L), 100_000_000L);
    }

    DemoCustomer generate(int index) {
        return new Script(index).build();
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** A mainland mobile number; the last eight digits are a permutation of the index, so numbers never repeat. */
    String phone(SplittableRandom r, int index) {
        String prefix = Vocabulary.MOBILE_PREFIXES[r.nextInt(Vocabulary.MOBILE_PREFIXES.length)];
        long tail = Math.floorMod(index * 73_939_133L + phoneOffset, 100_000_000L);
        return prefix + String.format("%08d", tail);
    }

    private record EventDraft(long ago, EventType type, String source, String employee, String slug,
                              Map<String, Object> metadata) {
    }

    /** The generation of one customer; all randomness comes from the customer's own stream. */
    private final class Script {
        private final int index;
        private final SplittableRandom r;
        private final List<EventDraft> events = new ArrayList<>();
        private final List<DemoIdentity> identities = new ArrayList<>();
        private final List<DemoFollower> followers = new ArrayList<>();
        private final List<DemoTask> tasks = new ArrayList<>();
        private final List<DemoTrackedLink> links = new ArrayList<>();
        private String owner;
        private String shortName;
        private ProductLine line;
        private double z;

        Script(int index) {
            this.index = index;
            this.r = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index));
        }

        DemoCustomer build() {
            z = r.nextGaussian();
            int gender = r.nextDouble() < 0.05 ? 0 : r.nextDouble() < 0.66 ? 1 : 2;
            String name = Vocabulary.personName(r, gender == 0 ? 1 : gender);
            int industry = Vocabulary.pickIndex(r, Vocabulary.INDUSTRY_WEIGHTS);
            int region = Vocabulary.pickIndex(r, Vocabulary.REGION_WEIGHTS);
            int companySize = Vocabulary.pickIndex(r, Vocabulary.SIZE_WEIGHTS);
            String brand = Vocabulary.BRANDS[r.nextInt(Vocabulary.BRANDS.length)];
            String[] words = Vocabulary.INDUSTRY_WORDS[industry];
            String word = words[r.nextInt(words.length)];
            String company = Vocabulary.REGIONS[region] + brand + word + (r.nextDouble() < 0.82 ? "有限公司" : "股份有限公司");
            shortName = brand + word.substring(0, Math.min(2, word.length()));
            int positionIndex = Vocabulary.pickIndex(r, Vocabulary.POSITION_WEIGHTS);
            String position = Vocabulary.POSITIONS[positionIndex];
            boolean boss = positionIndex < Vocabulary.DM_TITLES.length;
            Channel channel = Vocabulary.pick(r, CHANNELS, CHANNEL_WEIGHTS);
            List<DemoCampaign> campaigns = campaignsByChannel.get(channel);
            DemoCampaign campaign = campaigns.get(r.nextInt(campaigns.size()));
            owner = campaign.ownerUserId() != null ? campaign.ownerUserId() : Vocabulary.pick(r, repIds, repWeights);
            boolean hasPhone = channel == Channel.WEB_FORM || channel == Channel.IMPORT || r.nextDouble() < 0.85;
            String phone = hasPhone ? phone(r, index) : null;
            line = ProductLine.values()[Vocabulary.pickIndex(r, Vocabulary.INDUSTRY_PRODUCT_WEIGHTS[industry])];

            boolean hasDeal = r.nextDouble() < WinRateGroundTruth.sigmoid(opportunityIntercept + INTENT_ON_CONVERSION * z);
            boolean closed = hasDeal && r.nextDouble() < size.closedShare();
            Deal deal = hasDeal ? new Deal(closed) : null;
            long createdAgo = hasDeal
                    ? deal.createdAgo + uniform(0, 30 * DAY)
                    : r.nextDouble() < 0.55 ? uniform(DAY / 5, 90 * DAY) : uniform(90 * DAY, 420 * DAY);
            // Capture and identity: nothing of this may fall inside the deal after its creation, except at it.
            long floor = hasDeal ? deal.createdAgo : 60;
            capture(channel, campaign, createdAgo, name, phone != null);
            long addedAgo = channel == Channel.WECOM_QR ? createdAgo
                    : Math.max(createdAgo - uniform(600, 3 * DAY), floor);
            String externalUserId = "wm_demo_" + (index + 1);
            int addWay = channel == Channel.WEB_FORM || channel == Channel.IMPORT ? 2 : 1;
            String state = channel == Channel.WECOM_QR ? campaign.code() : null;
            followers.add(new DemoFollower(owner, name + "-" + shortName, addWay, state, at(addedAgo)));
            if (channel != Channel.WECOM_QR) {
                event(addedAgo, EventType.ADDED_WECOM, "WECOM", owner, null, meta("userid", owner, "addWay", addWay));
            }
            identities.add(new DemoIdentity(IdentityKind.EXTERNAL_USERID, externalUserId, "WECOM", at(addedAgo)));
            String openId = null;
            if (channel == Channel.OA_QR) {
                openId = "o_demo_" + (index + 1);
                identities.add(new DemoIdentity(IdentityKind.OPENID, openId, "OFFICIAL_ACCOUNT", at(createdAgo)));
            } else if (r.nextDouble() < 0.2) {
                openId = "o_demo_" + (index + 1);
                long subscribedAgo = Math.max(addedAgo - uniform(3600, 20 * DAY), Math.max(floor, 30));
                event(subscribedAgo, EventType.SUBSCRIBE, "OFFICIAL_ACCOUNT", null, null, meta());
                identities.add(new DemoIdentity(IdentityKind.OPENID, openId, "OFFICIAL_ACCOUNT", at(subscribedAgo)));
            }
            String unionId = null;
            if (r.nextDouble() < (openId != null ? 0.85 : 0.45)) {
                unionId = "u_demo_" + (index + 1);
                identities.add(new DemoIdentity(IdentityKind.UNIONID, unionId, "WECOM", at(addedAgo)));
            }
            if (phone != null) {
                boolean fromLead = channel == Channel.WEB_FORM || channel == Channel.IMPORT;
                identities.add(new DemoIdentity(IdentityKind.PHONE, phone, fromLead ? channel.name() : "WECOM",
                        at(fromLead ? createdAgo : addedAgo)));
            }

            List<DemoOpportunity> opportunities = new ArrayList<>();
            LifecycleStage lifecycle;
            boolean churned = false;
            if (hasDeal) {
                preDealActivity(createdAgo, deal.createdAgo, openId != null);
                DemoOpportunity opportunity = deal.build(name, position, boss, companySize);
                opportunities.add(opportunity);
                if (!closed) {
                    lifecycle = LifecycleStage.OPPORTUNITY;
                } else if (opportunity.isWon()) {
                    churned = deal.closeAgo > 200 * DAY && r.nextDouble() < 0.2;
                    lifecycle = churned ? LifecycleStage.CHURNED : LifecycleStage.CUSTOMER;
                    double rate = churned ? 0 : 3.0;
                    ambient(Math.min(deal.closeAgo - 1, HISTORY_WINDOW), rate, AmbientKind.CUSTOMER);
                } else {
                    lifecycle = LifecycleStage.PROSPECT;
                    ambient(Math.min(deal.closeAgo - 1, HISTORY_WINDOW), 1.2 * Math.exp(0.5 * z), AmbientKind.LOST);
                }
                deal.tasks(opportunity);
            } else {
                ambient(Math.min(createdAgo - 1, HISTORY_WINDOW), 5.0 * Math.exp(0.8 * z), AmbientKind.LEAD);
                leadTask(createdAgo);
                long intentEvents = events.stream().filter(e -> INTENT_TYPES.contains(e.type())).count();
                lifecycle = intentEvents >= 2 ? LifecycleStage.PROSPECT : LifecycleStage.LEAD;
            }
            if (r.nextDouble() < 0.12 && repIds.length > 1) {
                String other = repIds[r.nextInt(repIds.length)];
                if (!other.equals(owner)) {
                    long ago = Math.max(60, addedAgo - uniform(DAY, 60 * DAY));
                    followers.add(new DemoFollower(other, name + "-" + shortName, 201, null, at(ago)));
                }
            }
            if (lifecycle == LifecycleStage.CUSTOMER && r.nextDouble() < 0.15) {
                long ago = Math.max(60, deal.closeAgo - uniform(0, 10 * DAY));
                followers.add(new DemoFollower(DemoCorp.MANAGER, name + "-" + shortName + "（重点客户）", 201, null, at(ago)));
            }

            List<String> tags = new ArrayList<>(List.of(
                    Vocabulary.INDUSTRIES[industry], Vocabulary.REGIONS[region], Vocabulary.SIZES[companySize]));
            if (hasDeal || r.nextDouble() < 0.4) {
                tags.add(line.interestTag());
            }
            List<DemoEvent> finalEvents = finish();
            Instant lastActivity = finalEvents.isEmpty() ? null : finalEvents.get(finalEvents.size() - 1).occurredAt();
            Instant consentAt = channel == Channel.WEB_FORM ? at(createdAgo) : null;
            String consentText = consentAt == null ? null
                    : "我已阅读并同意《个人信息保护政策》，同意" + DemoCorp.COMPANY_NAME + "就本次询价与我联系";
            return new DemoCustomer(index, name, gender, phone, company, position, tags, lifecycle, owner, channel,
                    campaign.code(), consentAt, consentText, externalUserId, unionId, openId, at(createdAgo),
                    lastActivity, z, identities, followers, finalEvents, opportunities, tasks, links);
        }

        private void capture(Channel channel, DemoCampaign campaign, long ago, String name, boolean hasPhone) {
            switch (channel) {
                case OA_QR -> {
                    event(ago, EventType.SCAN, "OFFICIAL_ACCOUNT", null, null,
                            meta("campaign", campaign.code(), "sceneStr", campaign.code()));
                    event(ago - 5, EventType.SUBSCRIBE, "OFFICIAL_ACCOUNT", null, null, meta("campaign", campaign.code()));
                }
                case WECOM_QR -> event(ago, EventType.ADDED_WECOM, "WECOM", owner, null,
                        meta("userid", owner, "addWay", 1, "state", campaign.code()));
                case WEB_FORM -> {
                    event(ago + 90, EventType.PAGE_VIEW, "WEB", null, null,
                            meta("page", "/forms/inquiry", "campaign", campaign.code(), "durationSec", 90));
                    event(ago, EventType.FORM_SUBMITTED, "WEB_FORM", null, null,
                            meta("campaign", campaign.code(), "page", "/forms/inquiry", "product", line.label(),
                                    "message", "想了解" + line.label() + "的价格和交期"));
                }
                default -> event(ago, EventType.IMPORTED, "IMPORT", null, null,
                        meta("campaign", campaign.code(), "batch", campaign.name()));
            }
        }

        /** Light interest between the first touch and the opportunity; strictly before the deal starts. */
        private void preDealActivity(long customerAgo, long dealAgo, boolean subscribed) {
            if (customerAgo - 1 <= dealAgo + 1) {
                return;
            }
            int n = poisson(1.5 * Math.exp(0.5 * z));
            for (int i = 0; i < n; i++) {
                long ago = uniform(dealAgo + 1, customerAgo - 1);
                double x = r.nextDouble();
                if (x < 0.35) {
                    pageView(ago);
                } else if (x < 0.60) {
                    download(ago, brochureOf(line));
                } else if (x < 0.85) {
                    chat(ago, Vocabulary.CHAT_LINES);
                } else if (subscribed) {
                    event(ago, EventType.MENU_CLICK, "OFFICIAL_ACCOUNT", null, null,
                            meta("menu", Vocabulary.pick(r, Vocabulary.MENU_ITEMS)));
                } else {
                    pageView(ago);
                }
            }
        }

        private enum AmbientKind { LEAD, CUSTOMER, LOST }

        /** Background activity in the last 90 days, strictly after any deal closed. */
        private void ambient(long fromAgo, double ratePer90Days, AmbientKind kind) {
            long toAgo = 30;
            if (fromAgo <= toAgo || ratePer90Days <= 0) {
                return;
            }
            double rate = ratePer90Days * size.ambientActivity() * (fromAgo - toAgo) / (double) HISTORY_WINDOW;
            int n = poisson(rate);
            for (int i = 0; i < n; i++) {
                long ago = uniform(toAgo, fromAgo);
                double x = r.nextDouble();
                switch (kind) {
                    case LEAD -> {
                        if (x < 0.22) {
                            pageView(ago);
                        } else if (x < 0.44) {
                            chat(ago, Vocabulary.CHAT_LINES);
                        } else if (x < 0.60) {
                            download(ago, r.nextDouble() < 0.6 ? brochureOf(line) : caseOf(line));
                        } else if (x < 0.64) {
                            event(ago, EventType.FORM_SUBMITTED, "WEB_FORM", null, null,
                                    meta("campaign", "web_site_inquiry", "page", "/forms/inquiry", "product", line.label(),
                                            "message", "请再发一份" + line.label() + "的资料"));
                        } else if (x < 0.74) {
                            call(ago);
                        } else if (x < 0.90) {
                            message(ago, null);
                        } else {
                            note(ago);
                        }
                    }
                    case CUSTOMER -> {
                        if (x < 0.35) {
                            chat(ago, Vocabulary.SERVICE_CHAT_LINES);
                        } else if (x < 0.55) {
                            call(ago);
                        } else if (x < 0.70) {
                            note(ago);
                        } else if (x < 0.85) {
                            message(ago, null);
                        } else {
                            download(ago, "brochure-maintenance");
                        }
                    }
                    case LOST -> {
                        if (x < 0.3) {
                            chat(ago, Vocabulary.CHAT_LINES);
                        } else if (x < 0.5) {
                            pageView(ago);
                        } else if (x < 0.8) {
                            message(ago, null);
                        } else {
                            download(ago, caseOf(line));
                        }
                    }
                    default -> throw new IllegalStateException();
                }
            }
        }

        private void leadTask(long customerAgo) {
            if (customerAgo > HISTORY_WINDOW || r.nextDouble() >= 0.45) {
                return;
            }
            long createdAgo = Math.max(60, customerAgo - uniform(60, DAY / 2));
            long dueAgo = createdAgo - 2 * DAY;
            if (dueAgo > 0 && r.nextDouble() < 0.8) {
                doneTask("首次电话回访，了解需求", null, createdAgo, dueAgo);
            } else {
                tasks.add(new DemoTask("首次电话回访，了解需求", null, TaskStatus.OPEN, owner, null, at(dueAgo), null, null,
                        at(createdAgo)));
            }
        }

        private void doneTask(String title, String opportunityKey, long createdAgo, long dueAgo) {
            long completedAgo;
            if (r.nextDouble() < 0.7) {
                completedAgo = uniform(Math.max(dueAgo, 30), Math.max(createdAgo - 60, Math.max(dueAgo, 30)));
            } else {
                completedAgo = Math.max(30, dueAgo - uniform(DAY / 2, 6 * DAY));
            }
            tasks.add(new DemoTask(title, null, TaskStatus.DONE, owner, opportunityKey, at(dueAgo), at(completedAgo),
                    Vocabulary.pick(r, List.of("已完成，客户反馈积极", "已发送，客户已读", "已沟通，等待客户内部评审",
                            "已上门，完成现场勘查")), at(createdAgo)));
        }

        /** One opportunity: its timing, ground-truth features and outcome, drawn before any event is placed. */
        private final class Deal {
            final boolean closed;
            final int lastOpenStage;
            final long closeAgo;
            final long createdAgo;
            final long silence;
            final int quoteViews;
            boolean decisionMakerReached;
            final double noise;
            final String key;
            long lastEventAgo;
            long[] transitions;
            PaymentStatus payment = PaymentStatus.NONE;
            long dueAgo;
            Stage stage;

            Deal(boolean closed) {
                this.closed = closed;
                key = "o" + index + "-1";
                if (closed) {
                    lastOpenStage = Vocabulary.pickIndex(r, CLOSED_FROM_STAGE_WEIGHTS);
                    closeAgo = uniform(DAY, 365 * DAY);
                    double days = Math.min(160, 5 + 8 * lastOpenStage + r.nextExponential() * (10 + 6 * lastOpenStage));
                    createdAgo = closeAgo + (long) (days * DAY);
                } else {
                    lastOpenStage = Vocabulary.pickIndex(r, OPEN_STAGE_WEIGHTS);
                    closeAgo = 0;
                    double days = Math.min(88, 2 + 7 * lastOpenStage + r.nextExponential() * (8 + 5 * lastOpenStage));
                    createdAgo = (long) (days * DAY);
                }
                long span = createdAgo - closeAgo;
                silence = Math.max(0, Math.min((long) (r.nextExponential() * 9 * Math.exp(-0.4 * z) * DAY), span - DAY / 2));
                double viewRate = lastOpenStage >= 2 ? 2.2 : lastOpenStage == 1 ? 0.4 : 0.0;
                quoteViews = poisson(viewRate * Math.exp(0.5 * z));
                decisionMakerReached = r.nextDouble()
                        < WinRateGroundTruth.sigmoid(-1.3 + 0.75 * lastOpenStage + 0.5 * z);
                noise = r.nextGaussian() * WinRateGroundTruth.NOISE_SD;
            }

            DemoOpportunity build(String customerName, String position, boolean boss, int companySize) {
                // Talking to the boss himself means the decision maker is reached.
                decisionMakerReached |= boss;
                Stage from = OPEN_STAGES[lastOpenStage];
                double p = WinRateGroundTruth.sigmoid(
                        WinRateGroundTruth.logit(decisionMakerReached, quoteViews, silence / (double) DAY, from) + noise);
                boolean won = closed && r.nextDouble() < p;
                stage = !closed ? from : won ? Stage.WON : Stage.LOST;
                lastEventAgo = closeAgo + silence;

                List<DemoStageChange> history = history();
                dealEvents();
                List<DemoDecisionContact> contacts = contacts(customerName, position, boss);
                DecisionChainStatus chain = decisionMakerReached ? DecisionChainStatus.DECISION_MAKER_REACHED
                        : contacts.stream().anyMatch(DemoDecisionContact::reached) ? DecisionChainStatus.PARTIAL
                        : DecisionChainStatus.NONE;
                int contactCount = (int) events.stream()
                        .filter(e -> CONTACT_TYPES.contains(e.type()) && e.ago() >= closeAgo && e.ago() <= createdAgo)
                        .count();
                String lostReason = null;
                if (stage == Stage.WON) {
                    int termDays = new int[] {30, 60, 90}[r.nextInt(3)];
                    dueAgo = closeAgo - termDays * DAY;
                    payment = dueAgo > 0 ? (r.nextDouble() < 0.22 ? PaymentStatus.OVERDUE : PaymentStatus.PAID)
                            : PaymentStatus.PENDING;
                } else if (stage == Stage.LOST) {
                    lostReason = silence > 30 * DAY ? Vocabulary.SILENT_LOST_REASON
                            : Vocabulary.LOST_REASONS[r.nextInt(Vocabulary.LOST_REASONS.length)];
                }
                WinRateFeatures truth = new WinRateFeatures(decisionMakerReached, quoteViews, silence, from, noise, p);
                DemoStageChange last = history.get(history.size() - 1);
                return new DemoOpportunity(key, shortName + "·" + dealTitle(), line, stage, amount(companySize),
                        contactCount, chain, payment, payment == PaymentStatus.NONE ? null : at(dueAgo), lostReason,
                        last.changedAt(), closed ? at(closeAgo) : null, at(createdAgo), history, contacts, truth);
            }

            private List<DemoStageChange> history() {
                transitions = new long[lastOpenStage];
                for (int i = 0; i < lastOpenStage; i++) {
                    transitions[i] = uniform(lastEventAgo + 1, createdAgo - 1);
                }
                Arrays.sort(transitions);
                reverse(transitions);
                for (int i = 1; i < transitions.length; i++) {
                    if (transitions[i] >= transitions[i - 1]) {
                        transitions[i] = transitions[i - 1] - 1;
                    }
                }
                List<DemoStageChange> history = new ArrayList<>();
                history.add(new DemoStageChange(null, Stage.INITIAL, owner, at(createdAgo)));
                for (int i = 0; i < lastOpenStage; i++) {
                    history.add(new DemoStageChange(OPEN_STAGES[i], OPEN_STAGES[i + 1], owner, at(transitions[i])));
                }
                if (closed) {
                    history.add(new DemoStageChange(OPEN_STAGES[lastOpenStage], stage, owner, at(closeAgo)));
                }
                return history;
            }

            /** Everything the customer and rep did during the deal, all within [created, last event]. */
            private void dealEvents() {
                long from = createdAgo;
                long to = lastEventAgo;
                if (lastOpenStage >= 2 || quoteViews > 0) {
                    long sentAgo = lastOpenStage >= 2 ? transitions[1] : uniform(to, from);
                    DemoMaterial quote = materials.get(line.quoteSlug());
                    message(sentAgo, quote.slug());
                    long lastView = -1;
                    for (int i = 0; i < quoteViews; i++) {
                        long ago = sentAgo - 60 >= to ? uniform(to, sentAgo - 60) : to;
                        lastView = lastView < 0 ? ago : Math.min(lastView, ago);
                        event(ago, EventType.VIEWED_QUOTE, "TRACKED_LINK", null, quote.slug(),
                                meta("materialSlug", quote.slug(), "title", quote.title(), "page", "/materials/demo/" + quote.slug(),
                                        "durationSec", 20 + r.nextInt(300)));
                    }
                    links.add(new DemoTrackedLink("demo-" + seed + "-" + index + "-l" + links.size(), quote.slug(), owner,
                            quoteViews, lastView < 0 ? null : at(lastView), at(sentAgo)));
                }
                double days = (from - to) / (double) DAY;
                int chats = poisson(days * 0.10 * Math.exp(0.3 * z));
                for (int i = 0; i < chats; i++) {
                    chat(uniform(to, from), Vocabulary.CHAT_LINES);
                }
                int downloads = poisson(0.8 * Math.exp(0.5 * z));
                for (int i = 0; i < downloads; i++) {
                    String slug = lastOpenStage >= 3 && r.nextDouble() < 0.5 ? discountOf(line)
                            : r.nextDouble() < 0.5 ? brochureOf(line) : caseOf(line);
                    download(uniform(to, from), slug);
                }
                int calls = poisson(days * 0.05 + 0.5);
                for (int i = 0; i < calls; i++) {
                    call(uniform(to, from));
                }
                int messages = poisson(days * 0.07);
                for (int i = 0; i < messages; i++) {
                    message(uniform(to, from), r.nextDouble() < 0.2 ? caseOf(line) : null);
                }
                int notes = poisson(days * 0.03) + lastOpenStage;
                for (int i = 0; i < notes; i++) {
                    note(uniform(to, from));
                }
                int pages = poisson(0.8 * Math.exp(0.3 * z));
                for (int i = 0; i < pages; i++) {
                    pageView(uniform(to, from));
                }
                // The customer's last message fixes the silence feature exactly.
                chat(to, Vocabulary.CHAT_LINES);
            }

            private List<DemoDecisionContact> contacts(String customerName, String position, boolean boss) {
                List<DemoDecisionContact> contacts = new ArrayList<>();
                Instant created = at(createdAgo);
                if (lastOpenStage == 0 && !decisionMakerReached && r.nextDouble() < 0.5) {
                    return contacts;
                }
                DecisionRole selfRole = boss ? DecisionRole.DECISION_MAKER
                        : position.startsWith("采购") ? DecisionRole.PURCHASER
                        : position.contains("设备") || position.contains("技术") || position.contains("动力") ? DecisionRole.TECHNICAL
                        : position.equals("车间主任") || position.equals("生产经理") ? DecisionRole.USER
                        : DecisionRole.INFLUENCER;
                contacts.add(new DemoDecisionContact(customerName, selfRole, position, true, created, created));
                if (!boss) {
                    boolean present = decisionMakerReached || r.nextDouble() < 0.55;
                    if (present) {
                        int g = r.nextDouble() < 0.85 ? 1 : 2;
                        Instant reachedAt = decisionMakerReached ? at(uniform(lastEventAgo, createdAgo)) : null;
                        contacts.add(new DemoDecisionContact(Vocabulary.personName(r, g), DecisionRole.DECISION_MAKER,
                                Vocabulary.DM_TITLES[r.nextInt(Vocabulary.DM_TITLES.length)], decisionMakerReached,
                                reachedAt, created));
                    }
                }
                int extra = Math.min(3, poisson(0.4 + 0.4 * lastOpenStage));
                DecisionRole[] roles = {DecisionRole.PURCHASER, DecisionRole.TECHNICAL, DecisionRole.USER, DecisionRole.INFLUENCER};
                String[] titles = {"采购经理", "设备工程师", "车间主任", "财务经理"};
                for (int i = 0; i < extra; i++) {
                    int k = r.nextInt(roles.length);
                    boolean reached = r.nextDouble() < 0.5;
                    contacts.add(new DemoDecisionContact(Vocabulary.personName(r, r.nextDouble() < 0.7 ? 1 : 2), roles[k],
                            titles[k], reached, reached ? at(uniform(lastEventAgo, createdAgo)) : null, created));
                }
                return contacts;
            }

            void tasks(DemoOpportunity opportunity) {
                if (!closed) {
                    String[] next = {"电话沟通需求，确认工况与用量", "预约现场勘查", "发送报价单并电话讲解", "确认合同条款与付款方式"};
                    long createdTaskAgo = uniform(60, Math.max(61, Math.min(3 * DAY, createdAgo)));
                    tasks.add(new DemoTask(next[lastOpenStage], null, TaskStatus.OPEN, owner, key,
                            at(-uniform(DAY / 2, 7 * DAY)), null, null, at(createdTaskAgo)));
                    long overdueAgo = uniform(DAY, 10 * DAY);
                    if (r.nextDouble() < 0.35 && createdAgo > overdueAgo + 2 * DAY) {
                        long taskCreated = Math.min(overdueAgo + uniform(DAY, 5 * DAY), createdAgo);
                        tasks.add(new DemoTask("回访：确认方案反馈", "客户上次说内部评审后答复", TaskStatus.OPEN, owner, key,
                                at(overdueAgo), null, null, at(taskCreated)));
                    }
                    doneTasks(1 + r.nextInt(2));
                    if (r.nextDouble() < 0.08) {
                        long c = uniform(60, createdAgo);
                        tasks.add(new DemoTask("安排客户参观工厂", null, TaskStatus.CANCELLED, owner, key, at(c - 3 * DAY),
                                null, "客户暂不安排参观", at(c)));
                    }
                    return;
                }
                if (closeAgo <= 120 * DAY) {
                    doneTasks(1 + r.nextInt(2));
                }
                if (payment == PaymentStatus.OVERDUE) {
                    tasks.add(new DemoTask("跟进回款：合同尾款已逾期", opportunity.name(), TaskStatus.OPEN, owner, key,
                            at(dueAgo - 3 * DAY), null, null, at(dueAgo)));
                } else if (payment == PaymentStatus.PENDING && r.nextDouble() < 0.5) {
                    tasks.add(new DemoTask("确认发货与安装调试排期", null, TaskStatus.OPEN, owner, key,
                            at(-uniform(DAY, 10 * DAY)), null, null, at(Math.max(60, closeAgo - uniform(0, DAY)))));
                }
            }

            private void doneTasks(int count) {
                String[] titles = {"首次拜访，了解现有设备情况", "发送产品手册与选型建议", "安排技术交流会", "整理客户需求清单"};
                for (int i = 0; i < count; i++) {
                    long createdTaskAgo = uniform(Math.max(closeAgo, 60), createdAgo);
                    long due = createdTaskAgo - uniform(DAY, 5 * DAY);
                    doneTask(titles[r.nextInt(titles.length)], key, createdTaskAgo, due);
                }
            }

            private String dealTitle() {
                return switch (line) {
                    case AIR_COMPRESSOR -> r.nextDouble() < 0.5 ? "螺杆空压机采购" : "空压站节能改造";
                    case CNC -> r.nextDouble() < 0.5 ? "立式加工中心采购" : "数控车床更新项目";
                    case DUST_COLLECTOR -> r.nextDouble() < 0.5 ? "除尘系统改造" : "脉冲除尘器采购";
                    case MAINTENANCE -> r.nextDouble() < 0.5 ? "年度维保合同" : "设备维保续约";
                };
            }

            private BigDecimal amount(int companySize) {
                double min = line.minAmount();
                double max = line.maxAmount();
                double value = min * Math.pow(max / min, Math.pow(r.nextDouble(), 1.4))
                        * Vocabulary.SIZE_AMOUNT_FACTOR[companySize];
                return BigDecimal.valueOf(Math.round(value / 100.0) * 100L).setScale(2, RoundingMode.UNNECESSARY);
            }
        }

        private List<DemoEvent> finish() {
            // Earliest first; ties keep generation order so the result stays deterministic.
            events.sort(Comparator.comparingLong(EventDraft::ago).reversed());
            List<DemoEvent> out = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                EventDraft d = events.get(i);
                out.add(new DemoEvent(d.type(), at(d.ago()), d.source(), d.employee(), d.slug(), d.metadata(),
                        "demo-" + seed + "-" + index + "-e" + i));
            }
            return out;
        }

        private void event(long ago, EventType type, String source, String employee, String slug, Map<String, Object> meta) {
            events.add(new EventDraft(ago, type, source, employee, slug, meta));
        }

        private void pageView(long ago) {
            event(ago, EventType.PAGE_VIEW, "WEB", null, null,
                    meta("page", Vocabulary.pick(r, Vocabulary.PAGES), "durationSec", 10 + r.nextInt(240)));
        }

        private void chat(long ago, List<String> lines) {
            event(ago, EventType.CHAT, "WECOM", owner, null, meta("direction", "IN", "summary", Vocabulary.pick(r, lines)));
        }

        private void call(long ago) {
            event(ago, EventType.CALL, "CRM", owner, null,
                    meta("durationSec", 60 + r.nextInt(840), "summary", Vocabulary.pick(r, Vocabulary.CALL_SUMMARIES)));
        }

        private void note(long ago) {
            event(ago, EventType.NOTE, "CRM", owner, null, meta("text", Vocabulary.pick(r, Vocabulary.NOTES)));
        }

        private void message(long ago, String slug) {
            if (slug == null) {
                event(ago, EventType.MESSAGE_SENT, "WECOM", owner, null, meta("text", Vocabulary.pick(r, Vocabulary.MESSAGES)));
            } else {
                DemoMaterial m = materials.get(slug);
                event(ago, EventType.MESSAGE_SENT, "WECOM", owner, slug,
                        meta("text", m.kind() == MaterialKind.QUOTE ? "报价单已发您，请查收" : "给您发一份资料：" + m.title(),
                                "materialSlug", slug, "title", m.title()));
            }
        }

        private void download(long ago, String slug) {
            DemoMaterial m = materials.get(slug);
            event(ago, EventType.DOWNLOADED_MATERIAL, "TRACKED_LINK", null, slug,
                    meta("materialSlug", slug, "title", m.title(), "kind", m.kind().name()));
        }

        private long uniform(long from, long to) {
            return to <= from ? from : from + r.nextLong(to - from + 1);
        }

        private int poisson(double lambda) {
            if (lambda <= 0) {
                return 0;
            }
            if (lambda > 400) {
                return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * r.nextGaussian()));
            }
            double limit = Math.exp(-lambda);
            double product = r.nextDouble();
            int n = 0;
            while (product > limit) {
                product *= r.nextDouble();
                n++;
            }
            return n;
        }
    }

    private Instant at(long secondsAgo) {
        return now.minusSeconds(secondsAgo);
    }

    private String brochureOf(ProductLine line) {
        return slugOf(line, MaterialKind.BROCHURE);
    }

    private String caseOf(ProductLine line) {
        String slug = slugOf(line, MaterialKind.CASE_STUDY);
        return slug != null ? slug : slugOf(line, MaterialKind.BROCHURE);
    }

    private String discountOf(ProductLine line) {
        String slug = slugOf(line, MaterialKind.DISCOUNT);
        return slug != null ? slug : caseOf(line);
    }

    private String slugOf(ProductLine line, MaterialKind kind) {
        for (DemoMaterial m : materials.values()) {
            if (m.productLine() == line && m.kind() == kind) {
                return m.slug();
            }
        }
        return null;
    }

    private static void reverse(long[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            long t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    static Map<String, Object> meta(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
