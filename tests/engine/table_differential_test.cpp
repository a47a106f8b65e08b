// SPDX-License-Identifier: MIT
// A randomized differential test (style.md, "Tests"): the real Database, driven through the wire
// Dispatcher like a client, and a deliberately plain reference model (a std::map per table) get the
// same seeded sequence of PutItem, UpdateItem, DeleteItem, GetItem, Query, Scan, BatchWriteItem and
// TransactWriteItems; every answer must agree — success, ConditionalCheckFailed,
// TransactionCanceled (with its reasons) or ValidationException, returned items, query order,
// counts, paging keys.
//
// The key space is small so that writes collide; N sort keys come in several spellings of one
// value (§1.2: `1e2` and `100` are one key, returned as `100`), negative and fractional; S keys
// include NUL and multi-byte UTF-8, which must sort by unsigned bytes (§1.5).
//
// A failure names the seed and the operation index. To replay one seed with a trace of every
// request: SHARDSCOPE_DIFF_SEED=<seed> SHARDSCOPE_DIFF_TRACE=1 engine_tests
//   --gtest_filter='TableDifferential.*'
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <set>

#include "wirefixture.h"

namespace shardscope::testing {
namespace {

constexpr int kOperationsPerSeed = 2000;
const std::vector<uint64_t> kSeeds = {1, 2, 3, 4, 5};

// ---- The key space -------------------------------------------------------------------------

const std::vector<std::string> kPartitionKeys = {"p", "P", "\xc3\xa9t\xc3\xa9", "\xe6\x97\xa5"};

// Sort keys of the N table: each value with spellings a client may send; the first is the
// normalised form DynamoDB returns.
const std::vector<std::vector<std::string>> kNumberKeys = {
    {"-10", "-1e1", "-10.00"},
    {"-2.5", "-2.50", "-25e-1"},
    {"-0.001", "-1E-3"},
    {"0", "-0", "0.000"},
    {"0.5", ".5", "5e-1"},
    {"1", "+1", "1.000"},
    {"3.25", "325e-2"},
    {"100", "1e2", "100.0", "0100"},
    {"123456789012345678901234567890.5"},
};
// Values that are no key, for range bounds between and beyond the keys.
const std::vector<std::string> kNumberBounds = {"-100", "-5", "0.75", "2", "1000"};

// Sort keys of the S table, in no particular order: the reference sorts them by bytes.
const std::vector<std::string> kStringKeys = {"A",
                                              "a",
                                              std::string("a\0b", 3),
                                              "ab",
                                              "z",
                                              "\x7f",
                                              "\xc2\x80",
                                              "\xc3\xa9",
                                              "\xe6\x97\xa5",
                                              "\xf0\x9f\x98\x80"};
const std::vector<std::string> kStringBounds = {"aa", "b", "\xc3\xa8", "~", "\xef\xbf\xbf"};
const std::vector<std::string> kStringPrefixes = {
    "a", "A", std::string("a\0", 2), "\xc3\xa9", "\xe6\x97\xa5", "\xf0\x9f\x98\x80", "zz"};

const std::vector<std::string> kStrings = {"x", "y", "\xc3\xa9", ""};           // values of `v`
const std::vector<std::string> kExtras = {"keep", "\xe6\x97\xa5\xe6\x9c\xac"};  // values of `x`

// Numbers for `n`, deltas and bounds: multiples of 0.25, so the reference adds them exactly as
// integer quarters. The spelling varies; the value is what counts.
struct Quarter {
    const char* spelling;
    int64_t quarters;
};
const std::vector<Quarter> kQuarters = {{"1", 4},     {"-3", -12},  {"0.25", 1},
                                        {"-0.5", -2}, {"2.75", 11}, {"100", 400},
                                        {"1e1", 40},  {"-.25", -1}, {"0", 0}};

std::string quartersText(int64_t q) {
    static const char* const kFraction[] = {"", ".25", ".5", ".75"};
    const int64_t magnitude = q < 0 ? -q : q;
    return std::string(q < 0 ? "-" : "") + std::to_string(magnitude / 4) + kFraction[magnitude % 4];
}

// ---- The reference model -------------------------------------------------------------------

// Query order: numerically for N (the values above are far apart, so doubles order them
// exactly), by unsigned bytes for S (std::string's comparison is unsigned).
struct SortKey {
    double number = 0;
    std::string text;
    bool operator<(const SortKey& o) const {
        return number != o.number ? number < o.number : text < o.text;
    }
    bool operator==(const SortKey& o) const { return number == o.number && text == o.text; }
};

struct RefItem {
    std::string pk;
    std::string sk;  // normalised text
    std::optional<std::string> v;
    std::optional<int64_t> n;  // in quarters
    std::set<int> tags;        // an NS; empty means absent
    std::optional<std::string> x;
};

struct RefTable {
    std::string name;
    bool numeric = false;
    std::map<std::pair<std::string, SortKey>, RefItem> items;
};

using Key = std::pair<std::string, SortKey>;

json keyJson(const RefTable& t, const std::string& pk, const std::string& sk) {
    return {{"pk", S(pk)}, {"sk", t.numeric ? N(sk) : S(sk)}};
}

json itemJson(const RefTable& t, const RefItem& r) {
    json j = keyJson(t, r.pk, r.sk);
    if (r.v) j["v"] = S(*r.v);
    if (r.n) j["n"] = N(quartersText(*r.n));
    if (!r.tags.empty()) {
        json members = json::array();
        for (int tag : r.tags) members.push_back(std::to_string(tag));
        j["tags"] = {{"NS", members}};
    }
    if (r.x) j["x"] = S(*r.x);
    return j;
}

json project(const json& item, const std::set<std::string>& names) {
    json out = json::object();
    for (const auto& [name, value] : item.items())
        if (names.count(name)) out[name] = value;
    return out;
}

// Set members come back in no particular order (§1.1); sort them on both sides before comparing.
json canonical(json value) {
    if (value.is_object()) {
        for (auto& [name, member] : value.items()) {
            if ((name == "NS" || name == "SS" || name == "BS") && member.is_array()) {
                std::vector<std::string> members = member;
                std::sort(members.begin(), members.end());
                member = members;
            } else {
                member = canonical(member);
            }
        }
    } else if (value.is_array()) {
        for (auto& member : value) member = canonical(member);
    }
    return value;
}

SortKey sortKeyOf(const json& sk) {
    if (sk.contains("N"))
        return SortKey{std::strtod(sk["N"].get<std::string>().c_str(), nullptr), ""};
    return SortKey{0, sk["S"].get<std::string>()};
}

// ---- The test ------------------------------------------------------------------------------

enum class Outcome { Ok, ConditionFailed, Canceled, Validation };

const char* outcomeName(Outcome o) {
    switch (o) {
        case Outcome::Ok:
            return "success";
        case Outcome::ConditionFailed:
            return "ConditionalCheckFailedException";
        case Outcome::Canceled:
            return "TransactionCanceledException";
        case Outcome::Validation:
            return "ValidationException";
    }
    return "?";
}

class TableDifferential : public WireTest {
protected:
    // Runs one seed; false after the first mismatch (which is reported as a test failure).
    bool runSeed(uint64_t seed, int operations) {
        m_seed = seed;
        m_random.seed(seed);
        m_failed = false;
        openDatabase(":memory:");
        m_tables = {RefTable{"DiffN", true, {}}, RefTable{"DiffS", false, {}}};
        createKeyed("DiffN", "N");
        createKeyed("DiffS", "S");
        for (m_index = 0; m_index < operations && !m_failed; ++m_index) step();
        // Whatever the operations were, the whole table must agree at the end.
        for (size_t t = 0; t < m_tables.size() && !m_failed; ++t) scan(m_tables[t], false);
        return !m_failed;
    }

private:
    // ---- Randomness: mt19937_64 is specified bit for bit, and `% n` keeps the choices the same
    // on every standard library (the std distributions are not).
    size_t pick(size_t n) { return size_t(m_random() % n); }
    bool chance(int percent) { return int(m_random() % 100) < percent; }
    template <class T>
    const T& pickFrom(const std::vector<T>& v) {
        return v[pick(v.size())];
    }

