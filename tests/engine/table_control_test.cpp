// SPDX-License-Identifier: MIT
// Control plane: CreateTable, DescribeTable, UpdateTable, DeleteTable, ListTables (reference §2).
#include "wirefixture.h"

namespace shardscope::testing {
namespace {

using TableControl = WireTest;

const json kHash = json::array({{{"AttributeName", "pk"}, {"KeyType", "HASH"}}});
const json kHashDef = json::array({{{"AttributeName", "pk"}, {"AttributeType", "S"}}});

TEST_F(TableControl, CreateTableAnswersDescriptionAndIsActive) {
    const json body = ok("CreateTable", {{"TableName", "Tasks"},
                                         {"KeySchema", kHash},
                                         {"AttributeDefinitions", kHashDef},
                                         {"BillingMode", "PAY_PER_REQUEST"}});
    const json& d = body["TableDescription"];
    EXPECT_EQ(d["TableName"], "Tasks");
    EXPECT_EQ(d["TableArn"], "arn:aws:dynamodb:us-east-1:000000000000:table/Tasks");
    EXPECT_EQ(d["BillingModeSummary"]["BillingMode"], "PAY_PER_REQUEST");
    EXPECT_TRUE(d["CreationDateTime"].is_number());  // §2.1: epoch seconds as a JSON number
    EXPECT_EQ(ok("DescribeTable", {{"TableName", "Tasks"}})["Table"]["TableStatus"], "ACTIVE");
}

TEST_F(TableControl, CreateExistingTableIsResourceInUse) {  // §2.2
    createTable("Tasks", kHash, kHashDef);
    EXPECT_EQ(fails("CreateTable",
                    {{"TableName", "Tasks"},
                     {"KeySchema", kHash},
                     {"AttributeDefinitions", kHashDef},
                     {"BillingMode", "PAY_PER_REQUEST"}},
                    "ResourceInUseException"),
              "Table already exists: Tasks");
}

TEST_F(TableControl, TableNamesAreCaseSensitive) {  // §2.5: AWS is case-sensitive
    createTable("Tasks", kHash, kHashDef);
    createTable("tasks", kHash, kHashDef);
    EXPECT_EQ(ok("ListTables", json::object())["TableNames"], json::array({"Tasks", "tasks"}));
}

TEST_F(TableControl, DescribeMissingTableIsResourceNotFound) {  // §2.3
    EXPECT_EQ(fails("DescribeTable", {{"TableName", "Nope"}}, "ResourceNotFoundException"),
              "Requested resource not found: Table: Nope not found");
}

TEST_F(TableControl, InvalidTableNameIsValidationNotNotFound) {  // §2.3 [OBS]
    fails("DescribeTable", {{"TableName", "a"}}, "ValidationException");
    fails("DescribeTable", {{"TableName", "bad name!"}}, "ValidationException");
    fails("DescribeTable", {{"TableName", std::string(256, 'x')}}, "ValidationException");
}

struct BadCreate {
    const char* rule;
    json request;
    const char* code;
};

class CreateTableErrors : public WireTest, public ::testing::WithParamInterface<BadCreate> {};

TEST_P(CreateTableErrors, AreRejected) {
    fails("CreateTable", GetParam().request, GetParam().code);
}

json request(json keySchema, json defs, json extra = json::object()) {
    json r = {{"TableName", "T1x"},
              {"KeySchema", keySchema},
              {"AttributeDefinitions", defs},
              {"BillingMode", "PAY_PER_REQUEST"}};
    r.update(extra);
    return r;
}

// Global indexes on pk, each projecting `attributes` non-key attributes of its own.
json includeIndexes(int indexes, int attributes) {
    json list = json::array();
    for (int i = 0; i < indexes; ++i) {
        json names = json::array();
        for (int a = 0; a < attributes; ++a)
            names.push_back("i" + std::to_string(i) + "a" + std::to_string(a));
        list.push_back(
            {{"IndexName", "idx" + std::to_string(i)},
             {"KeySchema", kHash},
             {"Projection", {{"ProjectionType", "INCLUDE"}, {"NonKeyAttributes", names}}}});
    }
    return {{"GlobalSecondaryIndexes", list}};
}

INSTANTIATE_TEST_SUITE_P(
    Rules, CreateTableErrors,
    ::testing::Values(
        BadCreate{"key attribute not defined", request(kHash, json::array()),
                  "ValidationException"},
        BadCreate{"extra attribute definition",
                  request(kHash, json::array({{{"AttributeName", "pk"}, {"AttributeType", "S"}},
                                              {{"AttributeName", "x"}, {"AttributeType", "S"}}})),
                  "ValidationException"},
        BadCreate{
            "key type must be S, N or B",
            request(kHash, json::array({{{"AttributeName", "pk"}, {"AttributeType", "BOOL"}}})),
            "ValidationException"},
        BadCreate{"first element must be HASH",
                  request(json::array({{{"AttributeName", "pk"}, {"KeyType", "RANGE"}}}), kHashDef),
                  "ValidationException"},
        BadCreate{"three key elements",
                  request(json::array({{{"AttributeName", "a"}, {"KeyType", "HASH"}},
                                       {{"AttributeName", "b"}, {"KeyType", "RANGE"}},
                                       {{"AttributeName", "c"}, {"KeyType", "RANGE"}}}),
                          kHashDef),
                  "ValidationException"},
        BadCreate{"PAY_PER_REQUEST forbids throughput",
                  request(kHash, kHashDef,
                          {{"ProvisionedThroughput",
                            {{"ReadCapacityUnits", 1}, {"WriteCapacityUnits", 1}}}}),
                  "ValidationException"},
        BadCreate{"PROVISIONED needs throughput",
                  request(kHash, kHashDef, {{"BillingMode", "PROVISIONED"}}),
                  "ValidationException"},
        BadCreate{"billing mode values are case-sensitive",
                  request(kHash, kHashDef, {{"BillingMode", "pay_per_request"}}),
                  "ValidationException"},
        BadCreate{"LSI needs a table sort key",
                  request(kHash, kHashDef,
                          {{"LocalSecondaryIndexes",
                            json::array({{{"IndexName", "byX"},
                                          {"KeySchema", kHash},
                                          {"Projection", {{"ProjectionType", "ALL"}}}}})}}),
                  "ValidationException"},
        BadCreate{"101 projected attributes across indexes",
                  request(kHash, kHashDef, includeIndexes(2, 51)), "ValidationException"},
        BadCreate{"KeySchema of the wrong JSON type", request("nope", kHashDef),
                  "SerializationException"},
        BadCreate{"TableName missing",
                  {{"KeySchema", kHash}, {"AttributeDefinitions", kHashDef}},
                  "ValidationException"}),
    [](const auto& info) { return "Case" + std::to_string(info.index); });

TEST_F(TableControl, ListTablesPagesWithLimit) {  // §2.5
    for (const char* name : {"aaa", "bbb", "ccc", "ddd", "eee"}) createTable(name, kHash, kHashDef);
    json page = ok("ListTables", {{"Limit", 2}});
    EXPECT_EQ(page["TableNames"], json::array({"aaa", "bbb"}));
    EXPECT_EQ(page["LastEvaluatedTableName"], "bbb");
    page = ok("ListTables", {{"Limit", 2}, {"ExclusiveStartTableName", "bbb"}});
    EXPECT_EQ(page["TableNames"], json::array({"ccc", "ddd"}));
    page = ok("ListTables", {{"Limit", 2}, {"ExclusiveStartTableName", "ddd"}});
    EXPECT_EQ(page["TableNames"], json::array({"eee"}));
    EXPECT_FALSE(page.contains("LastEvaluatedTableName"));  // last page omits the cursor
    fails("ListTables", {{"Limit", 0}}, "ValidationException");
    fails("ListTables", {{"Limit", 101}}, "ValidationException");
}

TEST_F(TableControl, DeleteTableRemovesItAndItsItems) {  // §2.5
    createKeyed("Tasks");
    ok("PutItem", {{"TableName", "Tasks"}, {"Item", {{"pk", S("a")}, {"sk", S("1")}}}});
    const json body = ok("DeleteTable", {{"TableName", "Tasks"}});
    EXPECT_EQ(body["TableDescription"]["TableStatus"], "DELETING");
    fails("DescribeTable", {{"TableName", "Tasks"}}, "ResourceNotFoundException");
    fails("DeleteTable", {{"TableName", "Tasks"}}, "ResourceNotFoundException");
    createKeyed("Tasks");
    EXPECT_EQ(ok("Scan", {{"TableName", "Tasks"}})["Count"], 0);
}

TEST_F(TableControl, DeletionProtectionBlocksDelete) {
    createTable("Tasks", kHash, kHashDef, {{"DeletionProtectionEnabled", true}});
    fails("DeleteTable", {{"TableName", "Tasks"}}, "ValidationException");
    ok("UpdateTable", {{"TableName", "Tasks"}, {"DeletionProtectionEnabled", false}});
    ok("DeleteTable", {{"TableName", "Tasks"}});
}

TEST_F(TableControl, UpdateTableSwitchesBillingMode) {
    createTable("Tasks", kHash, kHashDef);
    const json d =
        ok("UpdateTable",
           {{"TableName", "Tasks"},
            {"BillingMode", "PROVISIONED"},
            {"ProvisionedThroughput", {{"ReadCapacityUnits", 5}, {"WriteCapacityUnits", 7}}}});
    EXPECT_EQ(d["TableDescription"]["ProvisionedThroughput"]["WriteCapacityUnits"], 7);
    EXPECT_FALSE(d["TableDescription"].contains("BillingModeSummary"));
    fails("UpdateTable", {{"TableName", "Tasks"}}, "ValidationException");  // nothing to change
}

TEST_F(TableControl, ProjectedAttributesCountAcrossIndexes) {
    ok("CreateTable", request(kHash, kHashDef, includeIndexes(2, 50)));
    json create = includeIndexes(1, 1)["GlobalSecondaryIndexes"][0];
    create["IndexName"] = "oneMore";
    const std::string message =
        fails("UpdateTable",
              {{"TableName", "T1x"},
               {"AttributeDefinitions", kHashDef},
               {"GlobalSecondaryIndexUpdates", json::array({{{"Create", create}}})}},
              "ValidationException");
    EXPECT_NE(message.find("exceeds limit of 100"), std::string::npos) << message;
}

// Twenty global indexes whatever the table's local ones: the limit does not pool them.
TEST_F(TableControl, GlobalIndexLimitCountsGlobalIndexesOnly) {
    ok("CreateTable", request(kHash, kHashDef));
    auto create = [&](int i) {
        return json{{"TableName", "T1x"},
                    {"AttributeDefinitions", kHashDef},
                    {"GlobalSecondaryIndexUpdates",
                     json::array({{{"Create",
                                    {{"IndexName", "g" + std::to_string(100 + i)},
                                     {"KeySchema", kHash},
                                     {"Projection", {{"ProjectionType", "KEYS_ONLY"}}}}}}})}};
    };
    for (int i = 0; i < 20; ++i) ok("UpdateTable", create(i));
    fails("UpdateTable", create(20), "ValidationException");
}

TEST_F(TableControl, OneIndexIsCreatedOrDeletedPerUpdateTable) {
    ok("CreateTable", request(kHash, kHashDef, includeIndexes(1, 1)));
    json create = includeIndexes(1, 1)["GlobalSecondaryIndexes"][0];
    create["IndexName"] = "another";
    const std::string message =
        fails("UpdateTable",
              {{"TableName", "T1x"},
               {"AttributeDefinitions", kHashDef},
               {"GlobalSecondaryIndexUpdates",
                json::array({{{"Create", create}}, {{"Delete", {{"IndexName", "idx0"}}}}})}},
              "LimitExceededException");
    EXPECT_EQ(message,
              "Subscriber limit exceeded: Only 1 online index can be created or deleted "
              "simultaneously per table");
    const json described = ok("DescribeTable", {{"TableName", "T1x"}});
    EXPECT_EQ(described["Table"]["GlobalSecondaryIndexes"].size(), 1u);
}

TEST_F(TableControl, UpdateTableCreatesGsiAndBackfillsIt) {
    createKeyed("Tasks");
    for (int i = 0; i < 5; ++i)
        ok("PutItem",
           {{"TableName", "Tasks"},
            {"Item",
             {{"pk", S("p")}, {"sk", S(std::to_string(i))}, {"owner", S(i % 2 ? "ann" : "bob")}}}});
    ok("UpdateTable",
       {{"TableName", "Tasks"},
        {"AttributeDefinitions",
         json::array({{{"AttributeName", "owner"}, {"AttributeType", "S"}}})},
        {"GlobalSecondaryIndexUpdates",
         json::array(
             {{{"Create",
                {{"IndexName", "byOwner"},
                 {"KeySchema", json::array({{{"AttributeName", "owner"}, {"KeyType", "HASH"}}})},
                 {"Projection", {{"ProjectionType", "KEYS_ONLY"}}}}}}})}});
    const json q = ok("Query", {{"TableName", "Tasks"},
                                {"IndexName", "byOwner"},
                                {"KeyConditionExpression", "#o = :o"},
                                {"ExpressionAttributeNames", {{"#o", "owner"}}},
                                {"ExpressionAttributeValues", {{":o", S("bob")}}}});
    EXPECT_EQ(q["Count"], 3);
    ok("UpdateTable",
       {{"TableName", "Tasks"},
        {"GlobalSecondaryIndexUpdates", json::array({{{"Delete", {{"IndexName", "byOwner"}}}}})}});
    fails("Query",
          {{"TableName", "Tasks"},
           {"IndexName", "byOwner"},
           {"KeyConditionExpression", "#o = :o"},
           {"ExpressionAttributeNames", {{"#o", "owner"}}},
           {"ExpressionAttributeValues", {{":o", S("bob")}}}},
          "ValidationException");
}

TEST_F(TableControl, UnknownOperationAndBadJson) {  // §4.1
    EXPECT_EQ(call("Frobnicate", json::object()).errorCode(), "UnknownOperationException");
    EXPECT_EQ(callRaw("ListTables", "{not json").errorCode(), "SerializationException");
    EXPECT_EQ(callRaw("ListTables", "[1,2]").errorCode(), "SerializationException");
}

}  // namespace
}  // namespace shardscope::testing
