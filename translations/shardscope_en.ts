<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>shardscope::ui::ItemBrowser</name>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) read; scroll for more</source>
        <translation>
            <numerusform>%Ln item read; scroll for more</numerusform>
            <numerusform>%Ln items read; scroll for more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shardscope::ui::ItemTreeModel</name>
    <message numerus="yes">
        <source>%Ln attribute(s)</source>
        <translation>
            <numerusform>%Ln attribute</numerusform>
            <numerusform>%Ln attributes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln element(s)</source>
        <translation>
            <numerusform>%Ln element</numerusform>
            <numerusform>%Ln elements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln member</numerusform>
            <numerusform>%Ln members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shardscope::ui::MainWindow</name>
    <message numerus="yes">
        <source>%Ln write(s) per second</source>
        <translation>
            <numerusform>%Ln write per second</numerusform>
            <numerusform>%Ln writes per second</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The window fell behind and skipped %Ln event(s); the stream itself lost nothing.</source>
        <translation>
            <numerusform>The window fell behind and skipped %Ln event; the stream itself lost nothing.</numerusform>
            <numerusform>The window fell behind and skipped %Ln events; the stream itself lost nothing.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shards roll over every %n minute(s) (a lab setting; DynamoDB: about 4 hours) and split above 1,000 records/s. The wheel zooms; a click lists a shard&apos;s records.</source>
        <translation>
            <numerusform>Shards roll over every minute (a lab setting; DynamoDB: about 4 hours) and split above 1,000 records/s. The wheel zooms; a click lists a shard&apos;s records.</numerusform>
            <numerusform>Shards roll over every %n minutes (a lab setting; DynamoDB: about 4 hours) and split above 1,000 records/s. The wheel zooms; a click lists a shard&apos;s records.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shards roll over every %n second(s) (a lab setting; DynamoDB: about 4 hours) and split above 1,000 records/s. The wheel zooms; a click lists a shard&apos;s records.</source>
        <translation>
            <numerusform>Shards roll over every second (a lab setting; DynamoDB: about 4 hours) and split above 1,000 records/s. The wheel zooms; a click lists a shard&apos;s records.</numerusform>
            <numerusform>Shards roll over every %n seconds (a lab setting; DynamoDB: about 4 hours) and split above 1,000 records/s. The wheel zooms; a click lists a shard&apos;s records.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shardscope::ui::ShardLanesView</name>
    <message numerus="yes">
        <source>%Ln shard(s)</source>
        <translation>
            <numerusform>%Ln shard</numerusform>
            <numerusform>%Ln shards</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shardscope::ui::StreamInspector</name>
    <message numerus="yes">
        <source>Searching images… %1 of %Ln record(s) read</source>
        <translation>
            <numerusform>Searching images… %1 of %Ln record read</numerusform>
            <numerusform>Searching images… %1 of %Ln records read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Search cancelled: %n record(s) found so far are shown</source>
        <translation>
            <numerusform>Search cancelled: %n record found so far is shown</numerusform>
            <numerusform>Search cancelled: %n records found so far are shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) with “%1” in their images</source>
        <translation>
            <numerusform>%n record with “%1” in its images</numerusform>
            <numerusform>%n records with “%1” in their images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The filter shows %1 of %Ln record(s)</source>
        <translation>
            <numerusform>The filter shows %1 of %Ln record</numerusform>
            <numerusform>The filter shows %1 of %Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — paused — %Ln new</source>
        <translation>
            <numerusform> — paused — %Ln new</numerusform>
            <numerusform> — paused — %Ln new</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shardscope::ui::TtlTimelineView</name>
    <message numerus="yes">
        <source>%1 · %n expired, not yet deleted</source>
        <translation>
            <numerusform>%1 · %n expired, not yet deleted</numerusform>
            <numerusform>%1 · %n expired, not yet deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n deleted by TTL</source>
        <translation>
            <numerusform> · %n deleted by TTL</numerusform>
            <numerusform> · %n deleted by TTL</numerusform>
        </translation>
    </message>
</context>
</TS>