    struct KeyChoice {
        std::string pk;
        std::string sk;  // normalised
        json skJson;     // as sent: maybe another spelling
        Key key;
    };

    KeyChoice randomKey(const RefTable& t) {
        KeyChoice k;
        k.pk = pickFrom(kPartitionKeys);
        if (t.numeric) {
            const auto& spellings = pickFrom(kNumberKeys);
            k.sk = spellings.front();
            k.skJson = N(pickFrom(spellings));
        } else {
            k.sk = pickFrom(kStringKeys);
            k.skJson = S(k.sk);
        }
        k.key = {k.pk, sortKeyOf(k.skJson)};
        return k;
    }

    json sentKey(const KeyChoice& k) { return {{"pk", S(k.pk)}, {"sk", k.skJson}}; }

    RefTable& randomTable() { return m_tables[pick(m_tables.size())]; }

    const RefItem* find(const RefTable& t, const Key& key) {
        const auto it = t.items.find(key);
        return it == t.items.end() ? nullptr : &it->second;
    }

    // ---- Reporting

    bool fail(const std::string& what, const std::string& operation, const json& request,
              const Answer& answer) {
        ADD_FAILURE() << "seed " << m_seed << ", operation " << m_index << " (" << operation
                      << "): " << what << "\n  request: " << brief(request)
                      << "\n  answer:  " << answer.status << " " << brief(answer.body)
                      << "\n  replay:  SHARDSCOPE_DIFF_SEED=" << m_seed
                      << " SHARDSCOPE_DIFF_TRACE=1";
        m_failed = true;
        return false;
    }

    Answer send(const std::string& operation, const json& request) {
        if (m_trace) std::cerr << m_index << " " << operation << " " << request.dump() << "\n";
        Answer answer = call(operation, request);
        if (m_trace) std::cerr << "   -> " << answer.status << " " << answer.body.dump() << "\n";
        return answer;
    }

