package com.qingke.fakewechat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fake WeCom corp holds: its directory, its external contacts with their follow users, corp tags, channel
 * QR codes (contact ways) and the group-send templates and messages the app "sent". Thread-safe; the fake server's
 * handlers and tests read and change it concurrently.
 */
public class FakeWeComState {

    public record Employee(String userId, String name, long departmentId, boolean leader, String mobile) {
    }

    public static final class Follow {
        public final String userId;
        public volatile String remark;
        public volatile String description;
        public final long createTime;
        public final List<String> tagIds = new CopyOnWriteArrayList<>();
        public final List<String> remarkMobiles = new CopyOnWriteArrayList<>();
        public final int addWay;
        public final String state;

        public Follow(String userId, long createTime, int addWay, String state) {
            this.userId = userId;
            this.createTime = createTime;
            this.addWay = addWay;
            this.state = state;
        }
    }

    public static final class Contact {
        public final String externalUserId;
        public volatile String name;
        public volatile String avatar;
        public volatile String corpName;
        public volatile String position;
        public volatile int gender;
        public volatile String unionId;
        public final Map<String, Follow> follows = new ConcurrentHashMap<>();

        public Contact(String externalUserId, String name) {
            this.externalUserId = externalUserId;
            this.name = name;
        }
    }

    public record Tag(String id, String name, String groupId, String groupName, long createTime) {
    }

    public record ContactWay(String configId, int type, int scene, String state, List<String> users, String remark,
                             String qrCode, Instant createdAt) {
    }

    public record MsgTemplate(String msgId, String sender, List<String> externalUserIds, String text, String attachmentsJson,
                              Instant createdAt) {
    }

    /** An application message (message/send) the app sent to employees. */
    public record AppMessage(String msgId, List<String> toUsers, String msgType, String content, Instant at) {
    }

    public record Callback(String changeType, String userId, String externalUserId, String state, int httpStatus,
                           String answer, Instant firedAt) {
    }

    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong(1000);
    private final Map<String, Employee> employees = new ConcurrentHashMap<>();
    private final Map<Long, String> departments = new ConcurrentHashMap<>();
    private final Map<String, Contact> contacts = new ConcurrentHashMap<>();
    private final Map<String, Tag> tags = new ConcurrentHashMap<>();
    private final Map<String, ContactWay> contactWays = new ConcurrentHashMap<>();
    private final List<MsgTemplate> templates = new CopyOnWriteArrayList<>();
    private final List<Callback> callbacks = new CopyOnWriteArrayList<>();
    private final List<AppMessage> appMessages = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> faults = new ConcurrentHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();

