// SPDX-License-Identifier: MIT
#include <QAbstractItemModelTester>

#include "models/imagesearch.h"
#include "models/recordfiltermodel.h"
#include "models/streamrecordmodel.h"
#include "uitest.h"

namespace shardscope::ui::test {
namespace {

const std::string kTasks = "arn:aws:dynamodb:us-east-1:000000000000:table/todoListTask/stream/L1";
const std::string kArchive =
    "arn:aws:dynamodb:us-east-1:000000000000:table/todoListTaskArchived/stream/L2";

stream::RecordAppended record(const std::string& arn, uint64_t sequence, stream::EventName event,
                              const std::string& list, const std::string& task, int64_t at,
                              bool byTtl = false, const std::string& shard = "shardId-0001") {
    stream::RecordAppended r;
    r.streamArn = arn;
    r.shardId = shard;
    r.sequenceNumber = RecordStore::sequenceText(sequence);
    r.eventName = event;
    r.keys = {{"ListId", model::AttributeValue::string(list)},
              {"TaskId", model::AttributeValue::string(task)}};
    r.sizeBytes = 100 + int64_t(sequence);
    r.byTimeToLive = byTtl;
    r.at = at;
    return r;
}

// A compact dump so a failing comparison reads like a diff.
QStringList dump(const QAbstractItemModel& model) {
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column : {int(StreamRecordModel::Sequence), int(StreamRecordModel::Event),
                           int(StreamRecordModel::Keys), int(StreamRecordModel::Ttl)})
            cells << model.index(row, column).data().toString();
        lines << cells.join(QLatin1Char('|'));
    }
    return lines;
}

}  // namespace

class StreamRecordModelTest : public QObject {
    Q_OBJECT
private slots:
    void imageTextLooksInNamesAndValuesAtAnyDepth() {
        using model::AttributeValue;
        auto number = [](const char* text) {
            return AttributeValue::number(*model::Number::parse(text));
        };
        model::Item item{
            {"Title", AttributeValue::string("Buy Milk")},
            {"Count", number("1e3")},
            {"Done", AttributeValue::boolean(true)},
            {"Tags", AttributeValue::stringSet({"urgent", "home"})},
            {"Blob", AttributeValue::binary("secret")},
            {"Nested",
             AttributeValue::map(
                 {{"Inner", AttributeValue::list({AttributeValue::string("deep value")})}})},
        };
        QVERIFY(itemContainsText(item, "milk"));    // any case
        QVERIFY(itemContainsText(item, "nested"));  // an attribute name
        QVERIFY(itemContainsText(item, "1000"));    // numbers as DynamoDB normalises them
        QVERIFY(itemContainsText(item, "true"));
        QVERIFY(itemContainsText(item, "urgent"));    // a set member
        QVERIFY(itemContainsText(item, "deep val"));  // inside a list inside a map
        QVERIFY(!itemContainsText(item, "secret"));   // bytes are not text
        QVERIFY(!itemContainsText(item, "1e3"));
        QVERIFY(!itemContainsText({}, "milk"));
    }

