<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <source>Add item %1</source>
        <translation>Item %1 hinzufügen</translation>
    </message>
    <message>
        <source>Delete item %1</source>
        <translation>Item %1 löschen</translation>
    </message>
    <message>
        <source>Edit item %1</source>
        <translation>Item %1 bearbeiten</translation>
    </message>
    <message>
        <source>A sequence range is N, N..M, N.. or ..M (digits only), not &quot;%1&quot;</source>
        <translation>Ein Sequenzbereich hat die Form N, N..M, N.. oder ..M (nur Ziffern), nicht „%1“</translation>
    </message>
    <message>
        <source>The range starts after it ends</source>
        <translation>Der Bereich beginnt erst nach seinem Ende</translation>
    </message>
    <message>
        <source>%1 needs a name</source>
        <translation>%1 braucht einen Namen</translation>
    </message>
    <message>
        <source>%1: an attribute name is at most 255 bytes long (this one is %2)</source>
        <translation>%1: Ein Attributname ist höchstens 255 Bytes lang (dieser hat %2)</translation>
    </message>
    <message>
        <source>An index needs a name</source>
        <translation>Ein Index braucht einen Namen</translation>
    </message>
    <message>
        <source>An index name is 3 to 255 characters long: %1</source>
        <translation>Ein Indexname ist 3 bis 255 Zeichen lang: %1</translation>
    </message>
    <message>
        <source>An index name uses only letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos;: %1</source>
        <translation>Ein Indexname besteht nur aus Buchstaben, Ziffern, &apos;_&apos;, &apos;-&apos; und &apos;.&apos;: %1</translation>
    </message>
    <message>
        <source>Index %1: %2</source>
        <translation>Index %1: %2</translation>
    </message>
    <message>
        <source>Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex</source>
        <translation>Das KeySchema der Tabelle hat keinen Range Key; ein LocalSecondaryIndex setzt ihn voraus</translation>
    </message>
    <message>
        <source>The partition key of index %1</source>
        <translation>Der Partition Key von Index %1</translation>
    </message>
    <message>
        <source>Index KeySchema does not have the same leading hash key as table KeySchema for index: %1. index hash key: %2, table hash key: %3</source>
        <translation>Das KeySchema des Index %1 beginnt nicht mit demselben Hash Key wie das KeySchema der Tabelle. Hash Key des Index: %2, Hash Key der Tabelle: %3</translation>
    </message>
    <message>
        <source>Index KeySchema must have a range key for Local Secondary Index: %1</source>
        <translation>Das KeySchema eines Local Secondary Index braucht einen Range Key: %1</translation>
    </message>
    <message>
        <source>The sort key of index %1</source>
        <translation>Der Sort Key von Index %1</translation>
    </message>
    <message>
        <source>Both the Hash Key and the Range Key element in the KeySchema have the same name</source>
        <translation>Hash Key und Range Key im KeySchema haben denselben Namen</translation>
    </message>
    <message>
        <source>ProjectionType is INCLUDE, but NonKeyAttributes is not specified</source>
        <translation>ProjectionType ist INCLUDE, aber NonKeyAttributes ist nicht angegeben</translation>
    </message>
    <message>
        <source>ProjectionType is %1, but NonKeyAttributes is specified</source>
        <translation>ProjectionType ist %1, aber NonKeyAttributes ist angegeben</translation>
    </message>
    <message>
        <source>A projected attribute of index %1</source>
        <translation>Ein projiziertes Attribut von Index %1</translation>
    </message>
    <message>
        <source>A table name is 3 to 255 characters long</source>
        <translation>Ein Tabellenname ist 3 bis 255 Zeichen lang</translation>
    </message>
    <message>
        <source>A table name uses only letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos;</source>
        <translation>Ein Tabellenname besteht nur aus Buchstaben, Ziffern, &apos;_&apos;, &apos;-&apos; und &apos;.&apos;</translation>
    </message>
    <message>
        <source>The partition key</source>
        <translation>Der Partition Key</translation>
    </message>
    <message>
        <source>The sort key</source>
        <translation>Der Sort Key</translation>
    </message>
    <message>
        <source>The sort key must be a different attribute from the partition key</source>
        <translation>Der Sort Key muss ein anderes Attribut sein als der Partition Key</translation>
    </message>
    <message>
        <source>The TTL attribute</source>
        <translation>Das TTL-Attribut</translation>
    </message>
    <message>
        <source>Number of LocalSecondaryIndexes exceeds per-table limit of 5</source>
        <translation>Die Zahl der LocalSecondaryIndexes überschreitet das Limit von 5 pro Tabelle</translation>
    </message>
    <message>
        <source>GlobalSecondaryIndex count exceeds the per-table limit of 20</source>
        <translation>Die Zahl der GlobalSecondaryIndexes überschreitet das Limit von 20 pro Tabelle</translation>
    </message>
    <message>
        <source>%1 has type %2 in %3 and type %4 in %5: an attribute has one type in AttributeDefinitions</source>
        <translation>%1 hat in %3 den Typ %2 und in %5 den Typ %4: In AttributeDefinitions hat ein Attribut genau einen Typ</translation>
    </message>
    <message>
        <source>the table</source>
        <translation>der Tabelle</translation>
    </message>
    <message>
        <source>Duplicate index name: %1</source>
        <translation>Indexname doppelt vergeben: %1</translation>
    </message>
    <message>
        <source>index %1</source>
        <translation>Index %1</translation>
    </message>
    <message>
        <source>Number of projected attributes in all indexes exceeds limit of 100 (these indexes project %1)</source>
        <translation>Die Zahl der projizierten Attribute aller Indizes überschreitet das Limit von 100 (diese Indizes projizieren %1)</translation>
    </message>
    <message>
        <source>This stream&apos;s view type is KEYS_ONLY: it records only the key attributes, never the item before or after the change.</source>
        <translation>Der View-Type dieses Streams ist KEYS_ONLY: Er zeichnet nur die Schlüsselattribute auf, nie das Item vor oder nach der Änderung.</translation>
    </message>
    <message>
        <source>This stream&apos;s view type is NEW_IMAGE: the item as it was before the change is not recorded, so what changed cannot be shown.</source>
        <translation>Der View-Type dieses Streams ist NEW_IMAGE: Das Item vor der Änderung wird nicht aufgezeichnet, daher lässt sich nicht zeigen, was sich geändert hat.</translation>
    </message>
    <message>
        <source>This stream&apos;s view type is OLD_IMAGE: the item as it is after the change is not recorded.</source>
        <translation>Der View-Type dieses Streams ist OLD_IMAGE: Das Item nach der Änderung wird nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>Not valid JSON: %1</source>
        <translation>Kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>An item is a JSON object of attribute names to DynamoDB-typed values, like {&quot;Id&quot;: {&quot;S&quot;: &quot;a&quot;}}</source>
        <translation>Ein Item ist ein JSON-Objekt aus Attributnamen und DynamoDB-typisierten Werten, etwa {&quot;Id&quot;: {&quot;S&quot;: &quot;a&quot;}}</translation>
    </message>
    <message>
        <source>One or more parameter values were invalid: Missing the key %1 in the item</source>
        <translation>Ein oder mehrere Parameterwerte sind ungültig: Dem Item fehlt der Schlüssel %1</translation>
    </message>
    <message>
        <source>One or more parameter values were invalid: Type mismatch for key %1 expected: %2 actual: %3</source>
        <translation>Ein oder mehrere Parameterwerte sind ungültig: Falscher Typ für Schlüssel %1, erwartet: %2, tatsächlich: %3</translation>
    </message>
    <message>
        <source>%1 is part of the key: changing it would make a different item. Use New item to add one.</source>
        <translation>%1 gehört zum Schlüssel: Eine Änderung ergäbe ein anderes Item. Neue Items legt „Neues Item“ an.</translation>
    </message>
    <message>
        <source>Item size has exceeded the maximum allowed size (%L1 bytes; the limit is 400 KB)</source>
        <translation>Das Item ist größer als erlaubt (%L1 Bytes; die Grenze liegt bei 400 KB)</translation>
    </message>
    <message>
        <source>String (S)</source>
        <translation>String (S)</translation>
    </message>
    <message>
        <source>Number (N)</source>
        <translation>Zahl (N)</translation>
    </message>
    <message>
        <source>Binary (B)</source>
        <translation>Binär (B)</translation>
    </message>
