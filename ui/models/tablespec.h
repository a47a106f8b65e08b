// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <vector>

#include "table/requests.h"

// A table as the table dialog edits it, what DynamoDB would say about it, and the requests that
// create it or turn one version of it into another. Plain values, no widgets: testable alone.
namespace shardscope::ui {

// A local or global secondary index.
struct SecondaryIndex {
    QString name;
    bool global = true;
    // A local index's partition key is always the table's; the dialog keeps it so.
    QString partitionName, partitionType = QStringLiteral("S");
    QString sortName, sortType = QStringLiteral("S");  // sortName empty: no sort key
    QString projection = QStringLiteral("ALL");        // ALL, KEYS_ONLY or INCLUDE
    QStringList nonKeyAttributes;                      // INCLUDE only
    bool operator==(const SecondaryIndex&) const = default;
};

struct TableSpec {
    QString name;
    QString partitionName, partitionType = QStringLiteral("S");
    QString sortName, sortType = QStringLiteral("S");  // sortName empty: no sort key
    QString streamView;                                // empty: no stream
    QString ttlAttribute;                              // empty: TTL off
    std::vector<SecondaryIndex> indexes;               // in the order the user added them
    bool operator==(const TableSpec&) const = default;
};

// What DynamoDB would refuse, said before asking it, in DynamoDB's words where it has some:
// the table name, key attribute names, a sort key named like the partition key, then
// checkIndexes. Empty when the spec can be sent.
QString checkTableSpec(const TableSpec& spec);
// The secondary index rules alone (the index editor shows these): names, counts, local index
// keys, one type per attribute, projections and the 100 projected attributes of a table.
QString checkIndexes(const TableSpec& spec);

// CreateTable for the spec, on-demand billing (a lab has no capacity to plan). The attribute
// definitions are exactly the key attributes of the table and its indexes, each once.
table::CreateTableRequest createRequest(const TableSpec& spec);
// The UpdateTable calls that turn `before` into `after`, to be sent in order: the stream off and
// on again (a view type cannot change in place), then one call per global index deleted, then one
// per global index created, since DynamoDB creates or deletes only one index per call. Local
// indexes and keys are fixed after creation and ignored; TTL is UpdateTimeToLive's business.
std::vector<table::UpdateTableRequest> updateRequests(const TableSpec& before,
                                                      const TableSpec& after);
// The spec of an existing table, from DescribeTable and the TTL attribute (empty when off).
TableSpec tableSpecFrom(const table::TableDescription& description, const QString& ttlAttribute);

}  // namespace shardscope::ui