    static Outcome outcomeOf(const Answer& a) {
        if (a.ok()) return Outcome::Ok;
        if (a.errorCode() == "ConditionalCheckFailedException") return Outcome::ConditionFailed;
        if (a.errorCode() == "TransactionCanceledException") return Outcome::Canceled;
        return Outcome::Validation;
    }

    // Checks the outcome kind (and for errors, that nothing else happened); true when they agree.
    bool expectOutcome(Outcome expected, const std::string& operation, const json& request,
                       const Answer& answer) {
        const Outcome actual = outcomeOf(answer);
        if (actual == Outcome::Validation && answer.errorCode() != "ValidationException")
            return fail("unexpected error " + answer.errorCode(), operation, request, answer);
        if (actual != expected)
            return fail(std::string("expected ") + outcomeName(expected), operation, request,
                        answer);
        return true;
    }

    bool expectJson(const json& expected, const json& actual, const std::string& what,
                    const std::string& operation, const json& request, const Answer& answer) {
        if (canonical(expected) == canonical(actual)) return true;
        return fail(what + " differs; expected " + brief(expected), operation, request, answer);
    }

    // ReturnValues answers. `strict`: an absent `Attributes` differs from an empty one (ALL_OLD of
    // a missing item has no Attributes key, §3.1); elsewhere either spelling of nothing passes.
    bool expectAttributes(const std::optional<json>& expected, bool strict,
                          const std::string& operation, const json& request, const Answer& answer) {
        const bool present = answer.body.contains("Attributes");
        if (strict && present != expected.has_value())
            return fail(expected ? "Attributes missing" : "unexpected Attributes", operation,
                        request, answer);
        const json actual = present ? answer.body["Attributes"] : json::object();
        return expectJson(expected.value_or(json::object()), actual, "Attributes", operation,
                          request, answer);
    }

    // ---- One random operation

    void step() {
        const size_t roll = pick(100);
        if (roll < 22) {
            putItem();
        } else if (roll < 46) {
            updateItem();
        } else if (roll < 58) {
            deleteItem();
        } else if (roll < 70) {
            getItem();
        } else if (roll < 88) {
            query();
        } else if (roll < 92) {
            batchWrite();
        } else if (roll < 96) {
            transactWrite();
        } else {
            scan(randomTable(), true);
        }
    }

    RefItem randomAttributes(const KeyChoice& k) {
        RefItem r{k.pk, k.sk, {}, {}, {}, {}};
        if (chance(70)) r.v = pickFrom(kStrings);
        if (chance(50)) r.n = pickFrom(kQuarters).quarters;
        if (chance(30))
            for (size_t i = 0, count = 1 + pick(3); i < count; ++i) r.tags.insert(int(pick(6)));
        if (chance(30)) r.x = pickFrom(kExtras);
        return r;
    }

    json sentItem(const RefTable& t, const KeyChoice& k, const RefItem& r) {
        json item = itemJson(t, r);
        item["sk"] = k.skJson;  // the key as the client spelled it
        if (r.n) {              // and the number in any spelling of its value
            for (const auto& q : kQuarters)
                if (q.quarters == *r.n && chance(50)) item["n"] = N(q.spelling);
        }
        return item;
    }

    void putItem() {
        RefTable& t = randomTable();
        const KeyChoice k = randomKey(t);
        const RefItem r = randomAttributes(k);
        json request = {{"TableName", t.name}, {"Item", sentItem(t, k, r)}};
        const RefItem* old = find(t, k.key);
        bool pass = true;
        const size_t condition = pick(10);
        if (condition < 3) {
            request["ConditionExpression"] = "attribute_not_exists(pk)";
            pass = old == nullptr;
        } else if (condition < 4) {
            const std::string& v = pickFrom(kStrings);
            request["ConditionExpression"] = "v = :v";
            request["ExpressionAttributeValues"] = {{":v", S(v)}};
            pass = old && old->v == v;
        }
        const bool allOld = chance(40);
        if (allOld) request["ReturnValues"] = "ALL_OLD";
        const bool oldOnFailure = chance(30);
        if (oldOnFailure) request["ReturnValuesOnConditionCheckFailure"] = "ALL_OLD";

        const Answer a = send("PutItem", request);
        if (!expectOutcome(pass ? Outcome::Ok : Outcome::ConditionFailed, "PutItem", request, a))
            return;
        if (!pass) {
            checkFailureItem(t, old, oldOnFailure, "PutItem", request, a);
            return;
        }
        if (allOld) {
            const std::optional<json> expected =
                old ? std::optional<json>(itemJson(t, *old)) : std::nullopt;
            if (!expectAttributes(expected, true, "PutItem", request, a)) return;
        }
        t.items.insert_or_assign(k.key, r);
    }

    // A failed condition with ReturnValuesOnConditionCheckFailure=ALL_OLD carries the item (§3.1).
    void checkFailureItem(const RefTable& t, const RefItem* old, bool requested,
                          const std::string& operation, const json& request, const Answer& a) {
        const bool expectItem = requested && old;
        if (a.body.contains("Item") != expectItem) {
            fail(expectItem ? "failed condition without Item" : "failed condition with Item",
                 operation, request, a);
            return;
        }
        if (expectItem)
            expectJson(itemJson(t, *old), a.body["Item"], "Item", operation, request, a);
    }