    void imageTextFilterShowsOnlyMatchedRows() {
        StreamRecordModel model;
        model.append({record(kTasks, 1, stream::EventName::Insert, "work", "t1", 1000),
                      record(kTasks, 2, stream::EventName::Modify, "work", "t1", 2000),
                      record(kArchive, 2, stream::EventName::Insert, "work", "t1", 3000)});
        RecordFilterModel filter;
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setRecords(&model);
        ImageMatches matches;
        filter.setImageMatches(&matches);
        RecordFilter wanted;
        wanted.imageText = QStringLiteral("milk");
        filter.setFilter(wanted);
        QCOMPARE(filter.rowCount(), 0);  // nothing searched yet: nothing shown
        matches.byStream = {{2}};        // stream 0 (kTasks), sequence 2
        filter.imageMatchesChanged();
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, StreamRecordModel::Event).data().toString(),
                 QStringLiteral("MODIFY"));
        // A live match: the source asks for the row to be tested again.
        matches.byStream.push_back({2});
        model.retest({2});
        QCOMPARE(filter.rowCount(), 2);
    }

    void appendsBatchesInOrder() {
        StreamRecordModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.append({record(kTasks, 1, stream::EventName::Insert, "work", "task-1", 1000),
                      record(kTasks, 2, stream::EventName::Modify, "work", "task-1", 1001)});
        model.append({record(kTasks, 3, stream::EventName::Remove, "work", "task-1", 1002)});
        QCOMPARE(inserted.count(), 2);  // one insert per batch, never one per record
        QCOMPARE(dump(model),
                 QStringList(
                     {QStringLiteral("100000000000000000001|INSERT|ListId=work, TaskId=task-1|"),
                      QStringLiteral("100000000000000000002|MODIFY|ListId=work, TaskId=task-1|"),
                      QStringLiteral("100000000000000000003|REMOVE|ListId=work, TaskId=task-1|")}));
        const QModelIndex first = model.index(0, StreamRecordModel::Time);
        QCOMPARE(first.data().toString(), QStringLiteral("00:00:01.000"));
        QCOMPARE(first.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("1970-01-01 00:00:01.000 UTC"));
        QCOMPARE(first.data(StreamRecordModel::TableRole).toString(),
                 QStringLiteral("todoListTask"));
        QCOMPARE(model.index(2, 0).data(StreamRecordModel::EventRole).toInt(),
                 int(stream::EventName::Remove));
    }

    void capDropsTheOldestRows() {
        StreamRecordModel model(nullptr, 5);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<stream::RecordAppended> batch;
        for (uint64_t i = 1; i <= 4; ++i)
            batch.push_back(
                record(kTasks, i, stream::EventName::Insert, "l", "t" + std::to_string(i), 0));
        model.append(batch);
        batch.clear();
        for (uint64_t i = 5; i <= 7; ++i)
            batch.push_back(
                record(kTasks, i, stream::EventName::Insert, "l", "t" + std::to_string(i), 0));
        model.append(batch);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.droppedRows(), quint64(2));
        QCOMPARE(model.index(0, StreamRecordModel::Keys).data().toString(),
                 QStringLiteral("ListId=l, TaskId=t3"));
        // A batch bigger than the cap keeps its newest records only.
        batch.clear();
        for (uint64_t i = 8; i <= 20; ++i)
            batch.push_back(
                record(kTasks, i, stream::EventName::Insert, "l", "t" + std::to_string(i), 0));
        model.append(batch);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(0, StreamRecordModel::Sequence).data().toString(),
                 QString::fromStdString(RecordStore::sequenceText(16)));
    }

    void sequenceNumbersRoundTrip() {
        uint64_t value = 0;
        QVERIFY(RecordStore::parseSequence("100000000000000000042", value));
        QCOMPARE(value, uint64_t(42));
        QCOMPARE(RecordStore::sequenceText(42), std::string("100000000000000000042"));
        QVERIFY(RecordStore::parseSequence("42", value));
        QVERIFY(!RecordStore::parseSequence("", value));
        QVERIFY(!RecordStore::parseSequence("12a", value));
        QVERIFY(!RecordStore::parseSequence("-1", value));
    }

    void filterByEventTtlKeyTableAndRange() {
        StreamRecordModel model;
        model.append({record(kTasks, 1, stream::EventName::Insert, "work", "task-1", 1000),
                      record(kTasks, 2, stream::EventName::Modify, "work", "task-10", 1001),
                      record(kArchive, 1, stream::EventName::Insert, "work", "task-1", 1002),
                      record(kArchive, 2, stream::EventName::Remove, "work", "task-1", 1003, true),
                      record(kTasks, 3, stream::EventName::Remove, "home", "task-2", 1004)});
        RecordFilterModel filter;
        filter.setRecords(&model);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(filter.rowCount(), 5);

        RecordFilter f;
        f.insert = false;
        filter.setFilter(f);
        QCOMPARE(filter.rowCount(), 3);

        f = {};
        f.ttlOnly = true;
        filter.setFilter(f);
        QCOMPARE(dump(filter),
                 QStringList({QStringLiteral(
                     "100000000000000000002|REMOVE|ListId=work, TaskId=task-1|TTL")}));

        f = {};
        f.keyText = QStringLiteral("TASKID=TASK-1");  // substring, any case: task-1 and task-10
        filter.setFilter(f);
        QCOMPARE(filter.rowCount(), 4);
        f.keyText = QStringLiteral("=ListId=work, TaskId=task-1");  // one item exactly
        filter.setFilter(f);
        QCOMPARE(filter.rowCount(), 3);
        f.table = QStringLiteral("todoListTask");
        filter.setFilter(f);
        QCOMPARE(filter.rowCount(), 1);

        f = {};
        QCOMPARE(parseSequenceRange(QStringLiteral("2..3"), f), std::nullopt);
        filter.setFilter(f);
        QCOMPARE(filter.rowCount(), 3);  // tasks 2, 3 and archive 2
        QCOMPARE(parseSequenceRange(QStringLiteral(" ..1 "), f), std::nullopt);
        filter.setFilter(f);
        QCOMPARE(filter.rowCount(), 2);

        // Live appends reach the filtered view too.
        model.append({record(kTasks, 4, stream::EventName::Insert, "home", "task-3", 1005)});
        QCOMPARE(filter.rowCount(), 2);
        f = {};
        filter.setFilter(f);
        QCOMPARE(filter.rowCount(), 6);
    }

    void badSequenceRangesSayWhy() {
        RecordFilter f;
        for (const char* bad : {"abc", "..", "5..2", "1...2", "1..x"}) {
            const auto error = parseSequenceRange(QString::fromLatin1(bad), f);
            QVERIFY2(error.has_value(), bad);
            QVERIFY(!error->isEmpty());
            QVERIFY(!f.fromSequence && !f.toSequence);
        }
    }

    void storeStaysCompact() {
        // Not a timing: a layout check that the per-record cost stays within the budget the
        // README quotes (the benchmark measures the process as a whole).
        RecordStore store;
        for (uint64_t i = 1; i <= 10000; ++i)
            store.append(record(kTasks, i, stream::EventName::Modify, "groceries",
                                "task-" + std::to_string(100000 + i), int64_t(i)));
        QVERIFY(sizeof(RecordStore::Row) <= 48);
        QVERIFY2(store.bytesUsed() / store.size() < 200,
                 qPrintable(QString::number(store.bytesUsed() / store.size())));
    }
};

SHARDSCOPE_UI_TEST(StreamRecordModelTest)

}  // namespace shardscope::ui::test

#include "recordmodel_test.moc"