</context>
<context>
    <name>shardscope::ui::ClockBar</name>
    <message>
        <source>Clock</source>
        <translation>Uhr</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Step to next event</source>
        <translation>Zum nächsten Ereignis</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>Langsamer</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>Schneller</translation>
    </message>
    <message>
        <source>How many times faster than real time the virtual clock runs (%1 / %2)</source>
        <translation>Wie viel schneller als die Echtzeit die virtuelle Uhr läuft (%1 / %2)</translation>
    </message>
    <message>
        <source>Jump ahead</source>
        <translation>Vorspringen</translation>
    </message>
    <message>
        <source>+1 minute</source>
        <translation>+1 Minute</translation>
    </message>
    <message>
        <source>+15 minutes</source>
        <translation>+15 Minuten</translation>
    </message>
    <message>
        <source>+1 hour</source>
        <translation>+1 Stunde</translation>
    </message>
    <message>
        <source>+4 hours (a shard rollover)</source>
        <translation>+4 Stunden (ein Shard-Rollover)</translation>
    </message>
    <message>
        <source>+1 day (past retention)</source>
        <translation>+1 Tag (über die Aufbewahrungsfrist hinaus)</translation>
    </message>
    <message>
        <source>To a date and time…</source>
        <translation>Zu Datum und Uhrzeit…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Real time</source>
        <translation>Echtzeit</translation>
    </message>
    <message>
        <source>This workspace runs on the system clock. A virtual clock can be paused, stepped and sped up (File → New with a virtual clock).</source>
        <translation>Dieser Arbeitsbereich läuft mit der Systemuhr. Eine virtuelle Uhr lässt sich anhalten, schrittweise weiterschalten und beschleunigen (Datei → Neu mit virtueller Uhr).</translation>
    </message>
    <message>
        <source>Virtual ‖ paused</source>
        <translation>Virtuell ‖ angehalten</translation>
    </message>
    <message>
        <source>Virtual ▶</source>
        <translation>Virtuell ▶</translation>
    </message>
    <message>
        <source>A virtual clock: time moves only as fast as you let it.</source>
        <translation>Eine virtuelle Uhr: Die Zeit läuft nur so schnell, wie Sie es zulassen.</translation>
    </message>
    <message>
        <source>Nothing is scheduled: no rollover, trim or TTL deletion is waiting.</source>
        <translation>Nichts geplant: Kein Rollover, keine Kürzung und keine TTL-Löschung steht an.</translation>
    </message>
    <message>
        <source>Jump to</source>
        <translation>Springen zu</translation>
    </message>
    <message>
        <source>Time only moves forward. Everything due on the way (rollovers, the 24-hour trim, TTL deletions) happens as the clock passes it.</source>
        <translation>Die Zeit läuft nur vorwärts. Alles, was unterwegs fällig wird (Rollover, die 24-Stunden-Kürzung, TTL-Löschungen), geschieht, sobald die Uhr den Zeitpunkt passiert.</translation>
    </message>
    <message>
        <source>Time cannot run backwards.</source>
        <translation>Die Zeit kann nicht rückwärts laufen.</translation>
    </message>