    void updateItem() {
        RefTable& t = randomTable();
        const KeyChoice k = randomKey(t);
        const RefItem* old = find(t, k.key);
        std::optional<RefItem> updated = old ? std::optional<RefItem>(*old) : std::nullopt;
        if (!updated) updated = RefItem{k.pk, k.sk, {}, {}, {}, {}};

        json values = json::object();
        std::vector<std::string> sets, removes, adds, deletes;
        std::set<std::string> touched;
        bool onlyRemoves = true;
        bool readsMissing = false;  // SET n = n + :d with no n: a ValidationException

        const size_t counter = pick(10);
        if (counter < 5) {  // the counter idiom
            const Quarter& d = pickFrom(kQuarters);
            sets.push_back("n = if_not_exists(n, :zero) + :d");
            values[":zero"] = N("0");
            values[":d"] = N(d.spelling);
            updated->n = updated->n.value_or(0) + d.quarters;
            touched.insert("n");
            onlyRemoves = false;
        } else if (counter < 6) {  // reading a missing attribute is an error
            const Quarter& d = pickFrom(kQuarters);
            sets.push_back("n = n - :d");
            values[":d"] = N(d.spelling);
            readsMissing = !updated->n;
            if (updated->n) updated->n = *updated->n - d.quarters;
            touched.insert("n");
            onlyRemoves = false;
        }
        if (chance(30)) {
            const std::string& v = pickFrom(kStrings);
            sets.push_back("v = :v");
            values[":v"] = S(v);
            updated->v = v;
            touched.insert("v");
            onlyRemoves = false;
        }
        const size_t extra = pick(10);
        if (extra < 2) {
            const std::string& x = pickFrom(kExtras);
            sets.push_back("x = :x");
            values[":x"] = S(x);
            updated->x = x;
            touched.insert("x");
            onlyRemoves = false;
        } else if (extra < 5) {
            removes.push_back("x");
            updated->x.reset();
            touched.insert("x");
        }
        const size_t tagAction = pick(10);
        if (tagAction < 5) {
            std::set<int> operand;
            for (size_t i = 0, count = 1 + pick(3); i < count; ++i) operand.insert(int(pick(6)));
            json members = json::array();
            for (int m : operand) members.push_back(std::to_string(m));
            values[":t"] = {{"NS", members}};
            touched.insert("tags");
            if (tagAction < 3) {
                adds.push_back("tags :t");
                updated->tags.insert(operand.begin(), operand.end());
                onlyRemoves = false;
            } else {
                deletes.push_back("tags :t");
                for (int m : operand) updated->tags.erase(m);
            }
        }
        if (touched.empty()) {
            removes.push_back("x");
            updated->x.reset();
            touched.insert("x");
        }

        std::string expression;
        const auto clause = [&](const char* keyword, const std::vector<std::string>& actions) {
            if (actions.empty()) return;
            if (!expression.empty()) expression += ' ';
            expression += keyword;
            for (size_t i = 0; i < actions.size(); ++i) expression += (i ? ", " : " ") + actions[i];
        };
        // Clauses may come in any order (§3.2).
        std::vector<std::pair<const char*, std::vector<std::string>*>> clauses = {
            {"SET", &sets}, {"REMOVE", &removes}, {"ADD", &adds}, {"DELETE", &deletes}};
        std::rotate(clauses.begin(), clauses.begin() + long(pick(clauses.size())), clauses.end());
        for (const auto& [keyword, actions] : clauses) clause(keyword, *actions);

        json request = {
            {"TableName", t.name}, {"Key", sentKey(k)}, {"UpdateExpression", expression}};
        bool pass = true;
        // Conditions are not mixed with the failing read: which error wins is not pinned down.
        const size_t condition = readsMissing || counter == 5 ? 9 : pick(10);
        if (condition < 1) {
            request["ConditionExpression"] = "attribute_exists(pk)";
            pass = old != nullptr;
        } else if (condition < 2) {
            request["ConditionExpression"] = "attribute_not_exists(pk)";
            pass = old == nullptr;
        } else if (condition < 3) {
            const Quarter& c = pickFrom(kQuarters);
            request["ConditionExpression"] = "n > :c";
            values[":c"] = N(c.spelling);
            pass = old && old->n && *old->n > c.quarters;
        }
        if (!values.empty()) request["ExpressionAttributeValues"] = values;
        static const char* const kReturnValues[] = {"NONE", "ALL_OLD", "ALL_NEW", "UPDATED_OLD",
                                                    "UPDATED_NEW"};
        const std::string returnValues = kReturnValues[pick(5)];
        if (returnValues != "NONE" || chance(50)) request["ReturnValues"] = returnValues;
        const bool oldOnFailure = chance(30);
        if (oldOnFailure) request["ReturnValuesOnConditionCheckFailure"] = "ALL_OLD";

        const Answer a = send("UpdateItem", request);
        const Outcome expected = !pass          ? Outcome::ConditionFailed
                                 : readsMissing ? Outcome::Validation
                                                : Outcome::Ok;
        if (!expectOutcome(expected, "UpdateItem", request, a)) return;
        if (expected == Outcome::ConditionFailed) {
            checkFailureItem(t, old, oldOnFailure, "UpdateItem", request, a);
            return;
        }
        if (expected != Outcome::Ok) return;

        // REMOVE/DELETE-only updates of a missing item change nothing and create nothing (§3.1).
        const bool exists = old || !onlyRemoves;
        std::optional<json> oldJson = old ? std::optional<json>(itemJson(t, *old)) : std::nullopt;
        std::optional<json> newJson =
            exists ? std::optional<json>(itemJson(t, *updated)) : std::nullopt;
        std::optional<json> attributes;
        if (returnValues == "ALL_OLD") attributes = oldJson;
        if (returnValues == "ALL_NEW") attributes = newJson;
        if (returnValues == "UPDATED_OLD" && oldJson) attributes = project(*oldJson, touched);
        if (returnValues == "UPDATED_NEW" && newJson) attributes = project(*newJson, touched);
        if (returnValues != "NONE" &&
            !expectAttributes(attributes, returnValues == "ALL_OLD", "UpdateItem", request, a))
            return;
        if (exists) t.items.insert_or_assign(k.key, *updated);
    }