    public FakeWeComState(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public long nextId() {
        return sequence.incrementAndGet();
    }

    // ---- directory -------------------------------------------------------

    public void putDepartment(long id, String name) {
        departments.put(id, name);
    }

    public Optional<String> department(long id) {
        return Optional.ofNullable(departments.get(id));
    }

    public void putEmployee(Employee e) {
        employees.put(e.userId(), e);
    }

    public Optional<Employee> employee(String userId) {
        return Optional.ofNullable(userId == null ? null : employees.get(userId));
    }

    public List<Employee> employees() {
        List<Employee> list = new ArrayList<>(employees.values());
        list.sort((a, b) -> a.userId().compareTo(b.userId()));
        return list;
    }

    // ---- external contacts -------------------------------------------------

    public Contact putContact(Contact c) {
        contacts.put(c.externalUserId, c);
        return c;
    }

    public Optional<Contact> contact(String externalUserId) {
        return Optional.ofNullable(externalUserId == null ? null : contacts.get(externalUserId));
    }

    public Collection<Contact> contacts() {
        return contacts.values();
    }

    /** The contact adds the employee (or the employee adds the contact): a follow relation with the channel state. */
    public Follow follow(Contact c, String userId, int addWay, String state) {
        return follow(c, userId, clock.instant().getEpochSecond(), addWay, state);
    }

    /** A follow relation that began at a given time (epoch seconds), e.g. one of the demo data set's. */
    public Follow follow(Contact c, String userId, long createTime, int addWay, String state) {
        Follow f = new Follow(userId, createTime, addWay, state);
        c.follows.put(userId, f);
        return f;
    }

    // ---- corp tags ---------------------------------------------------------

    public Tag addTag(String name, String groupName) {
        String groupId = tags.values().stream().filter(t -> t.groupName().equals(groupName)).map(Tag::groupId).findFirst()
                .orElse("et-group-" + nextId());
        Tag tag = new Tag("et-tag-" + nextId(), name, groupId, groupName, clock.instant().getEpochSecond());
        tags.put(tag.id(), tag);
        return tag;
    }

    /** A corp tag with a given id (e.g. the demo tag library's ids, which the demo database also holds). */
    public void putTag(Tag tag) {
        tags.put(tag.id(), tag);
    }

    public Optional<Tag> tag(String id) {
        return Optional.ofNullable(tags.get(id));
    }

    public Optional<Tag> tagNamed(String name) {
        return tags.values().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Tag groups in a stable order, each with its tags. */
    public Map<String, List<Tag>> tagGroups() {
        Map<String, List<Tag>> groups = new LinkedHashMap<>();
        tags.values().stream().sorted((a, b) -> a.id().compareTo(b.id()))
                .forEach(t -> groups.computeIfAbsent(t.groupId(), k -> new ArrayList<>()).add(t));
        return groups;
    }

    // ---- contact ways, group sends, fired callbacks --------------------------

    public void putContactWay(ContactWay w) {
        contactWays.put(w.configId(), w);
    }

    public Optional<ContactWay> contactWay(String configId) {
        return Optional.ofNullable(contactWays.get(configId));
    }

    public Optional<ContactWay> contactWayByState(String state) {
        return contactWays.values().stream().filter(w -> state != null && state.equals(w.state())).findFirst();
    }

    public List<ContactWay> contactWays() {
        return List.copyOf(contactWays.values());
    }

    public void addTemplate(MsgTemplate t) {
        templates.add(t);
    }

    /** Group-send templates the app created with add_msg_template, oldest first. */
    public List<MsgTemplate> templates() {
        return List.copyOf(templates);
    }

    public void addAppMessage(AppMessage m) {
        appMessages.add(m);
    }

    /** Application messages the app sent with message/send, oldest first. */
    public List<AppMessage> appMessages() {
        return List.copyOf(appMessages);
    }

    public void recordCallback(Callback c) {
        callbacks.add(c);
    }

    /** Callbacks fired at the app, oldest first. */
    public List<Callback> callbacks() {
        return List.copyOf(callbacks);
    }

    // ---- call log and fault injection ---------------------------------------

    void countCall(String path) {
        calls.merge(path, 1, Integer::sum);
    }

    /** How many times the app called an API path, e.g. "/cgi-bin/externalcontact/mark_tag". */
    public int callCount(String path) {
        return calls.getOrDefault(path, 0);
    }

    /** The next calls to the path answer these errcodes, one per call (e.g. 45009 for a frequency limit). */
    public void failNext(String path, Integer... errcodes) {
        faults.computeIfAbsent(path, k -> new CopyOnWriteArrayList<>()).addAll(List.of(errcodes));
    }

    /**
     * While down, every call to the path answers errcode -1 ("system busy", what WeCom answers when it cannot serve),
     * however often it is retried; {@code setDown(path, false)} brings it back.
     */
    public void setDown(String path, boolean isDown) {
        if (isDown) {
            down.add(path);
        } else {
            down.remove(path);
        }
    }

    synchronized Optional<Integer> takeFault(String path) {
        if (down.contains(path)) {
            return Optional.of(-1);
        }
        List<Integer> queue = faults.get(path);
        if (queue == null || queue.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(queue.remove(0));
    }
}