</context>
<context>
    <name>shardscope::ui::IndexDialog</name>
    <message>
        <source>New Index</source>
        <translation>Neuer Index</translation>
    </message>
    <message>
        <source>Index %1</source>
        <translation>Index %1</translation>
    </message>
    <message>
        <source>e.g. byStatus</source>
        <translation>z. B. byStatus</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Global: any partition key</source>
        <translation>Global: beliebiger Partition Key</translation>
    </message>
    <message>
        <source>Local: the table&apos;s partition key</source>
        <translation>Lokal: Partition Key der Tabelle</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Partition key:</source>
        <translation>&amp;Partition Key:</translation>
    </message>
    <message>
        <source>e.g. Status</source>
        <translation>z. B. Status</translation>
    </message>
    <message>
        <source>&amp;Sort key:</source>
        <translation>&amp;Sort Key:</translation>
    </message>
    <message>
        <source>optional, e.g. DueDate</source>
        <translation>optional, z. B. DueDate</translation>
    </message>
    <message>
        <source>ALL: every attribute</source>
        <translation>ALL: alle Attribute</translation>
    </message>
    <message>
        <source>KEYS_ONLY: table and index keys</source>
        <translation>KEYS_ONLY: Schlüssel von Tabelle und Index</translation>
    </message>
    <message>
        <source>INCLUDE: keys and the attributes below</source>
        <translation>INCLUDE: Schlüssel und die Attribute unten</translation>
    </message>
    <message>
        <source>P&amp;rojection:</source>
        <translation>P&amp;rojektion:</translation>
    </message>
    <message>
        <source>non-key attributes, comma-separated</source>
        <translation>Nicht-Schlüsselattribute, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>&amp;Attributes:</source>
        <translation>A&amp;ttribute:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>required, e.g. DueDate</source>
        <translation>erforderlich, z. B. DueDate</translation>
    </message>
</context>
<context>
    <name>shardscope::ui::IndexListModel</name>
    <message>
        <source>global, new</source>
        <translation>global, neu</translation>
    </message>
    <message>
        <source>local, new</source>
        <translation>lokal, neu</translation>
    </message>
    <message>
        <source>global</source>
        <translation>global</translation>
    </message>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <source>INCLUDE %1</source>
        <translation>INCLUDE %1</translation>
    </message>
    <message>
        <source>Created when the change is applied</source>
        <translation>Wird beim Anwenden der Änderung angelegt</translation>
    </message>
    <message>
        <source>Exists: it cannot change, but it can be removed</source>
        <translation>Vorhanden: Er lässt sich nicht ändern, aber entfernen</translation>
    </message>
    <message>
        <source>Exists as long as the table: local indexes cannot change</source>
        <translation>Besteht so lange wie die Tabelle: Lokale Indizes lassen sich nicht ändern</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Partition key</source>
        <translation>Partition Key</translation>
    </message>
    <message>
        <source>Sort key</source>
        <translation>Sort Key</translation>
    </message>
    <message>
        <source>Projection</source>
        <translation>Projektion</translation>
    </message>