    void deleteItem() {
        RefTable& t = randomTable();
        const KeyChoice k = randomKey(t);
        const RefItem* old = find(t, k.key);
        json request = {{"TableName", t.name}, {"Key", sentKey(k)}};
        bool pass = true;
        const size_t condition = pick(10);
        if (condition < 3) {
            const std::string& v = pickFrom(kStrings);
            request["ConditionExpression"] = "v = :v";
            request["ExpressionAttributeValues"] = {{":v", S(v)}};
            pass = old && old->v == v;
        } else if (condition < 5) {
            request["ConditionExpression"] = "attribute_exists(x) OR size(tags) >= :two";
            request["ExpressionAttributeValues"] = {{":two", N("2")}};
            pass = old && (old->x || old->tags.size() >= 2);
        }
        const bool allOld = chance(50);
        if (allOld) request["ReturnValues"] = "ALL_OLD";
        const bool oldOnFailure = chance(30);
        if (oldOnFailure) request["ReturnValuesOnConditionCheckFailure"] = "ALL_OLD";

        const Answer a = send("DeleteItem", request);
        if (!expectOutcome(pass ? Outcome::Ok : Outcome::ConditionFailed, "DeleteItem", request, a))
            return;
        if (!pass) {
            checkFailureItem(t, old, oldOnFailure, "DeleteItem", request, a);
            return;
        }
        if (allOld) {
            const std::optional<json> expected =
                old ? std::optional<json>(itemJson(t, *old)) : std::nullopt;
            if (!expectAttributes(expected, true, "DeleteItem", request, a)) return;
        }
        t.items.erase(k.key);
    }

    // A projection the reads may ask for, with the names it selects.
    std::optional<std::set<std::string>> randomProjection(json& request) {
        switch (pick(6)) {
            case 0:
                request["ProjectionExpression"] = "v, sk";
                return std::set<std::string>{"v", "sk"};
            case 1:
                request["ProjectionExpression"] = "#n, tags, pk, absent";
                request["ExpressionAttributeNames"] = {{"#n", "n"}};
                return std::set<std::string>{"n", "tags", "pk"};
            default:
                return std::nullopt;
        }
    }

    void getItem() {
        RefTable& t = randomTable();
        const KeyChoice k = randomKey(t);
        json request = {{"TableName", t.name}, {"Key", sentKey(k)}};
        if (chance(50)) request["ConsistentRead"] = chance(50);
        const auto names = randomProjection(request);
        const Answer a = send("GetItem", request);
        if (!expectOutcome(Outcome::Ok, "GetItem", request, a)) return;
        const RefItem* item = find(t, k.key);
        if (a.body.contains("Item") != (item != nullptr)) {
            fail(item ? "item missing" : "unexpected item", "GetItem", request, a);
            return;
        }
        if (!item) return;
        json expected = itemJson(t, *item);
        if (names) expected = project(expected, *names);
        expectJson(expected, a.body["Item"], "Item", "GetItem", request, a);
    }

    // ---- Query

    enum class SortOp {
        None,
        Equal,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
        Between,
        BeginsWith
    };

    // A sort-key operand: a key value in any spelling, or a value between and beyond the keys.
    json randomSortOperand(const RefTable& t) {
        if (t.numeric) {
            if (chance(25)) return N(pickFrom(kNumberBounds));
            return N(pickFrom(pickFrom(kNumberKeys)));
        }
        if (chance(25)) return S(pickFrom(kStringBounds));
        return S(pickFrom(kStringKeys));
    }

    struct Filter {
        int kind = 0;  // 0 none, 1 attribute_exists(x), 2 n > :f
        int64_t bound = 0;
        bool operator()(const RefItem& r) const {
            if (kind == 1) return r.x.has_value();
            if (kind == 2) return r.n && *r.n > bound;
            return true;
        }
    };

