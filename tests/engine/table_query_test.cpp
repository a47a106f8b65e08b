// SPDX-License-Identifier: MIT
// Query, Scan, paging and indexes (reference §1.5, §3.4, §3.5).
#include <set>

#include "wirefixture.h"

namespace shardscope::testing {
namespace {

class Queries : public WireTest {
protected:
    json query(json extra) {
        json request = {{"TableName", "Q1x"},
                        {"KeyConditionExpression", "pk = :p"},
                        {"ExpressionAttributeValues", {{":p", S("p")}}}};
        for (auto& [k, v] : extra.items()) {
            if (k == "ExpressionAttributeValues")
                request[k].update(v);
            else
                request[k] = v;
        }
        return ok("Query", request);
    }
    std::vector<std::string> sortKeys(const json& body) {
        std::vector<std::string> out;
        for (const auto& item : body["Items"]) out.push_back(item["sk"].begin().value());
        return out;
    }
};

TEST_F(Queries, NumbersSortNumerically) {  // §1.5
    createKeyed("Q1x", "N");
    for (const char* n : {"10", "-2.5", "3", "1e2", "0.001", "-100"})
        ok("PutItem", {{"TableName", "Q1x"}, {"Item", {{"pk", S("p")}, {"sk", N(n)}}}});
    EXPECT_EQ(sortKeys(query(json::object())),
              (std::vector<std::string>{"-100", "-2.5", "0.001", "3", "10", "100"}));
    EXPECT_EQ(sortKeys(query({{"ScanIndexForward", false}})),
              (std::vector<std::string>{"100", "10", "3", "0.001", "-2.5", "-100"}));
    EXPECT_EQ(sortKeys(query({{"KeyConditionExpression", "pk = :p AND sk BETWEEN :a AND :b"},
                              {"ExpressionAttributeValues", {{":a", N("-3")}, {":b", N("3")}}}})),
              (std::vector<std::string>{"-2.5", "0.001", "3"}));
}

TEST_F(Queries, BinarySortsUnsigned) {  // §1.5: 0x80 after 0x7F
    createTable("Q1x",
                json::array({{{"AttributeName", "pk"}, {"KeyType", "HASH"}},
                             {{"AttributeName", "sk"}, {"KeyType", "RANGE"}}}),
                json::array({{{"AttributeName", "pk"}, {"AttributeType", "S"}},
                             {{"AttributeName", "sk"}, {"AttributeType", "B"}}}));
    for (const char* b64 : {"gA==", "fw==", "AA==", "/w=="})  // 0x80, 0x7f, 0x00, 0xff
        ok("PutItem", {{"TableName", "Q1x"}, {"Item", {{"pk", S("p")}, {"sk", {{"B", b64}}}}}});
    std::vector<std::string> order;
    const json body = query(json::object());
    for (const auto& item : body["Items"]) order.push_back(item["sk"]["B"]);
    EXPECT_EQ(order, (std::vector<std::string>{"AA==", "fw==", "gA==", "/w=="}));
}

TEST_F(Queries, SortKeyConditions) {  // §3.4
    createKeyed("Q1x");
    for (const char* s : {"a", "ab", "abc", "b", "ba", "c"})
        ok("PutItem", {{"TableName", "Q1x"}, {"Item", {{"pk", S("p")}, {"sk", S(s)}}}});
    const auto with = [&](const std::string& cond, json values) {
        return sortKeys(query({{"KeyConditionExpression", "pk = :p AND " + cond},
                               {"ExpressionAttributeValues", values}}));
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(with("begins_with(sk, :v)", {{":v", S("ab")}}), (V{"ab", "abc"}));
    EXPECT_EQ(with("sk < :v", {{":v", S("b")}}), (V{"a", "ab", "abc"}));
    EXPECT_EQ(with("sk <= :v", {{":v", S("b")}}), (V{"a", "ab", "abc", "b"}));
    EXPECT_EQ(with("sk > :v", {{":v", S("b")}}), (V{"ba", "c"}));
    EXPECT_EQ(with("sk >= :v", {{":v", S("b")}}), (V{"b", "ba", "c"}));
    EXPECT_EQ(with("sk = :v", {{":v", S("ab")}}), (V{"ab"}));
    EXPECT_EQ(with(":v > sk", {{":v", S("ab")}}), (V{"a"}));  // either operand order works
}

TEST_F(Queries, PagesWithLimitAndLastEvaluatedKey) {  // §3.4
    createKeyed("Q1x");
    for (int i = 0; i < 10; ++i)
        ok("PutItem", {{"TableName", "Q1x"},
                       {"Item", {{"pk", S("p")}, {"sk", S(std::string(1, char('a' + i)))}}}});
    std::vector<std::string> all;
    json start;
    int pages = 0;
    do {
        json extra = {{"Limit", 3}};
        if (!start.is_null()) extra["ExclusiveStartKey"] = start;
        const json page = query(extra);
        for (const auto& s : sortKeys(page)) all.push_back(s);
        start = page.contains("LastEvaluatedKey") ? page["LastEvaluatedKey"] : json();
        ++pages;
    } while (!start.is_null());
    EXPECT_EQ(all.size(), 10u);
    EXPECT_EQ(pages, 4);
    // Limit reached exactly on the last item still answers a LastEvaluatedKey (§3.4, §8.18).
    EXPECT_TRUE(query({{"Limit", 10}}).contains("LastEvaluatedKey"));
    fails("Query",
          {{"TableName", "Q1x"},
           {"KeyConditionExpression", "pk = :p"},
           {"ExpressionAttributeValues", {{":p", S("p")}}},
           {"Limit", 0}},
          "ValidationException");
}

TEST_F(Queries, FilterCountsAfterAndScannedCountBefore) {  // §3.4
    createKeyed("Q1x");
    for (int i = 0; i < 6; ++i)
        ok("PutItem",
           {{"TableName", "Q1x"},
            {"Item", {{"pk", S("p")}, {"sk", S(std::to_string(i))}, {"n", N(std::to_string(i))}}}});
    const json body = query(
        {{"FilterExpression", "n >= :three"}, {"ExpressionAttributeValues", {{":three", N("3")}}}});
    EXPECT_EQ(body["Count"], 3);
    EXPECT_EQ(body["ScannedCount"], 6);
    const json count = query({{"Select", "COUNT"}});
    EXPECT_FALSE(count.contains("Items"));
    EXPECT_EQ(count["Count"], 6);
}

TEST_F(Queries, KeyConditionErrors) {  // §3.4
    createKeyed("Q1x");
    fails("Query", {{"TableName", "Q1x"}}, "ValidationException");
    fails("Query",
          {{"TableName", "Q1x"},
           {"KeyConditionExpression", "sk = :p"},
           {"ExpressionAttributeValues", {{":p", S("p")}}}},
          "ValidationException");
    fails("Query",
          {{"TableName", "Q1x"},
           {"KeyConditionExpression", "pk = :p"},
           {"ExpressionAttributeValues", {{":p", N("1")}}}},
          "ValidationException");
    fails("Query",
          {{"TableName", "Q1x"},
           {"IndexName", "nope"},
           {"KeyConditionExpression", "pk = :p"},
           {"ExpressionAttributeValues", {{":p", S("p")}}}},
          "ValidationException");
}

TEST_F(Queries, GsiQueryProjectsAndPages) {
    createTable(
        "Q1x",
        json::array({{{"AttributeName", "pk"}, {"KeyType", "HASH"}},
                     {{"AttributeName", "sk"}, {"KeyType", "RANGE"}}}),
        json::array({{{"AttributeName", "pk"}, {"AttributeType", "S"}},
                     {{"AttributeName", "sk"}, {"AttributeType", "S"}},
                     {{"AttributeName", "owner"}, {"AttributeType", "S"}},
                     {{"AttributeName", "due"}, {"AttributeType", "N"}}}),
        {{"GlobalSecondaryIndexes",
          json::array(
              {{{"IndexName", "byOwner"},
                {"KeySchema", json::array({{{"AttributeName", "owner"}, {"KeyType", "HASH"}},
                                           {{"AttributeName", "due"}, {"KeyType", "RANGE"}}})},
                {"Projection",
                 {{"ProjectionType", "INCLUDE"}, {"NonKeyAttributes", {"title"}}}}}})}});
    for (int i = 0; i < 6; ++i)
        ok("PutItem", {{"TableName", "Q1x"},
                       {"Item",
                        {{"pk", S("p" + std::to_string(i))},
                         {"sk", S("x")},
                         {"owner", S("ann")},
                         {"due", N(std::to_string(10 - i))},
                         {"title", S("t")},
                         {"secret", S("s")}}}});
    ok("PutItem",
       {{"TableName", "Q1x"}, {"Item", {{"pk", S("sparse")}, {"sk", S("x")}}}});  // not indexed
    const json body =
        ok("Query", {{"TableName", "Q1x"},
                     {"IndexName", "byOwner"},
                     {"KeyConditionExpression", "#o = :o AND due > :d"},
                     {"ExpressionAttributeNames", {{"#o", "owner"}}},
                     {"ExpressionAttributeValues", {{":o", S("ann")}, {":d", N("5")}}},
                     {"Limit", 2}});
    ASSERT_EQ(body["Count"], 2);
    EXPECT_EQ(body["Items"][0]["due"], N("6"));
    EXPECT_FALSE(body["Items"][0].contains("secret"));  // INCLUDE projection
    EXPECT_TRUE(body["Items"][0].contains("title"));
    const json& lek = body["LastEvaluatedKey"];
    EXPECT_EQ(lek.size(), 4u);  // table key + index key (§3.4)
    const json rest =
        ok("Query", {{"TableName", "Q1x"},
                     {"IndexName", "byOwner"},
                     {"KeyConditionExpression", "#o = :o AND due > :d"},
                     {"ExpressionAttributeNames", {{"#o", "owner"}}},
                     {"ExpressionAttributeValues", {{":o", S("ann")}, {":d", N("5")}}},
                     {"ExclusiveStartKey", lek}});
    EXPECT_EQ(rest["Count"], 3);
    fails("Query",
          {{"TableName", "Q1x"},
           {"IndexName", "byOwner"},
           {"ConsistentRead", true},
           {"KeyConditionExpression", "#o = :o"},
           {"ExpressionAttributeNames", {{"#o", "owner"}}},
           {"ExpressionAttributeValues", {{":o", S("ann")}}}},
          "ValidationException");  // no consistent reads on a GSI
    // A mistyped index key attribute is refused at write time.
    fails("PutItem",
          {{"TableName", "Q1x"}, {"Item", {{"pk", S("z")}, {"sk", S("x")}, {"due", S("soon")}}}},
          "ValidationException");
}

TEST_F(Queries, ParallelScanSegmentsAreDisjointAndComplete) {  // §3.5
    createKeyed("Q1x");
    for (int i = 0; i < 200; ++i)
        ok("PutItem",
           {{"TableName", "Q1x"}, {"Item", {{"pk", S("p" + std::to_string(i))}, {"sk", S("x")}}}});
    std::multiset<std::string> seen;
    for (int segment = 0; segment < 4; ++segment) {
        json start;
        do {
            json request = {
                {"TableName", "Q1x"}, {"Segment", segment}, {"TotalSegments", 4}, {"Limit", 7}};
            if (!start.is_null()) request["ExclusiveStartKey"] = start;
            const json page = ok("Scan", request);
            for (const auto& item : page["Items"]) seen.insert(item["pk"]["S"].get<std::string>());
            start = page.contains("LastEvaluatedKey") ? page["LastEvaluatedKey"] : json();
        } while (!start.is_null());
    }
    EXPECT_EQ(seen.size(), 200u);
    EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 200u);
    fails("Scan", {{"TableName", "Q1x"}, {"Segment", 4}, {"TotalSegments", 4}},
          "ValidationException");
    fails("Scan", {{"TableName", "Q1x"}, {"Segment", 0}}, "ValidationException");
}

TEST_F(Queries, PagesStopAtOneMegabyte) {  // §3.4: 1 MB read per page
    createKeyed("Q1x");
    const std::string blob(100 * 1024, 'x');
    for (int i = 0; i < 15; ++i)
        ok("PutItem",
           {{"TableName", "Q1x"},
            {"Item", {{"pk", S("p")}, {"sk", S(std::to_string(100 + i))}, {"b", S(blob)}}}});
    const json page = query(json::object());
    EXPECT_LT(page["Count"].get<int>(), 15);
    EXPECT_TRUE(page.contains("LastEvaluatedKey"));
}

}  // namespace
}  // namespace shardscope::testing