</context>
<context>
    <name>shardscope::ui::ItemBrowser</name>
    <message>
        <source>Scan all items</source>
        <translation>Alle Items lesen (Scan)</translation>
    </message>
    <message>
        <source>Query one partition</source>
        <translation>Eine Partition abfragen (Query)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the items again (%1)</source>
        <translation>Items neu lesen (%1)</translation>
    </message>
    <message>
        <source>DynamoDB JSON</source>
        <translation>DynamoDB-JSON</translation>
    </message>
    <message>
        <source>Plain JSON (read only)</source>
        <translation>Einfaches JSON (nur lesen)</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Neues Item</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <source>Select an item to edit it, or press New item.</source>
        <translation>Wählen Sie ein Item zum Bearbeiten aus oder klicken Sie auf „Neues Item“.</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Write the item with PutItem (%1); undo with %2</source>
        <translation>Item mit PutItem schreiben (%1); rückgängig mit %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln Item</numerusform>
            <numerusform>%Ln Items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) read; scroll for more</source>
        <translation>
            <numerusform>%Ln Item gelesen; für mehr weiterscrollen</numerusform>
            <numerusform>%Ln Items gelesen; für mehr weiterscrollen</numerusform>
        </translation>
    </message>
    <message>
        <source>Follow this item&apos;s stream records</source>
        <translation>Den Stream-Datensätzen dieses Items folgen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add an attribute, or a member to the selected map, list or set</source>
        <translation>Ein Attribut hinzufügen oder ein Element zur ausgewählten Map, Liste oder zum ausgewählten Set</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected attribute, element or member</source>
        <translation>Ausgewähltes Attribut oder Element entfernen</translation>
    </message>
    <message>
        <source>No table selected</source>
        <translation>Keine Tabelle ausgewählt</translation>
    </message>
    <message>
        <source>%1 value (%2), then Enter</source>
        <translation>%1-Wert (%2), dann Eingabetaste</translation>
    </message>
    <message>
        <source>Valid item, %L1 bytes</source>
        <translation>Gültiges Item, %L1 Bytes</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>This item was changed meanwhile: Save overwrites it with yours, Revert shows it as it is now.</source>
        <translation>Dieses Item wurde inzwischen geändert: „Speichern“ überschreibt es mit Ihrer Fassung, „Verwerfen“ zeigt es, wie es jetzt ist.</translation>
    </message>
    <message>
        <source>This item was deleted meanwhile: Save writes it again with your changes.</source>
        <translation>Dieses Item wurde inzwischen gelöscht: „Speichern“ schreibt es mit Ihren Änderungen neu.</translation>
    </message>
</context>
<context>
    <name>shardscope::ui::ItemTableModel</name>
    <message>
        <source> (partition key)</source>
        <translation> (Partition Key)</translation>
    </message>
    <message>
        <source> (sort key)</source>
        <translation> (Sort Key)</translation>
    </message>