    Filter randomFilter(json& request, json& values, const char* parameter) {
        Filter f;
        f.kind = chance(70) ? 0 : 1 + int(pick(2));
        if (f.kind == 1) request[parameter] = "attribute_exists(x)";
        if (f.kind == 2) {
            const Quarter& q = pickFrom(kQuarters);
            request[parameter] = "n > :f";
            values[":f"] = N(q.spelling);
            f.bound = q.quarters;
        }
        return f;
    }

    void query() {
        RefTable& t = randomTable();
        const std::string pk = pickFrom(kPartitionKeys);
        json values = {{":p", S(pk)}};
        std::string condition = "pk = :p";
        SortOp op = SortOp(pick(t.numeric ? 7 : 8));
        SortKey low, high;
        std::string prefix;
        bool valid = true;
        static const char* const kOperators[] = {"", "=", "<", "<=", ">", ">="};
        static const char* const kFlipped[] = {"", "=", ">", ">=", "<", "<="};
        if (op >= SortOp::Equal && op <= SortOp::GreaterOrEqual) {
            const json a = randomSortOperand(t);
            values[":a"] = a;
            low = sortKeyOf(a);
            const int i = int(op);
            condition += chance(30) ? std::string(" AND :a ") + kFlipped[i] + " sk"
                                    : std::string(" AND sk ") + kOperators[i] + " :a";
        } else if (op == SortOp::Between) {
            json a = randomSortOperand(t), b = randomSortOperand(t);
            // Mostly well-ordered bounds; the rest pins the error for lower > upper (§3.3).
            if (sortKeyOf(b) < sortKeyOf(a) && chance(85)) std::swap(a, b);
            values[":a"] = a;
            values[":b"] = b;
            low = sortKeyOf(a);
            high = sortKeyOf(b);
            valid = !(high < low);
            condition += " AND sk BETWEEN :a AND :b";
        } else if (op == SortOp::BeginsWith) {
            prefix = pickFrom(kStringPrefixes);
            values[":a"] = S(prefix);
            condition += " AND begins_with(sk, :a)";
        }
        if (chance(20)) condition = "(" + condition + ")";

        json request = {{"TableName", t.name}, {"KeyConditionExpression", condition}};
        const bool forward = chance(60);
        if (!forward || chance(30)) request["ScanIndexForward"] = forward;
        std::optional<int64_t> limit;
        if (chance(50)) limit = 1 + int64_t(pick(4));
        if (limit) request["Limit"] = *limit;
        const Filter filter = randomFilter(request, values, "FilterExpression");
        std::optional<std::set<std::string>> names;
        bool countOnly = false;
        if (chance(10)) {
            request["Select"] = "COUNT";
            countOnly = true;
        } else {
            names = randomProjection(request);
        }
        request["ExpressionAttributeValues"] = values;

        // The reference: the partition's matching items in key order.
        std::vector<const RefItem*> matching;
        for (const auto& [key, item] : t.items) {
            if (key.first != pk) continue;
            const SortKey& sk = key.second;
            bool match = true;
            switch (op) {
                case SortOp::None:
                    break;
                case SortOp::Equal:
                    match = sk == low;
                    break;
                case SortOp::Less:
                    match = sk < low;
                    break;
                case SortOp::LessOrEqual:
                    match = !(low < sk);
                    break;
                case SortOp::Greater:
                    match = low < sk;
                    break;
                case SortOp::GreaterOrEqual:
                    match = !(sk < low);
                    break;
                case SortOp::Between:
                    match = !(sk < low) && !(high < sk);
                    break;
                case SortOp::BeginsWith:
                    match = sk.text.compare(0, prefix.size(), prefix) == 0;
                    break;
            }
            if (match) matching.push_back(&item);
        }
        if (!forward) std::reverse(matching.begin(), matching.end());

        size_t next = 0;  // where the next page starts in `matching`
        for (int page = 0;; ++page) {
            const std::string operation = "Query page " + std::to_string(page);
            const Answer a = send("Query", request);
            if (!expectOutcome(valid ? Outcome::Ok : Outcome::Validation, operation, request, a))
                return;
            if (!valid) return;
            const size_t evaluated =
                std::min(matching.size() - next, limit ? size_t(*limit) : matching.size());
            json expectedItems = json::array();
            for (size_t i = next; i < next + evaluated; ++i) {
                if (!filter(*matching[i])) continue;
                json item = itemJson(t, *matching[i]);
                expectedItems.push_back(names ? project(item, *names) : item);
            }
            next += evaluated;
            if (countOnly ? a.body.contains("Items") : !a.body.contains("Items"))
                return (void)fail("Items present/absent wrongly", operation, request, a);
            if (!countOnly &&
                !expectJson(expectedItems, a.body["Items"], "Items", operation, request, a))
                return;
            if (a.body.value("Count", -1) != int64_t(expectedItems.size()) ||
                a.body.value("ScannedCount", -1) != int64_t(evaluated))
                return (void)fail("Count " + std::to_string(expectedItems.size()) +
                                      " / ScannedCount " + std::to_string(evaluated) + " expected",
                                  operation, request, a);
            // LastEvaluatedKey whenever Limit stopped the page, even if nothing remains (§3.4).
            const bool more = limit && evaluated == size_t(*limit);
            if (a.body.contains("LastEvaluatedKey") != more)
                return (void)fail(more ? "LastEvaluatedKey missing" : "unexpected LastEvaluatedKey",
                                  operation, request, a);
            if (!more) return;
            const RefItem& last = *matching[next - 1];
            if (!expectJson(keyJson(t, last.pk, last.sk), a.body["LastEvaluatedKey"],
                            "LastEvaluatedKey", operation, request, a))
                return;
            request["ExclusiveStartKey"] = a.body["LastEvaluatedKey"];
        }
    }

    // ---- Scan: partitions come back in hash order, so the pages are compared as a whole (each
    // item exactly once), and within a partition the sort order must hold.

    void scan(const RefTable& t, bool randomOptions) {
        json request = {{"TableName", t.name}};
        json values = json::object();
        std::optional<int64_t> limit;
        Filter filter;
        int64_t segments = 1;
        if (randomOptions) {
            if (chance(70)) limit = 1 + int64_t(pick(7));
            filter = randomFilter(request, values, "FilterExpression");
            if (chance(30)) segments = 1 + int64_t(pick(4));
        }
        if (limit) request["Limit"] = *limit;
        if (!values.empty()) request["ExpressionAttributeValues"] = values;

        std::map<Key, json> seen;
        int64_t scanned = 0;
        for (int64_t segment = 0; segment < segments; ++segment) {
            json pageRequest = request;
            if (segments > 1 || chance(20)) {
                pageRequest["Segment"] = segment;
                pageRequest["TotalSegments"] = segments;
            }
            std::optional<Key> previous;
            for (int page = 0;; ++page) {
                const std::string operation =
                    "Scan segment " + std::to_string(segment) + " page " + std::to_string(page);
                if (page > 200)
                    return (void)fail("paging does not end", operation, pageRequest, Answer{});
                const Answer a = send("Scan", pageRequest);
                if (!expectOutcome(Outcome::Ok, operation, pageRequest, a)) return;
                const int64_t pageScanned = a.body.value("ScannedCount", -1);
                if (pageScanned < 0 || (limit && pageScanned > *limit) ||
                    a.body.value("Count", -1) != int64_t(a.body["Items"].size()) ||
                    int64_t(a.body["Items"].size()) > pageScanned)
                    return (void)fail("bad counts", operation, pageRequest, a);
                scanned += pageScanned;
                for (const json& item : a.body["Items"]) {
                    const Key key{item["pk"]["S"].get<std::string>(), sortKeyOf(item["sk"])};
                    if (!seen.emplace(key, item).second)
                        return (void)fail("item returned twice", operation, pageRequest, a);
                    // Within one partition, Scan follows the sort order (§3.5); a filter may
                    // skip items but not reorder them.
                    if (previous && previous->first == key.first &&
                        !(previous->second < key.second))
                        return (void)fail("partition out of sort order", operation, pageRequest, a);
                    previous = key;
                }
                const bool more = limit && pageScanned == *limit;
                if (a.body.contains("LastEvaluatedKey") != more)
                    return (void)fail(
                        more ? "LastEvaluatedKey missing" : "unexpected LastEvaluatedKey",
                        operation, pageRequest, a);
                if (!more) break;
                pageRequest["ExclusiveStartKey"] = a.body["LastEvaluatedKey"];
            }
        }
        json expected = json::array(), actual = json::array();
        for (const auto& [key, item] : t.items)
            if (filter(item)) expected.push_back(itemJson(t, item));
        for (const auto& [key, item] : seen) actual.push_back(item);
        if (scanned != int64_t(t.items.size()))
            return (void)fail("ScannedCount totals " + std::to_string(scanned) + ", table has " +
                                  std::to_string(t.items.size()),
                              "Scan", request, Answer{});
        expectJson(expected, actual, "the scanned items", "Scan", request, Answer{});
    }

    // ---- BatchWriteItem: no conditions; the same key twice (in any spelling) rejects the batch.

    void batchWrite() {
        RefTable& t = randomTable();
        json requests = json::array();
        std::vector<std::pair<KeyChoice, std::optional<RefItem>>> writes;
        std::set<Key> keys;
        bool duplicate = false;
        for (size_t i = 0, count = 1 + pick(4); i < count; ++i) {
            const KeyChoice k = randomKey(t);
            duplicate = !keys.insert(k.key).second || duplicate;
            if (chance(60)) {
                const RefItem r = randomAttributes(k);
                requests.push_back({{"PutRequest", {{"Item", sentItem(t, k, r)}}}});
                writes.emplace_back(k, r);
            } else {
                requests.push_back({{"DeleteRequest", {{"Key", sentKey(k)}}}});
                writes.emplace_back(k, std::nullopt);
            }
        }
        const json request = {{"RequestItems", {{t.name, requests}}}};
        const Answer a = send("BatchWriteItem", request);
        if (!expectOutcome(duplicate ? Outcome::Validation : Outcome::Ok, "BatchWriteItem", request,
                           a))
            return;
        if (duplicate) return;
        if (a.body.value("UnprocessedItems", json()) != json::object())
            return (void)fail("UnprocessedItems is not {}", "BatchWriteItem", request, a);
        for (const auto& [k, r] : writes) {
            if (r)
                t.items.insert_or_assign(k.key, *r);
            else
                t.items.erase(k.key);
        }
    }