</context>
<context>
    <name>shardscope::ui::ItemTreeModel</name>
    <message numerus="yes">
        <source>%Ln attribute(s)</source>
        <translation>
            <numerusform>%Ln Attribut</numerusform>
            <numerusform>%Ln Attribute</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln element(s)</source>
        <translation>
            <numerusform>%Ln Element</numerusform>
            <numerusform>%Ln Elemente</numerusform>
        </translation>
    </message>
    <message>
        <source>A BOOL value is true or false</source>
        <translation>Ein BOOL-Wert ist true oder false</translation>
    </message>
    <message>
        <source>Partition key: a stored item keeps its key</source>
        <translation>Partition Key: Ein gespeichertes Item behält seinen Schlüssel</translation>
    </message>
    <message>
        <source>Sort key: a stored item keeps its key</source>
        <translation>Sort Key: Ein gespeichertes Item behält seinen Schlüssel</translation>
    </message>
    <message>
        <source>Partition key</source>
        <translation>Partition Key</translation>
    </message>
    <message>
        <source>Sort key</source>
        <translation>Sort Key</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>%1 is part of the key: changing it would make a different item. Use New item to add one.</source>
        <translation>%1 gehört zum Schlüssel: Eine Änderung ergäbe ein anderes Item. Neue Items legt „Neues Item“ an.</translation>
    </message>
    <message>
        <source>The item already has an attribute named %1</source>
        <translation>Das Item hat bereits ein Attribut namens %1</translation>
    </message>
    <message>
        <source>The map already has an attribute named %1</source>
        <translation>Die Map hat bereits ein Attribut namens %1</translation>
    </message>
    <message>
        <source>%1 is not one of DynamoDB&apos;s types</source>
        <translation>%1 ist kein DynamoDB-Typ</translation>
    </message>
    <message>
        <source>%1 is part of the key: an item cannot be saved without it</source>
        <translation>%1 gehört zum Schlüssel: Ohne ihn lässt sich ein Item nicht speichern</translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln Eintrag</numerusform>
            <numerusform>%Ln Einträge</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shardscope::ui::MainWindow</name>
    <message>
        <source>ShardScope</source>
        <translation>ShardScope</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Stream records</source>
        <translation>Stream-Datensätze</translation>
    </message>
    <message>
        <source>Shard lanes</source>
        <translation>Shard-Bahnen</translation>
    </message>
    <message>
        <source>Deletion lag:</source>
        <translation>Löschverzögerung:</translation>
    </message>
    <message>
        <source>Within the second (lab)</source>
        <translation>Binnen einer Sekunde (Labor)</translation>
    </message>
    <message>
        <source>Like DynamoDB: minutes to hours</source>
        <translation>Wie DynamoDB: Minuten bis Stunden</translation>
    </message>
    <message>
        <source>TTL timeline</source>
        <translation>TTL-Zeitleiste</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation>&amp;Neuer Arbeitsbereich…</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>New &amp;Item</source>
        <translation>Neues &amp;Item</translation>
    </message>
    <message>
        <source>&amp;Delete Item</source>
        <translation>Item &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Tabelle</translation>
    </message>
    <message>
        <source>&amp;New Table…</source>
        <translation>&amp;Neue Tabelle…</translation>
    </message>
    <message>
        <source>&amp;Change Table…</source>
        <translation>Tabelle &amp;ändern…</translation>
    </message>
    <message>
        <source>&amp;Delete Table…</source>
        <translation>Tabelle &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>Wie das &amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Clock</source>
        <translation>&amp;Uhr</translation>
    </message>
    <message>
        <source>E&amp;ndpoint</source>
        <translation>&amp;Endpunkt</translation>
    </message>
    <message>
        <source>&amp;Start Endpoint</source>
        <translation>Endpunkt &amp;starten</translation>
    </message>
    <message>
        <source>&amp;Copy AWS CLI Settings</source>
        <translation>AWS-CLI-Einstellungen &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Demo</source>
        <translation>De&amp;mo</translation>
    </message>
    <message>
        <source>&amp;Run Workload</source>
        <translation>Workload &amp;starten</translation>
    </message>
    <message>
        <source>Workload R&amp;ate</source>
        <translation>Workload-&amp;Rate</translation>
    </message>
    <message numerus="yes">
        <source>%Ln write(s) per second</source>
        <translation>
            <numerusform>%Ln Schreibvorgang pro Sekunde</numerusform>
            <numerusform>%Ln Schreibvorgänge pro Sekunde</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Write Once</source>
        <translation>&amp;Einmal schreiben</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About ShardScope</source>
        <translation>Ü&amp;ber ShardScope</translation>
    </message>
    <message>
        <source>About ShardScope</source>
        <translation>Über ShardScope</translation>
    </message>
    <message>
        <source>&lt;b&gt;ShardScope&lt;/b&gt;&lt;br&gt;A desktop lab for DynamoDB-style tables and their change streams.</source>
        <translation>&lt;b&gt;ShardScope&lt;/b&gt;&lt;br&gt;Ein Desktop-Labor für Tabellen im Stil von DynamoDB und ihre Change Streams.</translation>
    </message>
    <message>
        <source>%1 — ShardScope</source>
        <translation>%1 – ShardScope</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>im Arbeitsspeicher</translation>
    </message>
    <message numerus="yes">
        <source>The window fell behind and skipped %Ln event(s); the stream itself lost nothing.</source>
        <translation>
            <numerusform>Das Fenster kam nicht hinterher und hat %Ln Ereignis übersprungen; im Stream selbst fehlt nichts.</numerusform>
            <numerusform>Das Fenster kam nicht hinterher und hat %Ln Ereignisse übersprungen; im Stream selbst fehlt nichts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Shards roll over every 4 hours and split above 1,000 records/s, as in DynamoDB. The wheel zooms; a click lists a shard&apos;s records.</source>
        <translation>Shards werden wie bei DynamoDB alle 4 Stunden abgelöst und teilen sich ab 1.000 Datensätzen/s. Das Mausrad zoomt; ein Klick listet die Datensätze eines Shards.</translation>
    </message>
    <message numerus="yes">
        <source>Shards roll over every %n minute(s) (a lab setting; DynamoDB: about 4 hours) and split above 1,000 records/s. The wheel zooms; a click lists a shard&apos;s records.</source>
        <translation>
            <numerusform>Shards werden jede Minute abgelöst (Laboreinstellung; DynamoDB: etwa 4 Stunden) und teilen sich ab 1.000 Datensätzen/s. Das Mausrad zoomt; ein Klick listet die Datensätze eines Shards.</numerusform>
            <numerusform>Shards werden alle %n Minuten abgelöst (Laboreinstellung; DynamoDB: etwa 4 Stunden) und teilen sich ab 1.000 Datensätzen/s. Das Mausrad zoomt; ein Klick listet die Datensätze eines Shards.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shards roll over every %n second(s) (a lab setting; DynamoDB: about 4 hours) and split above 1,000 records/s. The wheel zooms; a click lists a shard&apos;s records.</source>
        <translation>
            <numerusform>Shards werden jede Sekunde abgelöst (Laboreinstellung; DynamoDB: etwa 4 Stunden) und teilen sich ab 1.000 Datensätzen/s. Das Mausrad zoomt; ein Klick listet die Datensätze eines Shards.</numerusform>
            <numerusform>Shards werden alle %n Sekunden abgelöst (Laboreinstellung; DynamoDB: etwa 4 Stunden) und teilen sich ab 1.000 Datensätzen/s. Das Mausrad zoomt; ein Klick listet die Datensätze eines Shards.</numerusform>
        </translation>
    </message>
    <message>
        <source>expired items go at the next sweep</source>
        <translation>abgelaufene Items verschwinden beim nächsten Durchlauf</translation>
    </message>
    <message>
        <source>expired items stay readable for minutes to hours</source>
        <translation>abgelaufene Items bleiben Minuten bis Stunden lesbar</translation>
    </message>
    <message>
        <source>Table %1</source>
        <translation>Tabelle %1</translation>
    </message>
    <message>
        <source>Delete Table</source>
        <translation>Tabelle löschen</translation>
    </message>
    <message>
        <source>Delete %1 and all its items? Its stream stays readable for 24 hours; this cannot be undone.</source>
        <translation>Tabelle %1 mit allen Items löschen? Ihr Stream bleibt 24 Stunden lesbar; das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleting index %1: %2</source>
        <translation>Index %1 wird gelöscht: %2</translation>
    </message>
    <message>
        <source>Creating index %1: %2</source>
        <translation>Index %1 wird angelegt: %2</translation>
    </message>
    <message>
        <source>Endpoint not started</source>
        <translation>Endpunkt nicht gestartet</translation>
    </message>
    <message>
        <source>The endpoint could not listen on 127.0.0.1:%1.