    // ---- TransactWriteItems: all conditions are checked against the state before the
    // transaction; one failure cancels everything and every action gets a reason (§3.7).

    void transactWrite() {
        struct Action {
            RefTable* table;
            KeyChoice key;
            std::optional<RefItem> after;  // nullopt: deleted (or untouched for a check)
            bool writes = true;
            bool pass = true;
        };
        std::vector<Action> actions;
        json items = json::array();
        std::set<std::pair<std::string, Key>> targets;
        bool duplicate = false;
        for (size_t i = 0, count = 1 + pick(3); i < count; ++i) {
            RefTable& t = randomTable();
            Action action{&t, randomKey(t), std::nullopt, true, true};
            duplicate = !targets.insert({t.name, action.key.key}).second || duplicate;
            const RefItem* old = find(t, action.key.key);
            json body = {{"TableName", t.name}};
            std::string kind;
            switch (pick(4)) {
                case 0: {
                    kind = "Put";
                    action.after = randomAttributes(action.key);
                    body["Item"] = sentItem(t, action.key, *action.after);
                    if (chance(50)) {
                        body["ConditionExpression"] = "attribute_not_exists(pk)";
                        action.pass = old == nullptr;
                    }
                    break;
                }
                case 1: {
                    kind = "Update";
                    const std::string& v = pickFrom(kStrings);
                    const Quarter& d = pickFrom(kQuarters);
                    body["Key"] = sentKey(action.key);
                    body["UpdateExpression"] = "SET v = :v ADD n :d";
                    body["ExpressionAttributeValues"] = {{":v", S(v)}, {":d", N(d.spelling)}};
                    action.after =
                        old ? *old : RefItem{action.key.pk, action.key.sk, {}, {}, {}, {}};
                    action.after->v = v;
                    action.after->n = action.after->n.value_or(0) + d.quarters;
                    if (chance(50)) {
                        body["ConditionExpression"] = "attribute_exists(pk)";
                        action.pass = old != nullptr;
                    }
                    break;
                }
                case 2: {
                    kind = "Delete";
                    body["Key"] = sentKey(action.key);
                    if (chance(50)) {
                        const std::string& v = pickFrom(kStrings);
                        body["ConditionExpression"] = "v = :v";
                        body["ExpressionAttributeValues"] = {{":v", S(v)}};
                        action.pass = old && old->v == v;
                    }
                    break;
                }
                default: {
                    kind = "ConditionCheck";
                    action.writes = false;
                    body["Key"] = sentKey(action.key);
                    body["ConditionExpression"] = "attribute_exists(x)";
                    action.pass = old && old->x;
                    break;
                }
            }
            items.push_back({{kind, body}});
            actions.push_back(std::move(action));
        }
        const json request = {{"TransactItems", items}};
        const Answer a = send("TransactWriteItems", request);
        bool pass = true;
        for (const auto& action : actions) pass = pass && action.pass;
        const Outcome expected = duplicate ? Outcome::Validation
                                 : pass    ? Outcome::Ok
                                           : Outcome::Canceled;
        if (!expectOutcome(expected, "TransactWriteItems", request, a)) return;
        if (expected == Outcome::Canceled) {
            json codes = json::array(), actual = json::array();
            for (const auto& action : actions)
                codes.push_back(action.pass ? "None" : "ConditionalCheckFailed");
            for (const auto& reason : a.body.value("CancellationReasons", json::array()))
                actual.push_back(reason.value("Code", ""));
            expectJson(codes, actual, "CancellationReasons", "TransactWriteItems", request, a);
        }
        if (expected != Outcome::Ok) return;
        for (const auto& action : actions) {
            if (!action.writes) continue;
            if (action.after)
                action.table->items.insert_or_assign(action.key.key, *action.after);
            else
                action.table->items.erase(action.key.key);
        }
    }

    std::vector<RefTable> m_tables;
    std::mt19937_64 m_random;
    uint64_t m_seed = 0;
    int m_index = 0;
    bool m_failed = false;
    const bool m_trace = std::getenv("SHARDSCOPE_DIFF_TRACE") != nullptr;
};

TEST_F(TableDifferential, AgreesWithReferenceModel) {
    std::vector<uint64_t> seeds = kSeeds;
    if (const char* one = std::getenv("SHARDSCOPE_DIFF_SEED")) seeds = {std::stoull(one)};
    for (const uint64_t seed : seeds) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        if (!runSeed(seed, kOperationsPerSeed)) break;
    }
}

}  // namespace
}  // namespace shardscope::testing