%2</source>
        <translation>Der Endpunkt konnte nicht auf 127.0.0.1:%1 lauschen.

%2</translation>
    </message>
    <message>
        <source>&amp;Stop Endpoint</source>
        <translation>Endpunkt &amp;stoppen</translation>
    </message>
    <message>
        <source>Endpoint: http://127.0.0.1:%1</source>
        <translation>Endpunkt: http://127.0.0.1:%1</translation>
    </message>
    <message>
        <source>Endpoint off (%1 starts it)</source>
        <translation>Endpunkt aus (%1 startet ihn)</translation>
    </message>
    <message>
        <source>Copied: credentials, region and --endpoint-url %1</source>
        <translation>Kopiert: Zugangsdaten, Region und --endpoint-url %1</translation>
    </message>
    <message>
        <source>Workload: %L1 writes/s</source>
        <translation>Workload: %L1 Schreibvorgänge/s</translation>
    </message>
    <message>
        <source>Workload paused</source>
        <translation>Workload angehalten</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>Arbeitsbereich lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>ShardScope workspaces (*.db);;All files (*)</source>
        <translation>ShardScope-Arbeitsbereiche (*.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>New Workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <source>ShardScope workspaces (*.db)</source>
        <translation>ShardScope-Arbeitsbereiche (*.db)</translation>
    </message>
    <message>
        <source>%1 already exists. Open it with File → Open, or choose a new name.</source>
        <translation>%1 gibt es schon. Öffnen Sie die Datei mit Datei → Öffnen oder wählen Sie einen neuen Namen.</translation>
    </message>
    <message>
        <source>%1 copy</source>
        <translation>%1 Kopie</translation>
    </message>
    <message>
        <source>Save Workspace As</source>
        <translation>Arbeitsbereich speichern unter</translation>
    </message>
    <message>
        <source>Saving a copy to %1…</source>
        <translation>Kopie wird in %1 gespeichert…</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Saved; now working in %1</source>
        <translation>Gespeichert; weiter geht es in %1</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederherstellen: %1</translation>
    </message>
</context>
<context>
    <name>shardscope::ui::RecordDetails</name>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Alt</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>NewImage</source>
        <translation>NewImage</translation>
    </message>
    <message>
        <source>OldImage</source>
        <translation>OldImage</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Select a record to see its keys, images and what changed.</source>
        <translation>Wählen Sie einen Datensatz, um seine Keys, Images und Änderungen zu sehen.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Record %1 is no longer in the stream: records are trimmed 24 hours after they are written.</source>
        <translation>Datensatz %1 ist nicht mehr im Stream: Datensätze werden 24 Stunden nach dem Schreiben entfernt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2 &amp;nbsp;·&amp;nbsp; sequence %3 &amp;nbsp;·&amp;nbsp; shard %4 &amp;nbsp;·&amp;nbsp; %5 bytes &amp;nbsp;·&amp;nbsp; %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2 &amp;nbsp;·&amp;nbsp; Sequenz %3 &amp;nbsp;·&amp;nbsp; Shard %4 &amp;nbsp;·&amp;nbsp; %5 Bytes &amp;nbsp;·&amp;nbsp; %6</translation>
    </message>
    <message>
        <source>Deleted by Time to Live: userIdentity is {Type: Service, PrincipalId: dynamodb.amazonaws.com}. </source>
        <translation>Von Time to Live gelöscht: userIdentity ist {Type: Service, PrincipalId: dynamodb.amazonaws.com}. </translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>in new image</source>
        <translation>im neuen Image</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>in old image</source>
        <translation>im alten Image</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>(not captured by this view type)</source>
        <translation>(von diesem View-Type nicht erfasst)</translation>
    </message>
    <message>
        <source>(none: the item was deleted)</source>
        <translation>(keins: Das Item wurde gelöscht)</translation>
    </message>
    <message>
        <source>(none: the item did not exist before)</source>
        <translation>(keins: Das Item gab es vorher nicht)</translation>
    </message>
</context>
<context>
    <name>shardscope::ui::ShardLanesView</name>
    <message>
        <source>Select a table with a stream to see its shards.</source>
        <translation>Wählen Sie eine Tabelle mit Stream, um ihre Shards zu sehen.</translation>
    </message>
    <message>
        <source>24 h trim edge</source>
        <translation>24-h-Kürzungsgrenze</translation>
    </message>
    <message numerus="yes">
        <source>%Ln shard(s)</source>
        <translation>
            <numerusform>%Ln Shard</numerusform>
            <numerusform>%Ln Shards</numerusform>
        </translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>Parent: %1&lt;br&gt;</source>
        <translation>Eltern-Shard: %1&lt;br&gt;</translation>
    </message>
    <message>
        <source>Created: %1&lt;br&gt;</source>
        <translation>Angelegt: %1&lt;br&gt;</translation>
    </message>
    <message>
        <source>Closed: %1&lt;br&gt;</source>
        <translation>Geschlossen: %1&lt;br&gt;</translation>
    </message>
    <message>
        <source>Open&lt;br&gt;</source>
        <translation>Offen&lt;br&gt;</translation>
    </message>
    <message>
        <source>Sequence numbers: %1 → %2&lt;br&gt;</source>
        <translation>Sequenznummern: %1 → %2&lt;br&gt;</translation>
    </message>
    <message>
        <source>(open)</source>
        <translation>(offen)</translation>
    </message>
    <message>
        <source>Partition-key hashes: %1 – %2&lt;br&gt;</source>
        <translation>Partition-Key-Hashes: %1 – %2&lt;br&gt;</translation>
    </message>
    <message>
        <source>Click to list its records.</source>
        <translation>Ein Klick listet seine Datensätze auf.</translation>
    </message>
</context>
<context>
    <name>shardscope::ui::StreamInspector</name>
    <message>
        <source>Cancel search</source>
        <translation>Suche abbrechen</translation>
    </message>
    <message>
        <source>Jump to latest</source>
        <translation>Zum neuesten</translation>
    </message>
    <message>
        <source>Follow new records again (%1)</source>
        <translation>Wieder neuen Datensätzen folgen (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Searching images… %1 of %Ln record(s) read</source>
        <translation>
            <numerusform>Images werden durchsucht… %1 von %Ln Datensatz gelesen</numerusform>
            <numerusform>Images werden durchsucht… %1 von %Ln Datensätzen gelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Searching images…</source>
        <translation>Images werden durchsucht…</translation>
    </message>
    <message>
        <source>TTL deletions only</source>
        <translation>Nur TTL-Löschungen</translation>
    </message>
    <message>
        <source>All tables</source>
        <translation>Alle Tabellen</translation>
    </message>
    <message>
        <source>Key contains…</source>
        <translation>Key enthält…</translation>
    </message>
    <message>
        <source>Records whose keys contain this text; start with = for one item&apos;s keys exactly</source>
        <translation>Datensätze, deren Keys diesen Text enthalten; mit = am Anfang genau die Keys eines Items</translation>
    </message>
    <message>
        <source>Text in images…</source>
        <translation>Text in Images…</translation>
    </message>
    <message>
        <source>Records whose NewImage or OldImage has this text in an attribute name or value (any case); the images are read from the workspace, records arriving later are searched as they come</source>
        <translation>Datensätze, deren NewImage oder OldImage diesen Text in einem Attributnamen oder -wert enthält (Groß-/Kleinschreibung egal); die Images werden aus dem Arbeitsbereich gelesen, später eintreffende Datensätze beim Eintreffen durchsucht</translation>
    </message>
    <message>
        <source>Sequence range N..M</source>
        <translation>Sequenzbereich N..M</translation>
    </message>
    <message>
        <source>Go to a sequence number or time</source>
        <translation>Zu Sequenznummer oder Zeit</translation>
    </message>
    <message>
        <source>A sequence number, or a UTC time like 2026-11-25 10:00:00; Enter selects the first record at or after it</source>
        <translation>Eine Sequenznummer oder eine UTC-Zeit wie 2026-11-25 10:00:00; die Eingabetaste wählt den ersten Datensatz ab dieser Stelle</translation>
    </message>
    <message>
        <source>The images could not be read: %1</source>
        <translation>Die Images ließen sich nicht lesen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Search cancelled: %n record(s) found so far are shown</source>
        <translation>
            <numerusform>Suche abgebrochen: Der bisher gefundene Datensatz wird angezeigt</numerusform>
            <numerusform>Suche abgebrochen: Die %n bisher gefundenen Datensätze werden angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) with “%1” in their images</source>
        <translation>
            <numerusform>%n Datensatz mit „%1“ in seinen Images</numerusform>
            <numerusform>%n Datensätze mit „%1“ in ihren Images</numerusform>
        </translation>
    </message>
    <message>
        <source>Not a sequence number or a time: &quot;%1&quot;</source>
        <translation>Weder Sequenznummer noch Zeit: „%1“</translation>
    </message>
    <message>
        <source>No record at or after &quot;%1&quot;</source>
        <translation>Kein Datensatz ab „%1“</translation>
    </message>
    <message>
        <source>That record is hidden by the filter</source>
        <translation>Dieser Datensatz ist ausgefiltert</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln Datensatz</numerusform>
            <numerusform>%Ln Datensätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The filter shows %1 of %Ln record(s)</source>
        <translation>
            <numerusform>Der Filter zeigt %1 von %Ln Datensatz</numerusform>
            <numerusform>Der Filter zeigt %1 von %Ln Datensätzen</numerusform>
        </translation>
    </message>
    <message>
        <source> — following new records</source>
        <translation> – folgt neuen Datensätzen</translation>
    </message>
    <message numerus="yes">
        <source> — paused — %Ln new</source>
        <translation>
            <numerusform> – angehalten – %Ln neuer</numerusform>
            <numerusform> – angehalten – %Ln neue</numerusform>
        </translation>
    </message>
    <message>
        <source>Follow this item (%1)</source>
        <translation>Diesem Item folgen (%1)</translation>
    </message>
    <message>
        <source>Show all records</source>
        <translation>Alle Datensätze anzeigen</translation>
    </message>
</context>
<context>
    <name>shardscope::ui::StreamRecordModel</name>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>Deleted by Time to Live (userIdentity: dynamodb.amazonaws.com)</source>
        <translation>Von Time to Live gelöscht (userIdentity: dynamodb.amazonaws.com)</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>Sequenznummer</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
</context>
<context>
    <name>shardscope::ui::TableDialog</name>
    <message>
        <source>Table %1</source>
        <translation>Tabelle %1</translation>
    </message>
    <message>
        <source>New Table</source>
        <translation>Neue Tabelle</translation>
    </message>
    <message>
        <source>e.g. todoListTask</source>
        <translation>z. B. todoListTask</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Partition key:</source>
        <translation>&amp;Partition Key:</translation>
    </message>
    <message>
        <source>e.g. ListId</source>
        <translation>z. B. ListId</translation>
    </message>
    <message>
        <source>&amp;Sort key:</source>
        <translation>&amp;Sort Key:</translation>
    </message>
    <message>
        <source>optional, e.g. TaskId</source>
        <translation>optional, z. B. TaskId</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>S&amp;tream:</source>
        <translation>S&amp;tream:</translation>
    </message>
    <message>
        <source>optional, e.g. expires (epoch seconds)</source>
        <translation>optional, z. B. expires (Epoch-Sekunden)</translation>
    </message>
    <message>
        <source>T&amp;TL attribute:</source>
        <translation>TTL-&amp;Attribut:</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Secondary indexes</source>
        <translation>Sekundäre Indizes</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>An existing index cannot change: remove a global index and add a new one; local indexes stay as long as the table</source>
        <translation>Ein bestehender Index lässt sich nicht ändern: Einen globalen Index entfernen und neu anlegen; lokale Indizes bleiben, solange die Tabelle besteht</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird angewendet…</translation>
    </message>
</context>
<context>
    <name>shardscope::ui::TableListModel</name>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>new + old</source>
        <translation>neu + alt</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>old</source>
        <translation>alt</translation>
    </message>
    <message>
        <source>keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>%1
Key: %2
Stream: %3
TTL attribute: %4</source>
        <translation>%1
Schlüssel: %2
Stream: %3
TTL-Attribut: %4</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
</context>
<context>
    <name>shardscope::ui::TtlTimelineView</name>
    <message>
        <source>No table with TTL selected</source>
        <translation>Keine Tabelle mit TTL ausgewählt</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n expired, not yet deleted</source>
        <translation>
            <numerusform>%1 · %n abgelaufen, noch nicht gelöscht</numerusform>
            <numerusform>%1 · %n abgelaufen, noch nicht gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n deleted by TTL</source>
        <translation>
            <numerusform> · %n per TTL gelöscht</numerusform>
            <numerusform> · %n per TTL gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <source>No item in %1 has its TTL attribute yet.</source>
        <translation>Noch kein Item in %1 hat sein TTL-Attribut.</translation>
    </message>
    <message>
        <source>+ %L1 more</source>
        <translation>+ %L1 weitere</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>Written: %1&lt;br&gt;</source>
        <translation>Geschrieben: %1&lt;br&gt;</translation>
    </message>
    <message>
        <source>Expires: %1&lt;br&gt;</source>
        <translation>Läuft ab: %1&lt;br&gt;</translation>
    </message>
    <message>
        <source>Deleted by TTL: %1 (%2 s after expiry)&lt;br&gt;</source>
        <translation>Per TTL gelöscht: %1 (%2 s nach Ablauf)&lt;br&gt;</translation>
    </message>
    <message>
        <source>Expired %1 s ago, not yet deleted: reads still return it&lt;br&gt;</source>
        <translation>Vor %1 s abgelaufen, noch nicht gelöscht: Lesezugriffe liefern es noch&lt;br&gt;</translation>
    </message>
    <message>
        <source>Click to follow its stream records.</source>
        <translation>Ein Klick folgt seinen Stream-Datensätzen.</translation>
    </message>
</context>
</TS>
