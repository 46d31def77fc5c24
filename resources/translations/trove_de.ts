<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ApiConfig</name>
    <message>
        <source>an empty origin</source>
        <translation>ein leerer Ursprung</translation>
    </message>
    <message>
        <source>%1: wildcards are not allowed; name each origin, such as http://localhost:8080</source>
        <translation>%1: Platzhalter sind nicht erlaubt; nennen Sie jeden Ursprung einzeln, etwa http://localhost:8080</translation>
    </message>
    <message>
        <source>%1 has no scheme; an origin is scheme://host[:port], such as http://%1</source>
        <translation>%1 hat kein Schema; ein Ursprung ist schema://host[:port], etwa http://%1</translation>
    </message>
    <message>
        <source>%1 is not an origin: an origin is scheme://host[:port], with no path, query or user name</source>
        <translation>%1 ist kein Ursprung: ein Ursprung ist schema://host[:port], ohne Pfad, Abfrage oder Benutzernamen</translation>
    </message>
</context>
<context>
    <name>BlobStore</name>
    <message>
        <source>cannot create folder %1</source>
        <translation>Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot move blob into place: %1</source>
        <translation>Blob kann nicht an seinen Platz verschoben werden: %1</translation>
    </message>
    <message>
        <source>cannot sync folder %1 to disk</source>
        <translation>Ordner %1 kann nicht auf die Platte geschrieben werden</translation>
    </message>
    <message>
        <source>cannot remove blob %1</source>
        <translation>Blob %1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot export: %1</source>
        <translation>Export nicht möglich: %1</translation>
    </message>
    <message>
        <source>cannot export: stored bytes do not match their SHA-256</source>
        <translation>Export nicht möglich: die gespeicherten Bytes passen nicht zu ihrem SHA-256</translation>
    </message>
</context>
<context>
    <name>BodyInflater</name>
    <message>
        <source>the server sent the image encoded as &quot;%1&quot;, which Trove does not decode (it asks for none)</source>
        <translation>der Server hat das Bild als „%1“ kodiert gesendet, was Trove nicht dekodiert (es fragt nach keiner Kodierung)</translation>
    </message>
    <message>
        <source>zlib could not start decoding the body</source>
        <translation>zlib konnte das Dekodieren des Inhalts nicht beginnen</translation>
    </message>
    <message>
        <source>the server&apos;s compressed body is corrupt: %1</source>
        <translation>der komprimierte Inhalt des Servers ist beschädigt: %1</translation>
    </message>
</context>
<context>
    <name>CatalogReader</name>
    <message>
        <source>no image with key %1</source>
        <translation>kein Bild mit Schlüssel %1</translation>
    </message>
    <message>
        <source>the smart collection “%1” refers to itself</source>
        <translation>die intelligente Sammlung „%1“ verweist auf sich selbst</translation>
    </message>
</context>
<context>
    <name>CatalogSalvage</name>
    <message>
        <source>%1: unreadable (%2)</source>
        <translation>%1: unlesbar (%2)</translation>
    </message>
    <message>
        <source>%1: gave up after key %2 (%3)</source>
        <translation>%1: nach Schlüssel %2 aufgegeben (%3)</translation>
    </message>
    <message>
        <source>%1: unreadable after key %2 (%3)</source>
        <translation>%1: nach Schlüssel %2 unlesbar (%3)</translation>
    </message>
    <message>
        <source>%1: stepped over an unreadable stretch of keys %2 to %3 (%4)</source>
        <translation>%1: unlesbaren Bereich der Schlüssel %2 bis %3 übersprungen (%4)</translation>
    </message>
    <message>
        <source>catalog: cannot be opened (%1)</source>
        <translation>Katalog: kann nicht geöffnet werden (%1)</translation>
    </message>
    <message>
        <source>library %1 is read-only: %2</source>
        <translation>Bibliothek %1 ist schreibgeschützt: %2</translation>
    </message>
    <message>
        <source>Reading what the damaged catalog still holds</source>
        <translation>Lese, was der beschädigte Katalog noch enthält</translation>
    </message>
    <message>
        <source>Rebuilding images from their stored files</source>
        <translation>Baue Bilder aus ihren gespeicherten Dateien neu auf</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>%1 fehlt</translation>
    </message>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation>
            <numerusform>; und %n weiterer</numerusform>
            <numerusform>; und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Collections</name>
    <message>
        <source>a collection needs a name</source>
        <translation>eine Sammlung braucht einen Namen</translation>
    </message>
    <message>
        <source>a collection name cannot contain &quot;</source>
        <translation>ein Sammlungsname darf kein &quot; enthalten</translation>
    </message>
    <message>
        <source>a collection name is at most %1 characters</source>
        <translation>ein Sammlungsname hat höchstens %1 Zeichen</translation>
    </message>
    <message>
        <source>no collection named “%1”</source>
        <translation>keine Sammlung namens „%1“</translation>
    </message>
    <message>
        <source>“%1” is a smart collection (a saved search): images are not added to it or ordered by hand</source>
        <translation>„%1“ ist eine intelligente Sammlung (eine gespeicherte Suche): Bilder werden ihr nicht hinzugefügt und nicht von Hand sortiert</translation>
    </message>
    <message>
        <source>a smart collection needs a search</source>
        <translation>eine intelligente Sammlung braucht eine Suche</translation>
    </message>
    <message>
        <source>a collection named “%1” exists already</source>
        <translation>eine Sammlung namens „%1“ gibt es bereits</translation>
    </message>
    <message>
        <source>that image is not in “%1”</source>
        <translation>dieses Bild ist nicht in „%1“</translation>
    </message>
    <message>
        <source>a smart collection cannot name itself (in:%1)</source>
        <translation>eine intelligente Sammlung kann sich nicht selbst nennen (in:%1)</translation>
    </message>
    <message>
        <source>“%1” names “%2”, which names it back</source>
        <translation>„%1“ nennt „%2“, das es wieder nennt</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>the disk is full (%1)</source>
        <translation>die Platte ist voll (%1)</translation>
    </message>
    <message>
        <source>database error: %1</source>
        <translation>Datenbankfehler: %1</translation>
    </message>
    <message>
        <source>cannot move %1 aside to %2</source>
        <translation>%1 kann nicht nach %2 beiseitegelegt werden</translation>
    </message>
    <message>
        <source>%1 is damaged (%2)</source>
        <translation>%1 ist beschädigt (%2)</translation>
    </message>
    <message>
        <source>library %1 is read-only: %2</source>
        <translation>Bibliothek %1 ist schreibgeschützt: %2</translation>
    </message>
    <message>
        <source>the Qt SQLite driver (QSQLITE) is not installed</source>
        <translation>der Qt-SQLite-Treiber (QSQLITE) ist nicht installiert</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>library %1 is read-only and has no catalog (%2)</source>
        <translation>Bibliothek %1 ist schreibgeschützt und hat keinen Katalog (%2)</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 was written by a newer Trove (schema %2; this build knows %3)</source>
        <translation>%1 wurde von einem neueren Trove geschrieben (Schema %2; diese Version kennt %3)</translation>
    </message>
    <message>
        <source>%1 is read-only and was written by an older Trove (schema %2); open it once where it can be written to upgrade it</source>
        <translation>%1 ist schreibgeschützt und wurde von einem älteren Trove geschrieben (Schema %2); öffnen Sie sie einmal mit Schreibrechten, um sie zu aktualisieren</translation>
    </message>
    <message>
        <source>cannot switch %1 to %2: %3</source>
        <translation>%1 kann nicht auf %2 umgestellt werden: %3</translation>
    </message>
    <message>
        <source>cannot upgrade %1 to schema %2: %3</source>
        <translation>%1 kann nicht auf Schema %2 aktualisiert werden: %3</translation>
    </message>
</context>
<context>
    <name>DiskSpace</name>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>free space unknown</source>
        <translation>freier Speicher unbekannt</translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation>%1 frei</translation>
    </message>
    <message>
        <source>no space left on %1: %2</source>
        <translation>kein Platz mehr auf %1: %2</translation>
    </message>
    <message>
        <source>no space left on %1: %2, this image needs %3</source>
        <translation>kein Platz mehr auf %1: %2, dieses Bild braucht %3</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Images (%1)</source>
        <translation>Bilder (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>FolderWalker</name>
    <message>
        <source>cannot read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>symbolic link loop back to %1</source>
        <translation>symbolischer Link zeigt im Kreis zurück auf %1</translation>
    </message>
    <message>
        <source>not a folder</source>
        <translation>kein Ordner</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>Datei oder Ordner nicht vorhanden</translation>
    </message>
    <message>
        <source>cannot follow symbolic link to %1</source>
        <translation>symbolischem Link auf %1 kann nicht gefolgt werden</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>keine Berechtigung</translation>
    </message>
    <message>
        <source>input/output error</source>
        <translation>Ein-/Ausgabefehler</translation>
    </message>
    <message>
        <source>cannot open folder: %1</source>
        <translation>Ordner kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>cannot list folder: %1</source>
        <translation>Ordner kann nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>the name is not valid UTF-8: rename it to add it</source>
        <translation>der Name ist kein gültiges UTF-8: zum Hinzufügen umbenennen</translation>
    </message>
</context>
<context>
    <name>GzipCodec</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>zlib could not start compressing</source>
        <translation>zlib konnte die Kompression nicht starten</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>zlib failed while compressing</source>
        <translation>zlib ist beim Komprimieren gescheitert</translation>
    </message>
    <message>
        <source>cannot sync %1 to disk</source>
        <translation>%1 kann nicht auf die Platte geschrieben werden</translation>
    </message>
    <message>
        <source>zlib could not start decompressing</source>
        <translation>zlib konnte das Entpacken nicht starten</translation>
    </message>
    <message>
        <source>truncated gzip data</source>
        <translation>abgeschnittene gzip-Daten</translation>
    </message>
    <message>
        <source>CRC mismatch</source>
        <translation>CRC stimmt nicht</translation>
    </message>
    <message>
        <source>corrupt gzip data (%1)</source>
        <translation>beschädigte gzip-Daten (%1)</translation>
    </message>
    <message>
        <source>corrupt gzip data</source>
        <translation>beschädigte gzip-Daten</translation>
    </message>
    <message>
        <source>unexpected data after the gzip member</source>
        <translation>unerwartete Daten nach dem gzip-Block</translation>
    </message>
    <message>
        <source>image too large to load (%1 bytes)</source>
        <translation>Bild zu groß zum Laden (%1 Bytes)</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <source>About Trove</source>
        <translation>Über Trove</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Trove %1&lt;/h3&gt;&lt;p&gt;Collect images from the web into a fast local gallery.&lt;/p&gt;&lt;p&gt;Paste or drop image links, files or pictures from a browser; Trove downloads them in the background, keeps the original bytes losslessly compressed and shows them as a searchable gallery.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Trove %1&lt;/h3&gt;&lt;p&gt;Sammelt Bilder aus dem Web in einer schnellen lokalen Galerie.&lt;/p&gt;&lt;p&gt;Fügen Sie Bildlinks, Dateien oder Bilder aus einem Browser ein oder ziehen Sie sie hierher; Trove lädt sie im Hintergrund herunter, bewahrt die Originalbytes verlustfrei komprimiert auf und zeigt sie als durchsuchbare Galerie.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Ctrl+V</source>
        <translation>Strg+V</translation>
    </message>
    <message>
        <source>Add the links, files or image on the clipboard</source>
        <translation>Links, Dateien oder Bild aus der Zwischenablage hinzufügen</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Strg+O</translation>
    </message>
    <message>
        <source>Add image files</source>
        <translation>Bilddateien hinzufügen</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Strg+F</translation>
    </message>
    <message>
        <source>Search (type tag:name for one tag)</source>
        <translation>Suchen (tag:Name für einen Tag eingeben)</translation>
    </message>
    <message>
        <source>Enter, double-click</source>
        <translation>Eingabe, Doppelklick</translation>
    </message>
    <message>
        <source>Open the image</source>
        <translation>Bild öffnen</translation>
    </message>
    <message>
        <source>Ctrl+C</source>
        <translation>Strg+C</translation>
    </message>
    <message>
        <source>Copy the image</source>
        <translation>Bild kopieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Strg+Umschalt+C</translation>
    </message>
    <message>
        <source>Copy the source link</source>
        <translation>Quelllink kopieren</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Strg+E</translation>
    </message>
    <message>
        <source>Export the original</source>
        <translation>Original exportieren</translation>
    </message>
    <message>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <source>Edit name and tags</source>
        <translation>Name und Tags bearbeiten</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Entf</translation>
    </message>
    <message>
        <source>Remove the selected images (in the queue: cancel)</source>
        <translation>Ausgewählte Bilder entfernen (in der Warteschlange: abbrechen)</translation>
    </message>
    <message>
        <source>Ctrl+A</source>
        <translation>Strg+A</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Alles auswählen</translation>
    </message>
    <message>
        <source>Ctrl++ or Ctrl+=, Ctrl+-</source>
        <translation>Strg++ oder Strg+=, Strg+-</translation>
    </message>
    <message>
        <source>Larger or smaller thumbnails</source>
        <translation>Größere oder kleinere Vorschaubilder</translation>
    </message>
    <message>
        <source>Shift+arrows, Shift+click</source>
        <translation>Umschalt+Pfeiltasten, Umschalt+Klick</translation>
    </message>
    <message>
        <source>Extend the selection in reading order</source>
        <translation>Auswahl in Leserichtung erweitern</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Clear the search, then the selection</source>
        <translation>Erst die Suche, dann die Auswahl leeren</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Strg+I</translation>
    </message>
    <message>
        <source>Library statistics</source>
        <translation>Bibliotheksstatistik</translation>
    </message>
    <message>
        <source>In the viewer</source>
        <translation>In der Bildansicht</translation>
    </message>
    <message>
        <source>Right, Page Down, Space</source>
        <translation>Rechts, Bild ab, Leertaste</translation>
    </message>
    <message>
        <source>Next image</source>
        <translation>Nächstes Bild</translation>
    </message>
    <message>
        <source>Left, Page Up</source>
        <translation>Links, Bild auf</translation>
    </message>
    <message>
        <source>Previous image</source>
        <translation>Vorheriges Bild</translation>
    </message>
    <message>
        <source>+, -, wheel</source>
        <translation>+, -, Mausrad</translation>
    </message>
    <message>
        <source>Zoom in, out</source>
        <translation>Vergrößern, verkleinern</translation>
    </message>
    <message>
        <source>Fit to window, 100 %, fit width</source>
        <translation>In Fenster einpassen, 100 %, Breite einpassen</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Slideshow (any key or click stops it)</source>
        <translation>Diashow (jede Taste oder ein Klick beendet sie)</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Pause or play an animation</source>
        <translation>Animation anhalten oder abspielen</translation>
    </message>
    <message>
        <source>, .</source>
        <translation>, .</translation>
    </message>
    <message>
        <source>Previous or next frame of an animation</source>
        <translation>Vorheriges oder nächstes Einzelbild einer Animation</translation>
    </message>
    <message>
        <source>R, Shift+R</source>
        <translation>R, Umschalt+R</translation>
    </message>
    <message>
        <source>Turn the picture (for display only)</source>
        <translation>Bild drehen (nur für die Anzeige)</translation>
    </message>
    <message>
        <source>Leave full screen, then back to the gallery</source>
        <translation>Vollbild verlassen, dann zurück zur Galerie</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>red forest</source>
        <translation>red forest</translation>
    </message>
    <message>
        <source>Both words, each in the name, a tag or a source site</source>
        <translation>Beide Wörter, jeweils im Namen, in einem Tag oder in der Website der Quelle</translation>
    </message>
    <message>
        <source>&quot;red forest&quot;</source>
        <translation>&quot;red forest&quot;</translation>
    </message>
    <message>
        <source>The words together, as typed</source>
        <translation>Die Wörter zusammen, wie eingegeben</translation>
    </message>
    <message>
        <source>tag:nature</source>
        <translation>tag:nature</translation>
    </message>
    <message>
        <source>Tagged nature (any case); tag:&quot;two words&quot; for a tag with spaces</source>
        <translation>Mit dem Tag nature (Groß-/Kleinschreibung egal); tag:&quot;two words&quot; für einen Tag mit Leerzeichen</translation>
    </message>
    <message>
        <source>-tag:nature, NOT tag:nature</source>
        <translation>-tag:nature, NOT tag:nature</translation>
    </message>
    <message>
        <source>Without the tag nature; a minus excludes any term</source>
        <translation>Ohne den Tag nature; ein Minus schließt jeden Begriff aus</translation>
    </message>
    <message>
        <source>cat OR dog</source>
        <translation>cat OR dog</translation>
    </message>
    <message>
        <source>Either (OR in capitals)</source>
        <translation>Eines von beiden (OR in Großbuchstaben)</translation>
    </message>
    <message>
        <source>(cat OR dog) -tag:sketch</source>
        <translation>(cat OR dog) -tag:sketch</translation>
    </message>
    <message>
        <source>Parentheses group terms</source>
        <translation>Klammern gruppieren Begriffe</translation>
    </message>
    <message>
        <source>untagged</source>
        <translation>untagged</translation>
    </message>
    <message>
        <source>Images with no tag</source>
        <translation>Bilder ohne Tag</translation>
    </message>
    <message>
        <source>site:example.com</source>
        <translation>site:example.com</translation>
    </message>
    <message>
        <source>From example.com or any of its subdomains</source>
        <translation>Von example.com oder einer seiner Subdomains</translation>
    </message>
    <message>
        <source>format:png</source>
        <translation>format:png</translation>
    </message>
    <message>
        <source>By format: png, jpeg (or jpg), gif, webp, heic, svg (svgz too), …</source>
        <translation>Nach Format: png, jpeg (oder jpg), gif, webp, heic, svg (auch svgz), …</translation>
    </message>
    <message>
        <source>width:&gt;1000, height:&lt;=200</source>
        <translation>width:&gt;1000, height:&lt;=200</translation>
    </message>
    <message>
        <source>By size in pixels: &lt;, &lt;=, =, &gt;=, &gt;</source>
        <translation>Nach Größe in Pixeln: &lt;, &lt;=, =, &gt;=, &gt;</translation>
    </message>
    <message>
        <source>pixels:&gt;2M</source>
        <translation>pixels:&gt;2M</translation>
    </message>
    <message>
        <source>By width × height; K and M for thousands and millions</source>
        <translation>Nach Breite × Höhe; K und M für Tausend und Millionen</translation>
    </message>
    <message>
        <source>size:&gt;1MB</source>
        <translation>size:&gt;1MB</translation>
    </message>
    <message>
        <source>By file size; KB, MB and GB count in 1024s</source>
        <translation>Nach Dateigröße; KB, MB und GB zählen in 1024er-Schritten</translation>
    </message>
    <message>
        <source>added:2026-11</source>
        <translation>added:2026-11</translation>
    </message>
    <message>
        <source>Added in that month; also a year or a day</source>
        <translation>In diesem Monat hinzugefügt; auch ein Jahr oder ein Tag</translation>
    </message>
    <message>
        <source>added:&gt;2026-11-20</source>
        <translation>added:&gt;2026-11-20</translation>
    </message>
    <message>
        <source>Added after that day; &lt;, &lt;=, &gt;= too</source>
        <translation>Nach diesem Tag hinzugefügt; auch &lt;, &lt;=, &gt;=</translation>
    </message>
    <message>
        <source>added:2026-11-01..2026-11-15</source>
        <translation>added:2026-11-01..2026-11-15</translation>
    </message>
    <message>
        <source>Added in that range, both days included</source>
        <translation>In diesem Zeitraum hinzugefügt, beide Tage eingeschlossen</translation>
    </message>
    <message>
        <source>Terms separated by spaces must all match. A search Trove cannot read is explained under the search box.</source>
        <translation>Durch Leerzeichen getrennte Begriffe müssen alle zutreffen. Kann Trove eine Suche nicht lesen, steht die Erklärung unter dem Suchfeld.</translation>
    </message>
    <message>
        <source>The same search works in &quot;trove list --search&quot; and in the local API&apos;s search=.</source>
        <translation>Dieselbe Suche funktioniert in „trove list --search“ und im search= der lokalen API.</translation>
    </message>
    <message>
        <source>Search Syntax</source>
        <translation>Suchsyntax</translation>
    </message>
    <message>
        <source>1 to 5, 0</source>
        <translation>1 bis 5, 0</translation>
    </message>
    <message>
        <source>Rate the selected images, or clear their rating</source>
        <translation>Ausgewählte Bilder bewerten oder ihre Bewertung löschen</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Mark or unmark the selected images as favourites</source>
        <translation>Ausgewählte Bilder als Favoriten markieren oder die Markierung aufheben</translation>
    </message>
    <message>
        <source>Ctrl+0, Ctrl+1, W</source>
        <translation>Strg+0, Strg+1, W</translation>
    </message>
    <message>
        <source>F11, double-click</source>
        <translation>F11, Doppelklick</translation>
    </message>
    <message>
        <source>rating:&gt;=4, rating:3, rating:&lt;2</source>
        <translation>rating:&gt;=4, rating:3, rating:&lt;2</translation>
    </message>
    <message>
        <source>By rating, 0 (not rated) to 5 stars: &lt;, &lt;=, =, &gt;=, &gt;</source>
        <translation>Nach Bewertung, 0 (nicht bewertet) bis 5 Sterne: &lt;, &lt;=, =, &gt;=, &gt;</translation>
    </message>
    <message>
        <source>fav</source>
        <translation>fav</translation>
    </message>
    <message>
        <source>Favourites only; -fav for the others</source>
        <translation>Nur Favoriten; -fav für die anderen</translation>
    </message>
    <message>
        <source>in:&quot;holiday 2026&quot;</source>
        <translation>in:&quot;holiday 2026&quot;</translation>
    </message>
    <message>
        <source>&quot;say \&quot;hi\&quot;&quot;, tag:&quot;C:\\photos&quot;</source>
        <translation>&quot;say \&quot;hi\&quot;&quot;, tag:&quot;C:\\photos&quot;</translation>
    </message>
    <message>
        <source>Inside quotes, \&quot; is a quote and \\ a backslash</source>
        <translation>In Anführungszeichen ist \&quot; ein Anführungszeichen und \\ ein Backslash</translation>
    </message>
    <message>
        <source>F2 in the Collections dock</source>
        <translation>F2 im Sammlungen-Dock</translation>
    </message>
    <message>
        <source>Rename the collection (undo with Ctrl+Z)</source>
        <translation>Die Sammlung umbenennen (rückgängig mit Strg+Z)</translation>
    </message>
    <message>
        <source>Drag in Collection order</source>
        <translation>Ziehen in der Sammlungsreihenfolge</translation>
    </message>
    <message>
        <source>Move the selected images between others in the collection shown (undo with Ctrl+Z)</source>
        <translation>Die ausgewählten Bilder in der angezeigten Sammlung zwischen andere verschieben (rückgängig mit Strg+Z)</translation>
    </message>
    <message>
        <source>In that collection (any case); a smart collection finds what its saved search finds. Alone, a hand-made one can be sorted by Collection order (its own order: drag to reorder)</source>
        <translation>In dieser Sammlung (Groß-/Kleinschreibung egal); eine intelligente Sammlung findet, was ihre gespeicherte Suche findet. Allein lässt sich eine von Hand zusammengestellte nach Sammlungsreihenfolge sortieren (ihre eigene Reihenfolge: zum Umordnen ziehen)</translation>
    </message>
    <message>
        <source>F8</source>
        <translation>F8</translation>
    </message>
    <message>
        <source>Show the next item in the queue that failed</source>
        <translation>Das nächste fehlgeschlagene Element der Warteschlange zeigen</translation>
    </message>
</context>
<context>
    <name>ImageProcessor</name>
    <message>
        <source>cannot decode image: %1</source>
        <translation>Bild kann nicht dekodiert werden: %1</translation>
    </message>
    <message>
        <source>unsupported or corrupt image (%1): %2</source>
        <translation>nicht unterstütztes oder beschädigtes Bild (%1): %2</translation>
    </message>
    <message>
        <source>image too large: %1x%2</source>
        <translation>Bild zu groß: %1×%2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>empty file: no image data</source>
        <translation>leere Datei: keine Bilddaten</translation>
    </message>
    <message>
        <source>unsupported or corrupt image (%1)</source>
        <translation>nicht unterstütztes oder beschädigtes Bild (%1)</translation>
    </message>
    <message>
        <source>not an image (%1)</source>
        <translation>kein Bild (%1)</translation>
    </message>
    <message>
        <source>SVG too large: %1 bytes</source>
        <translation>SVG zu groß: %1 Bytes</translation>
    </message>
    <message>
        <source>truncated image (%1)</source>
        <translation>abgeschnittenes Bild (%1)</translation>
    </message>
    <message>
        <source>unsupported or corrupt image (png): the image data is not zlib data</source>
        <translation>nicht unterstütztes oder beschädigtes Bild (png): die Bilddaten sind keine zlib-Daten</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>SVG too large: more than %1 bytes uncompressed</source>
        <translation>SVG zu groß: entpackt mehr als %1 Bytes</translation>
    </message>
</context>
<context>
    <name>IngestSource</name>
    <message>
        <source>image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>empty source</source>
        <translation>leere Quelle</translation>
    </message>
    <message>
        <source>not a valid file URL: %1</source>
        <translation>keine gültige Datei-URL: %1</translation>
    </message>
    <message>
        <source>not a valid URL: %1</source>
        <translation>keine gültige URL: %1</translation>
    </message>
    <message>
        <source>URL has no host: %1</source>
        <translation>URL ohne Host: %1</translation>
    </message>
    <message>
        <source>unsupported URL scheme: %1</source>
        <translation>nicht unterstütztes URL-Schema: %1</translation>
    </message>
    <message>
        <source>not a URL or an existing file: %1</source>
        <translation>weder URL noch vorhandene Datei: %1</translation>
    </message>
    <message>
        <source>no such file: %1</source>
        <translation>Datei nicht vorhanden: %1</translation>
    </message>
    <message>
        <source>not a file: %1</source>
        <translation>keine Datei: %1</translation>
    </message>
    <message>
        <source>cannot read %1: permission denied</source>
        <translation>%1 kann nicht gelesen werden: keine Berechtigung</translation>
    </message>
    <message>
        <source>a data: URL needs a comma before its bytes</source>
        <translation>eine data:-URL braucht ein Komma vor ihren Bytes</translation>
    </message>
    <message>
        <source>the bytes of a data: URL are not valid base64</source>
        <translation>die Bytes einer data:-URL sind kein gültiges Base64</translation>
    </message>
</context>
<context>
    <name>KeepBest</name>
    <message>
        <source>Keeps the image with the most pixels, then the best format (PNG, TIFF, BMP, JPEG XL, WebP, AVIF, HEIF, JPEG 2000, JPEG, GIF), then the oldest.</source>
        <translation>Behält das Bild mit den meisten Pixeln, dann das beste Format (PNG, TIFF, BMP, JPEG XL, WebP, AVIF, HEIF, JPEG 2000, JPEG, GIF), dann das älteste.</translation>
    </message>
</context>
<context>
    <name>LibraryAccess</name>
    <message>
        <source>the file system is mounted read-only</source>
        <translation>das Dateisystem ist schreibgeschützt eingehängt</translation>
    </message>
    <message>
        <source>no permission to write %1 (%2)</source>
        <translation>keine Schreibberechtigung für %1 (%2)</translation>
    </message>
    <message>
        <source>no permission to write %1</source>
        <translation>keine Schreibberechtigung für %1</translation>
    </message>
    <message>
        <source>library %1 is on a network drive (%2): Trove keeps a rollback journal there instead of WAL; do not open it from two computers at once</source>
        <translation>Bibliothek %1 liegt auf einem Netzlaufwerk (%2): Trove führt dort ein Rollback-Journal statt WAL; öffnen Sie sie nicht von zwei Computern gleichzeitig</translation>
    </message>
</context>
<context>
    <name>LibraryBackup</name>
    <message>
        <source>cannot create folder %1</source>
        <translation>Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot move %1 into place: %2</source>
        <translation>%1 kann nicht an seinen Platz verschoben werden: %2</translation>
    </message>
    <message>
        <source>cannot copy %1: %2</source>
        <translation>%1 kann nicht kopiert werden: %2</translation>
    </message>
    <message>
        <source>cannot open the copy %1: %2</source>
        <translation>die Kopie %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot prepare the copy: %1</source>
        <translation>die Kopie kann nicht vorbereitet werden: %1</translation>
    </message>
    <message>
        <source>cannot read the copy: %1</source>
        <translation>die Kopie kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot sync %1 to disk</source>
        <translation>%1 kann nicht auf die Platte geschrieben werden</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>a blob vanished while it was copied</source>
        <translation>ein Blob ist während des Kopierens verschwunden</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 ist kein Ordner</translation>
    </message>
    <message>
        <source>the backup in %1 is unfinished (it was interrupted): run it again</source>
        <translation>die Sicherung in %1 ist unvollständig (sie wurde unterbrochen): bitte erneut ausführen</translation>
    </message>
    <message>
        <source>%1 holds no backup (no catalog.sqlite)</source>
        <translation>%1 enthält keine Sicherung (keine catalog.sqlite)</translation>
    </message>
    <message>
        <source>no library in %1</source>
        <translation>keine Bibliothek in %1</translation>
    </message>
    <message>
        <source>a backup goes outside the library, not into it</source>
        <translation>eine Sicherung gehört außerhalb der Bibliothek, nicht hinein</translation>
    </message>
    <message>
        <source>%1 is neither empty nor a Trove backup</source>
        <translation>%1 ist weder leer noch eine Trove-Sicherung</translation>
    </message>
    <message>
        <source>the library kept changing under the backup (blobs removed while it copied): run it again</source>
        <translation>die Bibliothek hat sich während der Sicherung weiter verändert (Blobs wurden beim Kopieren entfernt): bitte erneut ausführen</translation>
    </message>
    <message>
        <source>%1 holds a catalog that cannot be read, so it is not written over: %2</source>
        <translation>%1 enthält einen Katalog, der sich nicht lesen lässt, und wird daher nicht überschrieben: %2</translation>
    </message>
    <message>
        <source>%1 holds another library or a backup of another library: back up into an empty folder or into an earlier backup of this library</source>
        <translation>%1 enthält eine andere Bibliothek oder die Sicherung einer anderen Bibliothek: Sichern Sie in einen leeren Ordner oder in eine frühere Sicherung dieser Bibliothek</translation>
    </message>
    <message>
        <source>cannot back up %1: %2</source>
        <translation>%1 kann nicht gesichert werden: %2</translation>
    </message>
</context>
<context>
    <name>LibraryMove</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the library changed while it was copied (images were added or edited meanwhile): try again once nothing writes to it</source>
        <translation>die Bibliothek hat sich während des Kopierens geändert (inzwischen wurden Bilder hinzugefügt oder bearbeitet): versuchen Sie es erneut, sobald nichts mehr in sie schreibt</translation>
    </message>
    <message>
        <source>the copy holds %1 images, the library %2</source>
        <translation>die Kopie enthält %1 Bilder, die Bibliothek %2</translation>
    </message>
    <message>
        <source>the copy of %1 is missing or incomplete</source>
        <translation>die Kopie von %1 fehlt oder ist unvollständig</translation>
    </message>
    <message>
        <source>cannot copy %1 to %2</source>
        <translation>%1 kann nicht nach %2 kopiert werden</translation>
    </message>
    <message>
        <source>the library is already in %1</source>
        <translation>die Bibliothek ist bereits in %1</translation>
    </message>
    <message>
        <source>%1 is inside the library: choose a folder outside it</source>
        <translation>%1 liegt innerhalb der Bibliothek: wählen Sie einen Ordner außerhalb</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 ist kein Ordner</translation>
    </message>
    <message>
        <source>%1 is not empty: choose an empty folder or a new one</source>
        <translation>%1 ist nicht leer: wählen Sie einen leeren oder einen neuen Ordner</translation>
    </message>
    <message>
        <source>not enough free space in %1: the library needs %2, %3 free</source>
        <translation>nicht genug freier Speicher in %1: die Bibliothek braucht %2, frei sind %3</translation>
    </message>
    <message>
        <source>no library in %1</source>
        <translation>keine Bibliothek in %1</translation>
    </message>
</context>
<context>
    <name>LibraryPaths</name>
    <message>
        <source>no library folder given</source>
        <translation>kein Bibliotheksordner angegeben</translation>
    </message>
    <message>
        <source>library path %1 is not a folder</source>
        <translation>Bibliothekspfad %1 ist kein Ordner</translation>
    </message>
    <message>
        <source>cannot create folder %1</source>
        <translation>Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1 is a file, where the library&apos;s folder should be: move it away or run `trove verify --repair`</source>
        <translation>%1 ist eine Datei, wo der Ordner der Bibliothek sein sollte: verschieben Sie sie oder führen Sie `trove verify --repair` aus</translation>
    </message>
    <message>
        <source>cannot move %1 aside</source>
        <translation>%1 kann nicht beiseitegelegt werden</translation>
    </message>
</context>
<context>
    <name>PictureDecoder</name>
    <message>
        <source>ISO %1</source>
        <translation>ISO %1</translation>
    </message>
</context>
<context>
    <name>SearchLanguage</name>
    <message>
        <source>nothing to exclude after &quot;-&quot;; write -word or -tag:name</source>
        <translation>nach „-“ fehlt, was ausgeschlossen werden soll; schreiben Sie -Wort oder -tag:Name</translation>
    </message>
    <message>
        <source>a quote opened here is never closed</source>
        <translation>ein hier geöffnetes Anführungszeichen wird nie geschlossen</translation>
    </message>
    <message>
        <source>this closing parenthesis has no opening one</source>
        <translation>zu dieser schließenden Klammer gibt es keine öffnende</translation>
    </message>
    <message>
        <source>OR needs a term on each side</source>
        <translation>OR braucht auf beiden Seiten einen Begriff</translation>
    </message>
    <message>
        <source>AND needs a term on each side</source>
        <translation>AND braucht auf beiden Seiten einen Begriff</translation>
    </message>
    <message>
        <source>nothing to exclude after NOT</source>
        <translation>nach NOT fehlt, was ausgeschlossen werden soll</translation>
    </message>
    <message>
        <source>empty parentheses</source>
        <translation>leere Klammern</translation>
    </message>
    <message>
        <source>this opening parenthesis is never closed</source>
        <translation>diese öffnende Klammer wird nie geschlossen</translation>
    </message>
    <message>
        <source>empty quotes</source>
        <translation>leere Anführungszeichen</translation>
    </message>
    <message>
        <source>%1: expects a number of pixels, e.g. %1:&gt;1000</source>
        <translation>%1: erwartet eine Anzahl Pixel, z. B. %1:&gt;1000</translation>
    </message>
    <message>
        <source>unknown predicate %1:; did you mean %2:?</source>
        <translation>unbekanntes Prädikat %1:; meinten Sie %2:?</translation>
    </message>
    <message>
        <source>%1: needs a value, e.g. %2</source>
        <translation>%1: braucht einen Wert, z. B. %2</translation>
    </message>
    <message>
        <source>rating: expects a whole number from 0 to 5, e.g. rating:&gt;=4</source>
        <translation>rating: erwartet eine ganze Zahl von 0 bis 5, z. B. rating:&gt;=4</translation>
    </message>
    <message>
        <source>size: expects a number of bytes, e.g. size:&gt;1MB or size:&lt;=500KB</source>
        <translation>size: erwartet eine Anzahl Bytes, z. B. size:&gt;1MB oder size:&lt;=500KB</translation>
    </message>
    <message>
        <source>pixels: expects a number of pixels, e.g. pixels:&gt;2M</source>
        <translation>pixels: erwartet eine Anzahl Pixel, z. B. pixels:&gt;2M</translation>
    </message>
    <message>
        <source>added: expects a date: added:2026-11, added:&gt;2026-11-20 or added:2026-11-01..2026-11-15</source>
        <translation>added: erwartet ein Datum: added:2026-11, added:&gt;2026-11-20 oder added:2026-11-01..2026-11-15</translation>
    </message>
    <message>
        <source>added: the range ends before it starts</source>
        <translation>added: der Zeitraum endet, bevor er beginnt</translation>
    </message>
    <message>
        <source>a quote opened here is never closed (inside quotes \&quot; is a quote in the text; write \\ for a backslash)</source>
        <translation>ein hier geöffnetes Anführungszeichen wird nie geschlossen (in Anführungszeichen ist \&quot; ein Anführungszeichen im Text; für einen Backslash \\ schreiben)</translation>
    </message>
    <message>
        <source>unknown predicate %1:; known are %2 (put text in quotes to search for it as it is)</source>
        <translation>unbekanntes Prädikat %1:; bekannt sind %2 (setzen Sie Text in Anführungszeichen, um genau so danach zu suchen)</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <extracomment>The last two of a list: &quot;tag:, site:, … in:, untagged and fav&quot;</extracomment>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>format: %1 is not an image format Trove reads; did you mean format:%2?</source>
        <translation>format: %1 ist kein Bildformat, das Trove liest; meinten Sie format:%2?</translation>
    </message>
    <message>
        <source>format: %1 is not an image format Trove reads (it reads %2)</source>
        <translation>format: %1 ist kein Bildformat, das Trove liest (es liest %2)</translation>
    </message>
</context>
<context>
    <name>trove::CatalogWriter</name>
    <message>
        <source>removed on %1</source>
        <translation>entfernt am %1</translation>
    </message>
    <message>
        <source>a name cannot be empty</source>
        <translation>ein Name darf nicht leer sein</translation>
    </message>
    <message>
        <source>no image %1 with that SHA-256</source>
        <translation>kein Bild %1 mit diesem SHA-256</translation>
    </message>
    <message>
        <source>nothing to merge into the image</source>
        <translation>nichts, das in das Bild übernommen werden kann</translation>
    </message>
    <message>
        <source>an image cannot be merged into itself</source>
        <translation>ein Bild kann nicht mit sich selbst zusammengeführt werden</translation>
    </message>
    <message>
        <source>image %1 is not in the library</source>
        <translation>Bild %1 ist nicht in der Bibliothek</translation>
    </message>
    <message>
        <source>a tag cannot be empty</source>
        <translation>ein Tag darf nicht leer sein</translation>
    </message>
</context>
<context>
    <name>trove::CatalogWriterWorker</name>
    <message>
        <source>the library is not open</source>
        <translation>die Bibliothek ist nicht geöffnet</translation>
    </message>
    <message>
        <source>the library is busy or read-only</source>
        <translation>die Bibliothek ist beschäftigt oder schreibgeschützt</translation>
    </message>
    <message>
        <source>cannot sync %1 to disk</source>
        <translation>%1 kann nicht auf die Platte geschrieben werden</translation>
    </message>
</context>
<context>
    <name>trove::DuplicatesModel</name>
    <message numerus="yes">
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln Bild</numerusform>
            <numerusform>%Ln Bilder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::FetchWorker</name>
    <message>
        <source>unsupported URL scheme: %1</source>
        <translation>nicht unterstütztes URL-Schema: %1</translation>
    </message>
    <message>
        <source>cannot write a temp file: %1</source>
        <translation>temporäre Datei kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>timed out after %1 without data</source>
        <translation>Zeitüberschreitung nach %1 ohne Daten</translation>
    </message>
    <message>
        <source>timed out after %1</source>
        <translation>Zeitüberschreitung nach %1</translation>
    </message>
    <message>
        <source>redirect to a refused scheme: %1</source>
        <translation>Weiterleitung auf ein abgelehntes Schema: %1</translation>
    </message>
    <message>
        <source>redirect loop at %1</source>
        <translation>Weiterleitungsschleife bei %1</translation>
    </message>
    <message>
        <source>too many redirects (more than %1)</source>
        <translation>zu viele Weiterleitungen (mehr als %1)</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>too large: the server announces %1, the limit is %2</source>
        <translation>zu groß: der Server kündigt %1 an, die Grenze ist %2</translation>
    </message>
    <message>
        <source>too large: more than %1</source>
        <translation>zu groß: mehr als %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <source>HTTP %1 redirect without a Location</source>
        <translation>HTTP-%1-Weiterleitung ohne Location</translation>
    </message>
    <message>
        <source>connection closed after %1 of %2 bytes</source>
        <translation>Verbindung nach %1 von %2 Bytes geschlossen</translation>
    </message>
    <message>
        <source>empty response: no image data</source>
        <translation>leere Antwort: keine Bilddaten</translation>
    </message>
    <message>
        <source>the server&apos;s compressed body ends early (%1 bytes decoded)</source>
        <translation>der komprimierte Inhalt des Servers endet zu früh (%1 Bytes dekodiert)</translation>
    </message>
</context>
<context>
    <name>trove::FolderImport</name>
    <message>
        <source>no images found in %1</source>
        <translation>keine Bilder gefunden in %1</translation>
    </message>
</context>
<context>
    <name>trove::IngestPipeline</name>
    <message>
        <source>waiting for disk space</source>
        <translation>wartet auf Speicherplatz</translation>
    </message>
    <message>
        <source>too large: %1 bytes, the limit is %2</source>
        <translation>zu groß: %1 Bytes, die Grenze ist %2</translation>
    </message>
    <message>
        <source>%1 (the server asks to wait %2 s, more than %3 s)</source>
        <translation>%1 (der Server bittet, %2 s zu warten, mehr als %3 s)</translation>
    </message>
    <message>
        <source>%1 (after %2 attempts)</source>
        <translation>%1 (nach %2 Versuchen)</translation>
    </message>
    <message>
        <source>retrying in %1 s (%2)</source>
        <translation>neuer Versuch in %1 s (%2)</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
</context>
<context>
    <name>trove::IngestQueueModel</name>
    <message>
        <source>Queued</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Lädt herunter</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Verarbeitung</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Already in library</source>
        <translation>Schon in der Bibliothek</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>trove::LibraryReaderWorker</name>
    <message>
        <source>the library cannot be read</source>
        <translation>die Bibliothek kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>trove::RawImageIngest</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the image data is empty</source>
        <translation>die Bilddaten sind leer</translation>
    </message>
    <message>
        <source>image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>the image could not be queued</source>
        <translation>das Bild konnte nicht in die Warteschlange gestellt werden</translation>
    </message>
</context>
<context>
    <name>trove::SimilarityService</name>
    <message>
        <source>This image could not be decoded, so it cannot be compared.</source>
        <translation>Dieses Bild konnte nicht dekodiert werden und kann daher nicht verglichen werden.</translation>
    </message>
</context>
<context>
    <name>trove::SourceLabel</name>
    <message>
        <source>Pasted image</source>
        <translation>Eingefügtes Bild</translation>
    </message>
    <message>
        <source>Dropped image</source>
        <translation>Abgelegtes Bild</translation>
    </message>
    <message>
        <source>Dropped from %1</source>
        <translation>Abgelegt von %1</translation>
    </message>
    <message>
        <source>Pasted or dropped image</source>
        <translation>Eingefügtes oder abgelegtes Bild</translation>
    </message>
    <message>
        <source>Image in a data: link</source>
        <translation>Bild in einem data:-Link</translation>
    </message>
</context>
<context>
    <name>trove::TagCountsModel</name>
    <message numerus="yes">
        <source>%1: %n image(s)</source>
        <translation>
            <numerusform>%1: %n Bild</numerusform>
            <numerusform>%1: %n Bilder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::TagLimits</name>
    <message>
        <source>at most %1 tags at a time; %2 given</source>
        <translation>höchstens %1 Tags auf einmal; %2 angegeben</translation>
    </message>
    <message>
        <source>a tag is longer than %1 characters: %2…</source>
        <translation>ein Tag ist länger als %1 Zeichen: %2…</translation>
    </message>
</context>
<context>
    <name>trove::TrashModel</name>
    <message>
        <source>no library is open</source>
        <translation>keine Bibliothek ist geöffnet</translation>
    </message>
    <message>
        <source>%1
%2 × %3, %4, added %5</source>
        <translation>%1
%2 × %3, %4, hinzugefügt %5</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>the trash changed meanwhile; choose the images again</source>
        <translation>der Papierkorb hat sich inzwischen geändert; wählen Sie die Bilder erneut</translation>
    </message>
</context>
<context>
    <name>trove::ui::BackupProgress</name>
    <message>
        <source>Back Up Library</source>
        <translation>Bibliothek sichern</translation>
    </message>
    <message>
        <source>Copying the library to %1…</source>
        <translation>Kopiere die Bibliothek nach %1…</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Backup Done</source>
        <translation>Sicherung fertig</translation>
    </message>
    <message>
        <source>The library was copied to %1.</source>
        <translation>Die Bibliothek wurde nach %1 kopiert.</translation>
    </message>
    <message>
        <source>Backup Failed</source>
        <translation>Sicherung fehlgeschlagen</translation>
    </message>
    <message>
        <source>The library could not be copied to %1.</source>
        <translation>Die Bibliothek konnte nicht nach %1 kopiert werden.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s); %1 new files copied, %2 already there. To restore, open that folder with File ▸ Open Library…</source>
        <translation>
            <numerusform>%Ln Bild; %1 neue Dateien kopiert, %2 schon vorhanden. Zum Wiederherstellen öffnen Sie diesen Ordner mit Datei ▸ Bibliothek öffnen…</numerusform>
            <numerusform>%Ln Bilder; %1 neue Dateien kopiert, %2 schon vorhanden. Zum Wiederherstellen öffnen Sie diesen Ordner mit Datei ▸ Bibliothek öffnen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s), and %1 in the trash; %2 new files copied, %3 already there. To restore, open that folder with File ▸ Open Library…</source>
        <translation>
            <numerusform>%Ln Bild und %1 im Papierkorb; %2 neue Dateien kopiert, %3 schon vorhanden. Zum Wiederherstellen öffnen Sie diesen Ordner mit Datei ▸ Bibliothek öffnen…</numerusform>
            <numerusform>%Ln Bilder und %1 im Papierkorb; %2 neue Dateien kopiert, %3 schon vorhanden. Zum Wiederherstellen öffnen Sie diesen Ordner mit Datei ▸ Bibliothek öffnen…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::BrowseBar</name>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Neueste zuerst</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Älteste zuerst</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>Sortierung</translation>
    </message>
    <message>
        <source>&amp;Sort:</source>
        <translation>&amp;Sortierung:</translation>
    </message>
    <message>
        <source>&amp;Sort By</source>
        <translation>&amp;Sortieren nach</translation>
    </message>
    <message>
        <source>Search names, tags and sites…   (tag:cats -tag:dogs format:png width:&gt;1000)</source>
        <translation>Namen, Tags und Websites durchsuchen…   (tag:cats -tag:dogs format:png width:&gt;1000)</translation>
    </message>
    <message>
        <source>Search error</source>
        <translation>Suchfehler</translation>
    </message>
    <message>
        <source>Search: at character %1: %2</source>
        <extracomment>%1 is the character position, %2 why the search cannot be read</extracomment>
        <translation>Suche: bei Zeichen %1: %2</translation>
    </message>
    <message>
        <source>Search: words, tag:x, -tag:x, a OR b, site:, format:, width:&gt;N, size:&gt;1MB, added:2026-11, untagged (Help ▸ Search Syntax)</source>
        <translation>Suche: Wörter, tag:x, -tag:x, a OR b, site:, format:, width:&gt;N, size:&gt;1MB, added:2026-11, untagged (Hilfe ▸ Suchsyntax)</translation>
    </message>
    <message>
        <source>Name (natural) A–Z</source>
        <extracomment>Natural order: &quot;photo 9&quot; before &quot;photo 10&quot;, case ignored</extracomment>
        <translation>Name (natürlich) A–Z</translation>
    </message>
    <message>
        <source>Name (natural) Z–A</source>
        <translation>Name (natürlich) Z–A</translation>
    </message>
    <message>
        <source>Largest file first</source>
        <translation>Größte Datei zuerst</translation>
    </message>
    <message>
        <source>Smallest file first</source>
        <translation>Kleinste Datei zuerst</translation>
    </message>
    <message>
        <source>Most pixels first</source>
        <translation>Meiste Pixel zuerst</translation>
    </message>
    <message>
        <source>Fewest pixels first</source>
        <translation>Wenigste Pixel zuerst</translation>
    </message>
    <message>
        <source>Highest rated first</source>
        <translation>Beste Bewertung zuerst</translation>
    </message>
    <message>
        <source>Lowest rated first</source>
        <translation>Niedrigste Bewertung zuerst</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <source>Shuffle &amp;Again</source>
        <translation>&amp;Neu mischen</translation>
    </message>
    <message>
        <source>Put the images in a new random order</source>
        <translation>Die Bilder in eine neue zufällige Reihenfolge bringen</translation>
    </message>
    <message>
        <source>Collection order</source>
        <extracomment>The order a hand-made collection&apos;s images were put in (drag to reorder)</extracomment>
        <translation>Sammlungsreihenfolge</translation>
    </message>
    <message>
        <source>Search: %1</source>
        <extracomment>%1 says why the search cannot run, e.g. no collection named “Nope”</extracomment>
        <translation>Suche: %1</translation>
    </message>
</context>
<context>
    <name>trove::ui::CollectionReorder</name>
    <message>
        <source>Still reading that part of the collection; drop again</source>
        <translation>Dieser Teil der Sammlung wird noch gelesen; bitte erneut ablegen</translation>
    </message>
</context>
<context>
    <name>trove::ui::CollectionsDock</name>
    <message>
        <source>Collections</source>
        <translation>Sammlungen</translation>
    </message>
    <message>
        <source>Cannot reorder “%1”: %2</source>
        <translation>„%1“ kann nicht umgeordnet werden: %2</translation>
    </message>
    <message>
        <source>Type a search first: a smart collection is a saved search</source>
        <translation>Geben Sie zuerst eine Suche ein: eine intelligente Sammlung ist eine gespeicherte Suche</translation>
    </message>
    <message>
        <source>New Smart Collection</source>
        <translation>Neue intelligente Sammlung</translation>
    </message>
    <message>
        <source>Name of the smart collection for “%1”:</source>
        <translation>Name der intelligenten Sammlung für „%1“:</translation>
    </message>
    <message>
        <source>Cannot create the collection: %1.
Name of the smart collection for “%2”:</source>
        <translation>Die Sammlung kann nicht angelegt werden: %1.
Name der intelligenten Sammlung für „%2“:</translation>
    </message>
</context>
<context>
    <name>trove::ui::CollectionsPanel</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>New Collection… or New Smart Collection from the current search</source>
        <translation>Neue Sammlung… oder neue intelligente Sammlung aus der aktuellen Suche</translation>
    </message>
    <message>
        <source>New Collection…</source>
        <translation>Neue Sammlung…</translation>
    </message>
    <message>
        <source>New Smart Collection from Current Search…</source>
        <translation>Neue intelligente Sammlung aus aktueller Suche…</translation>
    </message>
    <message>
        <source>Add Selection</source>
        <translation>Auswahl hinzufügen</translation>
    </message>
    <message>
        <source>Remove Selection</source>
        <translation>Auswahl entfernen</translation>
    </message>
    <message>
        <source>Take the images selected in the gallery out of this collection (they stay in the library)</source>
        <translation>Die in der Galerie ausgewählten Bilder aus dieser Sammlung herausnehmen (sie bleiben in der Bibliothek)</translation>
    </message>
    <message>
        <source>Delete this collection (its images stay in the library)</source>
        <translation>Diese Sammlung löschen (ihre Bilder bleiben in der Bibliothek)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Cannot read the collections: %1</source>
        <translation>Die Sammlungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 (smart)</source>
        <translation>%1 (intelligent)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Smart collection: %1</source>
        <translation>Intelligente Sammlung: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln Bild</numerusform>
            <numerusform>%Ln Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot create the collection: %1</source>
        <translation>Die Sammlung kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Created the collection “%1”</source>
        <translation>Sammlung „%1“ erstellt</translation>
    </message>
    <message>
        <source>Cannot delete the collection: %1</source>
        <translation>Die Sammlung kann nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>Deleted the collection “%1”; its images stay in the library</source>
        <translation>Sammlung „%1“ gelöscht; ihre Bilder bleiben in der Bibliothek</translation>
    </message>
    <message>
        <source>New Collection</source>
        <translation>Neue Sammlung</translation>
    </message>
    <message>
        <source>Name of the new collection:</source>
        <translation>Name der neuen Sammlung:</translation>
    </message>
    <message>
        <source>Delete Collection</source>
        <translation>Sammlung löschen</translation>
    </message>
    <message>
        <source>Delete the collection “%1”?</source>
        <translation>Die Sammlung „%1“ löschen?</translation>
    </message>
    <message>
        <source>Its images stay in the library.</source>
        <translation>Ihre Bilder bleiben in der Bibliothek.</translation>
    </message>
    <message>
        <source>Add the images selected in the gallery to a collection</source>
        <translation>Die in der Galerie ausgewählten Bilder zu einer Sammlung hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>No collections yet: make one with New</source>
        <translation>Noch keine Sammlungen: mit „Neu“ eine anlegen</translation>
    </message>
    <message>
        <source>Cannot rename the collection: %1</source>
        <translation>Die Sammlung kann nicht umbenannt werden: %1</translation>
    </message>
    <message>
        <source>Renamed the collection “%1” to “%2”</source>
        <translation>Sammlung „%1“ in „%2“ umbenannt</translation>
    </message>
    <message>
        <source>Rename Collection</source>
        <translation>Sammlung umbenennen</translation>
    </message>
    <message>
        <source>New name of “%1”:</source>
        <translation>Neuer Name für „%1“:</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Cannot create the collection: %1.
Name of the new collection:</source>
        <translation>Die Sammlung kann nicht angelegt werden: %1.
Name der neuen Sammlung:</translation>
    </message>
    <message>
        <source>Cannot rename the collection: %1.
New name of “%2”:</source>
        <translation>Die Sammlung kann nicht umbenannt werden: %1.
Neuer Name für „%2“:</translation>
    </message>
</context>
<context>
    <name>trove::ui::DiskFullBar</name>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Free some space first, then add the waiting images</source>
        <translation>Erst Speicherplatz freigeben, dann die wartenden Bilder hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Adding images is paused:&lt;/b&gt; %1. %Ln image(s) waiting in the queue; free some space, then resume.</source>
        <translation>
            <numerusform>&lt;b&gt;Das Hinzufügen von Bildern ist angehalten:&lt;/b&gt; %1. %Ln Bild wartet in der Warteschlange; geben Sie Speicherplatz frei und setzen Sie dann fort.</numerusform>
            <numerusform>&lt;b&gt;Das Hinzufügen von Bildern ist angehalten:&lt;/b&gt; %1. %Ln Bilder warten in der Warteschlange; geben Sie Speicherplatz frei und setzen Sie dann fort.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::DownloadsPage</name>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Downloads from one site at the same time; the rest of its links wait while other sites go on. Some sites refuse more than a few.</source>
        <translation>Gleichzeitige Downloads von einer Website; ihre übrigen Links warten, während es bei anderen Websites weitergeht. Manche Websites lehnen mehr als ein paar ab.</translation>
    </message>
    <message>
        <source>A download that receives nothing for this long is tried again later (three tries in all).</source>
        <translation>Ein Download, der so lange nichts empfängt, wird später erneut versucht (insgesamt drei Versuche).</translation>
    </message>
    <message>
        <source>&amp;Largest download:</source>
        <translation>&amp;Größter Download:</translation>
    </message>
    <message>
        <source>Downloads at once &amp;per site:</source>
        <translation>Gleichzeitige Downloads pro &amp;Website:</translation>
    </message>
    <message>
        <source>Give up when &amp;stalled for:</source>
        <translation>Bei &amp;Stillstand abbrechen nach:</translation>
    </message>
    <message>
        <source>Give up on &amp;any download after:</source>
        <translation>&amp;Jeden Download abbrechen nach:</translation>
    </message>
    <message>
        <source>Changes apply to downloads that start from now on.</source>
        <translation>Änderungen gelten für Downloads, die ab jetzt beginnen.</translation>
    </message>
</context>
<context>
    <name>trove::ui::DragExporter</name>
    <message>
        <source>Cannot prepare images for dragging out: %1</source>
        <translation>Bilder können nicht zum Herausziehen vorbereitet werden: %1</translation>
    </message>
    <message>
        <source>Cannot prepare “%1” for dragging out: %2</source>
        <translation>„%1“ kann nicht zum Herausziehen vorbereitet werden: %2</translation>
    </message>
</context>
<context>
    <name>trove::ui::DropTarget</name>
    <message>
        <source>Drop to add this image</source>
        <translation>Ablegen, um dieses Bild hinzuzufügen</translation>
    </message>
    <message>
        <source>This cannot be added: it holds no image links, files or images</source>
        <translation>Das kann nicht hinzugefügt werden: es enthält keine Bildlinks, Dateien oder Bilder</translation>
    </message>
    <message>
        <source>Drop to add these links</source>
        <translation>Ablegen, um diese Links hinzuzufügen</translation>
    </message>
    <message numerus="yes">
        <source>Drop to add %Ln item(s)</source>
        <translation>
            <numerusform>Ablegen, um %Ln Element hinzuzufügen</numerusform>
            <numerusform>Ablegen, um %Ln Elemente hinzuzufügen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::DuplicateGroupDelegate</name>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>keine Quelle</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>distance %1</source>
        <translation>Abstand %1</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 weitere</translation>
    </message>
    <message>
        <source>%1 × %2 pixels, %3</source>
        <translation>%1 × %2 Pixel, %3</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>Hinzugefügt am %1</translation>
    </message>
    <message>
        <source>Keep Best keeps this one</source>
        <translation>„Bestes behalten“ behält dieses</translation>
    </message>
    <message>
        <source>%1 of 64 bits from the first</source>
        <translation>%1 von 64 Bit vom ersten entfernt</translation>
    </message>
    <message numerus="yes">
        <source>Group %1 · %Ln image(s)</source>
        <translation>
            <numerusform>Gruppe %1 · %Ln Bild</numerusform>
            <numerusform>Gruppe %1 · %Ln Bilder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::DuplicateOffer</name>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Keep Name</source>
        <translation>Namen behalten</translation>
    </message>
    <message>
        <source>Leave the image as it is</source>
        <translation>Das Bild so lassen, wie es ist</translation>
    </message>
    <message>
        <source> (tags added: %1)</source>
        <translation> (Tags hinzugefügt: %1)</translation>
    </message>
    <message>
        <source>Already in library as “%1”%2</source>
        <translation>Schon in der Bibliothek als „%1“%2</translation>
    </message>
    <message>
        <source>Already in library as “%1”%2. Rename it to “%3”?</source>
        <translation>Schon in der Bibliothek als „%1“%2. In „%3“ umbenennen?</translation>
    </message>
    <message>
        <source>Rename to “%1”</source>
        <translation>In „%1“ umbenennen</translation>
    </message>
    <message>
        <source>Cannot rename: %1</source>
        <translation>Umbenennen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Renamed “%1” to “%2”</source>
        <translation>„%1“ in „%2“ umbenannt</translation>
    </message>
</context>
<context>
    <name>trove::ui::DuplicatesDialog</name>
    <message>
        <source>&amp;Keep Best</source>
        <translation>&amp;Bestes behalten</translation>
    </message>
    <message>
        <source>&amp;Not Duplicates</source>
        <translation>&amp;Keine Duplikate</translation>
    </message>
    <message>
        <source>&amp;Search Again</source>
        <translation>&amp;Erneut suchen</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikate</translation>
    </message>
    <message>
        <source>Keep Best: %1</source>
        <translation>Bestes behalten: %1</translation>
    </message>
    <message>
        <source>Keep the first image of the group, give it the others&apos; tags and sources, and move the others to the trash. Collections are not merged: Trove has none yet.</source>
        <translation>Das erste Bild der Gruppe behalten, ihm die Tags und Quellen der anderen geben und die anderen in den Papierkorb verschieben. Sammlungen werden nicht zusammengeführt: Trove hat noch keine.</translation>
    </message>
    <message>
        <source>Remember that these images are not duplicates.</source>
        <translation>Merken, dass diese Bilder keine Duplikate sind.</translation>
    </message>
    <message>
        <source>Look for duplicates again, with images added since.</source>
        <translation>Erneut nach Duplikaten suchen, mit den seither hinzugefügten Bildern.</translation>
    </message>
    <message>
        <source>Cannot read some groups: %1</source>
        <translation>Einige Gruppen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>Suche nach Duplikaten…</translation>
    </message>
    <message>
        <source>Cannot look for duplicates: %1</source>
        <translation>Suche nach Duplikaten nicht möglich: %1</translation>
    </message>
    <message>
        <source>No near-duplicates (distance up to %1 of 64 bits).</source>
        <translation>Keine Beinahe-Duplikate (Abstand bis %1 von 64 Bit).</translation>
    </message>
    <message>
        <source>Not Duplicates takes groups of up to %1 images; search with a smaller distance to split this one.</source>
        <translation>„Keine Duplikate“ nimmt Gruppen mit bis zu %1 Bildern; suchen Sie mit kleinerem Abstand, um diese zu teilen.</translation>
    </message>
    <message>
        <source>Cannot keep the best image: %1</source>
        <translation>Das beste Bild kann nicht behalten werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Kept one image; %n moved to the trash (Edit ▸ Undo puts them back).</source>
        <translation>
            <numerusform>Ein Bild behalten; %n in den Papierkorb verschoben (Bearbeiten ▸ Rückgängig holt es zurück).</numerusform>
            <numerusform>Ein Bild behalten; %n in den Papierkorb verschoben (Bearbeiten ▸ Rückgängig holt sie zurück).</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot remember these images: %1</source>
        <translation>Diese Bilder können nicht gemerkt werden: %1</translation>
    </message>
    <message>
        <source>These images will not be shown as duplicates again.</source>
        <translation>Diese Bilder werden nicht mehr als Duplikate angezeigt.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s) of near-duplicates (distance up to %1 of 64 bits), largest first.</source>
        <translation>
            <numerusform>%Ln Gruppe von Beinahe-Duplikaten (Abstand bis %1 von 64 Bit), größte zuerst.</numerusform>
            <numerusform>%Ln Gruppen von Beinahe-Duplikaten (Abstand bis %1 von 64 Bit), größte zuerst.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) not hashed yet and left out.</source>
        <translation>
            <numerusform>%Ln Bild hat noch keinen Hash und fehlt hier.</numerusform>
            <numerusform>%Ln Bilder haben noch keinen Hash und fehlen hier.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::GalleryView</name>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source>No images match</source>
        <translation>Keine passenden Bilder</translation>
    </message>
    <message>
        <source>Your library is empty</source>
        <translation>Ihre Bibliothek ist leer</translation>
    </message>
    <message>
        <source>Try another search, or clear the search field.</source>
        <translation>Versuchen Sie eine andere Suche oder leeren Sie das Suchfeld.</translation>
    </message>
    <message>
        <source>Paste image links with Ctrl+V or drop images here.
You can also type a link in the bar above, or drag pictures out of a web browser.</source>
        <translation>Fügen Sie Bildlinks mit Strg+V ein oder legen Sie Bilder hier ab.
Sie können auch einen Link in die Leiste oben tippen oder Bilder aus einem Webbrowser ziehen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) still being written for the drop; if the target misses them, drag again.</source>
        <translation>
            <numerusform>%Ln Bild wird für das Ablegen noch geschrieben; fehlt es am Ziel, ziehen Sie erneut.</numerusform>
            <numerusform>%Ln Bilder werden für das Ablegen noch geschrieben; fehlen sie am Ziel, ziehen Sie erneut.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::GeneralPage</name>
    <message>
        <source>The new language shows when Trove starts next.</source>
        <translation>Die neue Sprache erscheint beim nächsten Start von Trove.</translation>
    </message>
    <message>
        <source>As the desktop</source>
        <translation>Wie die Arbeitsumgebung</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>T&amp;humbnail size:</source>
        <translation>&amp;Größe der Vorschaubilder:</translation>
    </message>
    <message>
        <source>The slider in the status bar and Ctrl++ / Ctrl+− change it too.</source>
        <translation>Auch der Schieberegler in der Statusleiste und Strg++ / Strg+− ändern sie.</translation>
    </message>
</context>
<context>
    <name>trove::ui::HashingStatusLabel</name>
    <message>
        <source>Hashing for Find Similar: %1 of %2</source>
        <translation>Hashes für „Ähnliche finden“: %1 von %2</translation>
    </message>
    <message>
        <source>Hashing for Find Similar stopped: %1</source>
        <translation>Hashes für „Ähnliche finden“ angehalten: %1</translation>
    </message>
</context>
<context>
    <name>trove::ui::ImageActions</name>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>&amp;Copy Image</source>
        <translation>Bild &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Source Link</source>
        <translation>&amp;Quelllink kopieren</translation>
    </message>
    <message>
        <source>Open Source in &amp;Browser</source>
        <translation>Quelle im &amp;Browser öffnen</translation>
    </message>
    <message>
        <source>&amp;Export Original…</source>
        <translation>Original &amp;exportieren…</translation>
    </message>
    <message>
        <source>Edit &amp;Name and Tags…</source>
        <translation>&amp;Name und Tags bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>Ent&amp;fernen…</translation>
    </message>
    <message>
        <source>Find &amp;Similar</source>
        <translation>&amp;Ähnliche finden</translation>
    </message>
    <message>
        <source>Find &amp;Duplicates…</source>
        <translation>&amp;Duplikate finden…</translation>
    </message>
    <message>
        <source>Copying “%1”…</source>
        <translation>Kopiere „%1“…</translation>
    </message>
    <message>
        <source>Cannot copy “%1”: %2</source>
        <translation>„%1“ kann nicht kopiert werden: %2</translation>
    </message>
    <message>
        <source>Copied “%1” to the clipboard</source>
        <translation>„%1“ in die Zwischenablage kopiert</translation>
    </message>
    <message>
        <source>No web source to open: these images were added from files</source>
        <translation>Keine Webquelle zum Öffnen: diese Bilder wurden aus Dateien hinzugefügt</translation>
    </message>
    <message>
        <source>no web browser could be started (is xdg-open installed and a default browser set?)</source>
        <translation>kein Webbrowser konnte gestartet werden (ist xdg-open installiert und ein Standardbrowser eingestellt?)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot open %1 source links: %2</source>
        <translation>%1 Quelllinks können nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Export Original</source>
        <translation>Original exportieren</translation>
    </message>
    <message>
        <source>Export %1 Originals To</source>
        <translation>%1 Originale exportieren nach</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportiere…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Some originals could not be exported:
%1</source>
        <translation>Einige Originale konnten nicht exportiert werden:
%1</translation>
    </message>
    <message>
        <source>Edit Tags of %1 Images</source>
        <translation>Tags von %1 Bildern bearbeiten</translation>
    </message>
    <message>
        <source>Cannot rename: %1</source>
        <translation>Umbenennen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Changing tags…</source>
        <translation>Ändere Tags…</translation>
    </message>
    <message>
        <source>Edit Tags</source>
        <translation>Tags bearbeiten</translation>
    </message>
    <message>
        <source>Cannot change tags: %1 (%2 changed)</source>
        <translation>Tags können nicht geändert werden: %1 (%2 geändert)</translation>
    </message>
    <message>
        <source>Move “%1” to the trash?</source>
        <translation>„%1“ in den Papierkorb verschieben?</translation>
    </message>
    <message>
        <source>Remove Images</source>
        <translation>Bilder entfernen</translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>Sie können das mit Strg+Z rückgängig machen.</translation>
    </message>
    <message>
        <source>Moving images to the trash…</source>
        <translation>Verschiebe Bilder in den Papierkorb…</translation>
    </message>
    <message>
        <source>Cannot move to the trash: %1 (%2 moved)</source>
        <translation>Verschieben in den Papierkorb nicht möglich: %1 (%2 verschoben)</translation>
    </message>
    <message>
        <source>Stopped: %1 moved to the trash</source>
        <translation>Angehalten: %1 in den Papierkorb verschoben</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln source link(s)</source>
        <translation>
            <numerusform>Quelllink kopiert</numerusform>
            <numerusform>%Ln Quelllinks kopiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export works on up to %Ln image(s) at a time; %1 are selected.</source>
        <translation>
            <numerusform>Der Export verarbeitet bis zu %Ln Bild auf einmal; %1 sind ausgewählt.</numerusform>
            <numerusform>Der Export verarbeitet bis zu %Ln Bilder auf einmal; %1 sind ausgewählt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln original(s)</source>
        <translation>
            <numerusform>Original exportiert</numerusform>
            <numerusform>%Ln Originale exportiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tags changed on %Ln image(s)</source>
        <translation>
            <numerusform>Tags an %Ln Bild geändert</numerusform>
            <numerusform>Tags an %Ln Bildern geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln image(s) to the trash?</source>
        <translation>
            <numerusform>%Ln Bild in den Papierkorb verschieben?</numerusform>
            <numerusform>%Ln Bilder in den Papierkorb verschieben?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln image(s) to the trash</source>
        <translation>
            <numerusform>%Ln Bild in den Papierkorb verschoben</numerusform>
            <numerusform>%Ln Bilder in den Papierkorb verschoben</numerusform>
        </translation>
    </message>
    <message>
        <source>Adding to “%1”…</source>
        <translation>Füge zu „%1“ hinzu…</translation>
    </message>
    <message>
        <source>Cannot add to “%1”: %2</source>
        <translation>Hinzufügen zu „%1“ nicht möglich: %2</translation>
    </message>
    <message numerus="yes">
        <source>Added %Ln image(s) to “%1”</source>
        <translation>
            <numerusform>%Ln Bild zu „%1“ hinzugefügt</numerusform>
            <numerusform>%Ln Bilder zu „%1“ hinzugefügt</numerusform>
        </translation>
    </message>
    <message>
        <source>Taking images out of “%1”…</source>
        <translation>Nehme Bilder aus „%1“ heraus…</translation>
    </message>
    <message>
        <source>Cannot take images out of “%1”: %2</source>
        <translation>Bilder können nicht aus „%1“ herausgenommen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Took %Ln image(s) out of “%1”</source>
        <translation>
            <numerusform>%Ln Bild aus „%1“ herausgenommen</numerusform>
            <numerusform>%Ln Bilder aus „%1“ herausgenommen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Renamed %Ln image(s)</source>
        <translation>
            <numerusform>%Ln Bild umbenannt</numerusform>
            <numerusform>%Ln Bilder umbenannt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::ImageCanvas</name>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
</context>
<context>
    <name>trove::ui::ImageInfoPanel</name>
    <message>
        <source>pasted or dropped image</source>
        <translation>eingefügtes oder abgelegtes Bild</translation>
    </message>
    <message>
        <source>embedded data URL</source>
        <translation>eingebettete data-URL</translation>
    </message>
    <message>
        <source>Edit Name and Tags…</source>
        <translation>Name und Tags bearbeiten…</translation>
    </message>
    <message>
        <source>Export Original…</source>
        <translation>Original exportieren…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Abmessungen</translation>
    </message>
    <message>
        <source>Original size</source>
        <translation>Originalgröße</translation>
    </message>
    <message>
        <source>Stored size</source>
        <translation>Gespeicherte Größe</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Aufgenommen</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Belichtung</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 Pixel</translation>
    </message>
    <message>
        <source>%1 (%2 % of the original)</source>
        <translation>%1 (%2 % des Originals)</translation>
    </message>
    <message>
        <source>%1 (damaged: its original is missing or corrupt)</source>
        <translation>%1 (beschädigt: das Original fehlt oder ist defekt)</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <source>%1, favourite</source>
        <translation>%1, Favorit</translation>
    </message>
    <message>
        <source>Found on</source>
        <translation>Gefunden auf</translation>
    </message>
    <message>
        <source>pasted, dropped or uploaded image</source>
        <translation>eingefügtes, abgelegtes oder hochgeladenes Bild</translation>
    </message>
</context>
<context>
    <name>trove::ui::ImageViewer</name>
    <message>
        <source>Back to the gallery (Esc)</source>
        <translation>Zurück zur Galerie (Esc)</translation>
    </message>
    <message>
        <source>Previous image (Left, Page Up)</source>
        <translation>Vorheriges Bild (Links, Bild auf)</translation>
    </message>
    <message>
        <source>Next image (Right, Page Down)</source>
        <translation>Nächstes Bild (Rechts, Bild ab)</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Verkleinern (-)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Vergrößern (+)</translation>
    </message>
    <message>
        <source>Fit width (W)</source>
        <translation>Breite einpassen (W)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Pause the animation (P); step with , and .</source>
        <translation>Animation anhalten (P); schrittweise mit , und .</translation>
    </message>
    <message>
        <source>Slideshow (S); any key or click stops it</source>
        <translation>Diashow (S); jede Taste oder ein Klick beendet sie</translation>
    </message>
    <message>
        <source>Slideshow</source>
        <translation>Diashow</translation>
    </message>
    <message>
        <source>Full screen (F11, double-click)</source>
        <translation>Vollbild (F11, Doppelklick)</translation>
    </message>
    <message>
        <source>Slideshow ended: that was the last image</source>
        <translation>Diashow beendet: das war das letzte Bild</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>zoom percentage</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Fit (%1)</source>
        <translation>Eingepasst (%1)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lade…</translation>
    </message>
    <message>
        <source>The original of this image is damaged or missing.
Run “trove verify --repair”.</source>
        <translation>Das Original dieses Bildes ist beschädigt oder fehlt.
Führen Sie „trove verify --repair“ aus.</translation>
    </message>
    <message>
        <source>Cannot show this image: %1</source>
        <translation>Dieses Bild kann nicht angezeigt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>This animation is too long to keep in memory; only its first %n frames play</source>
        <translation>
            <numerusform>Diese Animation ist zu lang für den Speicher; nur ihr erstes Einzelbild wird abgespielt</numerusform>
            <numerusform>Diese Animation ist zu lang für den Speicher; nur ihre ersten %n Einzelbilder werden abgespielt</numerusform>
        </translation>
    </message>
    <message>
        <source>Frame %1 of %2</source>
        <translation>Einzelbild %1 von %2</translation>
    </message>
    <message>
        <source>Play the animation (P)</source>
        <translation>Animation abspielen (P)</translation>
    </message>
    <message>
        <source>Slideshow stopped</source>
        <translation>Diashow angehalten</translation>
    </message>
    <message numerus="yes">
        <source>Slideshow: a new image every %n s; any key or click stops it</source>
        <translation>
            <numerusform>Diashow: jede Sekunde ein neues Bild; jede Taste oder ein Klick beendet sie</numerusform>
            <numerusform>Diashow: alle %n s ein neues Bild; jede Taste oder ein Klick beendet sie</numerusform>
        </translation>
    </message>
    <message>
        <source>Animations are shown as they are, not rotated</source>
        <translation>Animationen werden so gezeigt, wie sie sind, nicht gedreht</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>“%1” is no longer in the library</source>
        <translation>„%1“ ist nicht mehr in der Bibliothek</translation>
    </message>
    <message>
        <source>Fit to window (Ctrl+0)</source>
        <translation>In Fenster einpassen (Strg+0)</translation>
    </message>
    <message>
        <source>Actual size, 100 % (Ctrl+1)</source>
        <translation>Originalgröße, 100 % (Strg+1)</translation>
    </message>
</context>
<context>
    <name>trove::ui::IngestBar</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Paste or type image links (Ctrl+V anywhere adds them at once)</source>
        <translation>Bildlinks einfügen oder tippen (Strg+V fügt sie überall sofort hinzu)</translation>
    </message>
    <message>
        <source>Image links</source>
        <translation>Bildlinks</translation>
    </message>
    <message>
        <source>Name for the next image</source>
        <translation>Name für das nächste Bild</translation>
    </message>
    <message>
        <source>Tags, comma separated</source>
        <translation>Tags, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Tags for the next images</source>
        <translation>Tags für die nächsten Bilder</translation>
    </message>
    <message>
        <source>Tags for what you add next, separated by commas</source>
        <translation>Tags für das, was Sie als Nächstes hinzufügen, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Add the links in the field to the library</source>
        <translation>Die Links im Feld zur Bibliothek hinzufügen</translation>
    </message>
    <message>
        <source>Names from the links</source>
        <translation>Namen aus den Links</translation>
    </message>
    <message>
        <source>Several links: each image takes its name from its link; a name typed here waits for a single link</source>
        <translation>Mehrere Links: jedes Bild erhält seinen Namen aus seinem Link; ein hier getippter Name wartet auf einen einzelnen Link</translation>
    </message>
    <message>
        <source>Name (optional)</source>
        <translation>Name (optional)</translation>
    </message>
    <message>
        <source>A name for the next image; empty: taken from the link</source>
        <translation>Ein Name für das nächste Bild; leer: aus dem Link</translation>
    </message>
</context>
<context>
    <name>trove::ui::IngestController</name>
    <message>
        <source>Nothing can be added: %1</source>
        <translation>Nichts kann hinzugefügt werden: %1</translation>
    </message>
    <message>
        <source>Pasted image %1</source>
        <translation>Eingefügtes Bild %1</translation>
    </message>
    <message>
        <source>Dropped image %1</source>
        <translation>Abgelegtes Bild %1</translation>
    </message>
    <message>
        <source>Adding the image…</source>
        <translation>Füge das Bild hinzu…</translation>
    </message>
    <message>
        <source>Cannot add the image: %1</source>
        <translation>Das Bild kann nicht hinzugefügt werden: %1</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Nothing to add: the clipboard holds no image links, files or images (%1)</source>
        <translation>Nichts hinzuzufügen: die Zwischenablage enthält keine Bildlinks, Dateien oder Bilder (%1)</translation>
    </message>
    <message>
        <source>Cannot add this: it holds no image links, files or images (%1)</source>
        <translation>Das kann nicht hinzugefügt werden: es enthält keine Bildlinks, Dateien oder Bilder (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Adding %Ln image(s)…</source>
        <translation>
            <numerusform>Füge %Ln Bild hinzu…</numerusform>
            <numerusform>Füge %Ln Bilder hinzu…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot add %Ln item(s): see the queue for the reasons</source>
        <translation>
            <numerusform>Dieses Element kann nicht hinzugefügt werden: den Grund zeigt die Warteschlange</numerusform>
            <numerusform>%Ln Elemente können nicht hinzugefügt werden: die Gründe zeigt die Warteschlange</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Adding %1, %Ln cannot be added (see the queue)</source>
        <translation>
            <numerusform>Füge %1 hinzu, %Ln kann nicht hinzugefügt werden (siehe Warteschlange)</numerusform>
            <numerusform>Füge %1 hinzu, %Ln können nicht hinzugefügt werden (siehe Warteschlange)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped looking for images: %Ln queued</source>
        <translation>
            <numerusform>Bildersuche angehalten: %Ln eingereiht</numerusform>
            <numerusform>Bildersuche angehalten: %Ln eingereiht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Queued %Ln item(s)</source>
        <translation>
            <numerusform>%Ln Element eingereiht</numerusform>
            <numerusform>%Ln Elemente eingereiht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>skipped %Ln file(s) that are not images</source>
        <translation>
            <numerusform>%Ln Datei übersprungen, die kein Bild ist</numerusform>
            <numerusform>%Ln Dateien übersprungen, die keine Bilder sind</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln could not be read (see the queue)</source>
        <translation>
            <numerusform>%Ln konnte nicht gelesen werden (siehe Warteschlange)</numerusform>
            <numerusform>%Ln konnten nicht gelesen werden (siehe Warteschlange)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was pasted: the program that holds the clipboard did not answer</source>
        <translation>Nichts wurde eingefügt: das Programm, dem die Zwischenablage gehört, hat nicht geantwortet</translation>
    </message>
    <message numerus="yes">
        <source>Nothing added: the pasted text holds no image links or files (the queue shows the %n line(s) not understood)</source>
        <translation>
            <numerusform>Nichts hinzugefügt: Der eingefügte Text enthält keine Bildlinks oder Dateien (die Warteschlange zeigt die %n nicht verstandene Zeile)</numerusform>
            <numerusform>Nichts hinzugefügt: Der eingefügte Text enthält keine Bildlinks oder Dateien (die Warteschlange zeigt die %n nicht verstandenen Zeilen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing added: the dropped text holds no image links or files (the queue shows the %n line(s) not understood)</source>
        <translation>
            <numerusform>Nichts hinzugefügt: Der abgelegte Text enthält keine Bildlinks oder Dateien (die Warteschlange zeigt die %n nicht verstandene Zeile)</numerusform>
            <numerusform>Nichts hinzugefügt: Der abgelegte Text enthält keine Bildlinks oder Dateien (die Warteschlange zeigt die %n nicht verstandenen Zeilen)</numerusform>
        </translation>
    </message>
    <message>
        <source>No images found in %1</source>
        <translation>Keine Bilder gefunden in %1</translation>
    </message>
    <message>
        <source>Carrying on the import of %1</source>
        <translation>Import von %1 wird fortgesetzt</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) found again were already in the library</source>
        <translation>
            <numerusform>%Ln erneut gefundenes Bild war schon in der Bibliothek</numerusform>
            <numerusform>%Ln erneut gefundene Bilder waren schon in der Bibliothek</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::IngestQueueDelegate</name>
    <message>
        <source>Add Anyway</source>
        <translation>Trotzdem hinzufügen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 empfangen</translation>
    </message>
    <message>
        <source>Checking, compressing and storing…</source>
        <translation>Prüfe, komprimiere und speichere…</translation>
    </message>
    <message>
        <source>as “%1”</source>
        <translation>als „%1“</translation>
    </message>
</context>
<context>
    <name>trove::ui::IngestQueuePanel</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Cancel All</source>
        <translation>Alle abbrechen</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>Fertige entfernen</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Next Failure</source>
        <translation>Nächster Fehler</translation>
    </message>
    <message>
        <source>Show the next item that failed (F8)</source>
        <translation>Das nächste fehlgeschlagene Element zeigen (F8)</translation>
    </message>
    <message>
        <source>All Items</source>
        <translation>Alle Elemente</translation>
    </message>
    <message>
        <source>Not Finished</source>
        <translation>Nicht fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Show: %1</source>
        <translation>Zeigen: %1</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>Add the selected images although their bytes were removed from the library before</source>
        <translation>Die ausgewählten Bilder hinzufügen, obwohl ihre Bytes früher aus der Bibliothek entfernt wurden</translation>
    </message>
    <message>
        <source>Cancel the selected items</source>
        <translation>Die ausgewählten Elemente abbrechen</translation>
    </message>
    <message>
        <source>Retry the selected failed or cancelled items</source>
        <translation>Die ausgewählten fehlgeschlagenen oder abgebrochenen Elemente wiederholen</translation>
    </message>
    <message>
        <source>Cancel everything not finished yet</source>
        <translation>Alles abbrechen, was noch nicht fertig ist</translation>
    </message>
    <message>
        <source>Remove finished items from the queue</source>
        <translation>Fertige Elemente aus der Warteschlange entfernen</translation>
    </message>
    <message>
        <source>Ingest queue</source>
        <translation>Import-Warteschlange</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v von %m</translation>
    </message>
    <message>
        <source>Nothing queued. Paste links (Ctrl+V) or drop images to add them.</source>
        <translation>Warteschlange leer. Links einfügen (Strg+V) oder Bilder ablegen.</translation>
    </message>
    <message>
        <source>All done, %1</source>
        <translation>Alles erledigt, %1</translation>
    </message>
    <message>
        <source>All done</source>
        <translation>Alles erledigt</translation>
    </message>
    <message>
        <source>Resume Downloads</source>
        <translation>Downloads fortsetzen</translation>
    </message>
    <message>
        <source>Pause Downloads</source>
        <translation>Downloads anhalten</translation>
    </message>
    <message>
        <source>Start downloading the waiting items again</source>
        <translation>Die wartenden Elemente wieder herunterladen</translation>
    </message>
    <message>
        <source>Show in Gallery</source>
        <translation>In der Galerie zeigen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln fehlgeschlagen</numerusform>
            <numerusform>%Ln fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to go, %1</source>
        <translation>
            <numerusform>noch %Ln, %1</numerusform>
            <numerusform>noch %Ln, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to go</source>
        <translation>
            <numerusform>noch %Ln</numerusform>
            <numerusform>noch %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Hide the list of items</source>
        <translation>Die Liste der Elemente ausblenden</translation>
    </message>
    <message>
        <source>Show the list of items</source>
        <translation>Die Liste der Elemente zeigen</translation>
    </message>
    <message>
        <source>Stop downloading; running downloads start again on resume</source>
        <translation>Downloads anhalten; laufende beginnen beim Fortsetzen von vorn</translation>
    </message>
</context>
<context>
    <name>trove::ui::LibraryMoveProgress</name>
    <message>
        <source>Move Library</source>
        <translation>Bibliothek verschieben</translation>
    </message>
    <message>
        <source>Copying the library to %1…</source>
        <translation>Kopiere die Bibliothek nach %1…</translation>
    </message>
</context>
<context>
    <name>trove::ui::LibraryMover</name>
    <message>
        <source>The library cannot be moved to %1.</source>
        <translation>Die Bibliothek kann nicht nach %1 verschoben werden.</translation>
    </message>
    <message>
        <source>This library is read-only, so it could not be deleted here after the copy. Copy it with File ▸ Back Up Library… instead.</source>
        <translation>Diese Bibliothek ist schreibgeschützt, daher konnte sie hier nach dem Kopieren nicht gelöscht werden. Kopieren Sie sie stattdessen mit Datei ▸ Bibliothek sichern…</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) are still being added. Wait until the queue is done (or cancel what is left), then move the library.</source>
        <translation>
            <numerusform>%n Bild wird noch hinzugefügt. Warten Sie, bis die Warteschlange abgearbeitet ist (oder brechen Sie den Rest ab), und verschieben Sie dann die Bibliothek.</numerusform>
            <numerusform>%n Bilder werden noch hinzugefügt. Warten Sie, bis die Warteschlange abgearbeitet ist (oder brechen Sie den Rest ab), und verschieben Sie dann die Bibliothek.</numerusform>
        </translation>
    </message>
    <message>
        <source>Folders are still being searched for images. Wait until that is done (or cancel it), then move the library.</source>
        <translation>Ordner werden noch nach Bildern durchsucht. Warten Sie, bis das erledigt ist (oder brechen Sie es ab), und verschieben Sie dann die Bibliothek.</translation>
    </message>
    <message>
        <source>Move cancelled: the library stays in %1</source>
        <translation>Verschieben abgebrochen: die Bibliothek bleibt in %1</translation>
    </message>
    <message>
        <source>%1. Nothing was changed: the library stays where it is.</source>
        <translation>%1. Nichts wurde geändert: die Bibliothek bleibt, wo sie ist.</translation>
    </message>
    <message>
        <source>The library was moved to %1</source>
        <translation>Die Bibliothek wurde nach %1 verschoben</translation>
    </message>
    <message>
        <source>Library Moved</source>
        <translation>Bibliothek verschoben</translation>
    </message>
    <message>
        <source>The library is now in %1. The old folder %2 was left in place: it holds files Trove did not make there (or could not delete).</source>
        <translation>Die Bibliothek ist jetzt in %1. Der alte Ordner %2 wurde belassen: er enthält Dateien, die Trove dort nicht angelegt hat (oder nicht löschen konnte).</translation>
    </message>
    <message>
        <source>Cannot Move Library</source>
        <translation>Bibliothek kann nicht verschoben werden</translation>
    </message>
</context>
<context>
    <name>trove::ui::LibraryPage</name>
    <message>
        <source>&amp;Use Another Library…</source>
        <translation>&amp;Andere Bibliothek verwenden…</translation>
    </message>
    <message>
        <source>Show another library (a new, empty folder starts one) and open it from now on when Trove starts</source>
        <translation>Eine andere Bibliothek anzeigen (ein neuer, leerer Ordner legt eine an) und sie ab jetzt beim Start von Trove öffnen</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Speicherort</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>Aus&amp;wählen…</translation>
    </message>
    <message>
        <source>Until emptied by hand</source>
        <translation>Bis zum manuellen Leeren</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Removed images older than this are deleted for good when a library opens</source>
        <translation>Entfernte Bilder, die länger im Papierkorb liegen, werden beim Öffnen einer Bibliothek endgültig gelöscht</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>&amp;Export to:</source>
        <translation>&amp;Exportieren nach:</translation>
    </message>
    <message>
        <source>Keep removed images &amp;for:</source>
        <translation>Entfernte Bilder &amp;behalten für:</translation>
    </message>
    <message>
        <source>No library is open</source>
        <translation>Keine Bibliothek geöffnet</translation>
    </message>
    <message>
        <source>Trove opens this library when it starts.</source>
        <translation>Trove öffnet diese Bibliothek beim Start.</translation>
    </message>
    <message>
        <source>When it starts, Trove opens %1.</source>
        <translation>Beim Start öffnet Trove %1.</translation>
    </message>
    <message>
        <source>Use Another Library</source>
        <translation>Andere Bibliothek verwenden</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>&amp;Move Library…</source>
        <translation>Bibliothek &amp;verschieben…</translation>
    </message>
    <message>
        <source>Move this library into an empty folder (on another disk, say) and use it from there</source>
        <translation>Diese Bibliothek in einen leeren Ordner verschieben (etwa auf einer anderen Festplatte) und sie von dort verwenden</translation>
    </message>
    <message>
        <source>Move Library To (an Empty Folder)</source>
        <translation>Bibliothek verschieben nach (ein leerer Ordner)</translation>
    </message>
</context>
<context>
    <name>trove::ui::LibraryProblems</name>
    <message>
        <source>Cannot Repair Library</source>
        <translation>Bibliothek kann nicht repariert werden</translation>
    </message>
    <message>
        <source>The library in %1 could not be repaired.</source>
        <translation>Die Bibliothek in %1 konnte nicht repariert werden.</translation>
    </message>
    <message>
        <source>Cannot read the library: %1</source>
        <translation>Die Bibliothek kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot Open Library</source>
        <translation>Bibliothek kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The library in %1 cannot be opened.</source>
        <translation>Die Bibliothek in %1 kann nicht geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>trove::ui::LibraryRepair</name>
    <message>
        <source>Damaged Library</source>
        <translation>Beschädigte Bibliothek</translation>
    </message>
    <message>
        <source>The library in %1 is damaged: its catalog, where names and tags are kept, can no longer be read as it is.</source>
        <translation>Die Bibliothek in %1 ist beschädigt: ihr Katalog, in dem Namen und Tags stehen, kann so nicht mehr gelesen werden.</translation>
    </message>
    <message>
        <source>Trove can repair it. It keeps the damaged catalog beside the library, reads back whatever it still can, and rebuilds every image from the stored files. Names and tags that cannot be read are lost; the images are not.</source>
        <translation>Trove kann sie reparieren. Der beschädigte Katalog bleibt neben der Bibliothek erhalten; Trove liest zurück, was noch lesbar ist, und baut jedes Bild aus den gespeicherten Dateien neu auf. Unlesbare Namen und Tags gehen verloren, die Bilder nicht.</translation>
    </message>
    <message>
        <source>Repair Library</source>
        <translation>Bibliothek reparieren</translation>
    </message>
    <message>
        <source>Reading what the damaged catalog still holds…</source>
        <translation>Lese, was der beschädigte Katalog noch enthält…</translation>
    </message>
    <message>
        <source>Repairing Library</source>
        <translation>Bibliothek wird repariert</translation>
    </message>
    <message numerus="yes">
        <source>, %n rebuilt from stored files</source>
        <translation>
            <numerusform>, %n aus gespeicherten Dateien neu aufgebaut</numerusform>
            <numerusform>, %n aus gespeicherten Dateien neu aufgebaut</numerusform>
        </translation>
    </message>
    <message>
        <source>; the damaged catalog is kept as %1</source>
        <translation>; der beschädigte Katalog bleibt als %1 erhalten</translation>
    </message>
    <message numerus="yes">
        <source>Library repaired: %Ln image(s) read back</source>
        <translation>
            <numerusform>Bibliothek repariert: %Ln Bild zurückgelesen</numerusform>
            <numerusform>Bibliothek repariert: %Ln Bilder zurückgelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::LibraryStatusLabel</name>
    <message>
        <source>Library statistics</source>
        <translation>Bibliotheksstatistik</translation>
    </message>
    <message>
        <source>Opening the library…</source>
        <translation>Öffne die Bibliothek…</translation>
    </message>
    <message>
        <source>nothing stored yet</source>
        <translation>noch nichts gespeichert</translation>
    </message>
    <message>
        <source>compression saved nothing (already compressed formats)</source>
        <translation>Kompression sparte nichts (bereits komprimierte Formate)</translation>
    </message>
    <message>
        <source>compression saved %1 (%2 %)</source>
        <translation>Kompression sparte %1 (%2 %)</translation>
    </message>
    <message>
        <source>last added %1</source>
        <translation>zuletzt hinzugefügt %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln Bild</numerusform>
            <numerusform>%Ln Bilder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::LocalApiHost</name>
    <message>
        <source>Serve Local &amp;API</source>
        <translation>Lokale &amp;API bereitstellen</translation>
    </message>
    <message>
        <source>Let browser extensions and scripts on this computer add and read images through Trove&apos;s local API (with the library&apos;s access key)</source>
        <translation>Browsererweiterungen und Skripte auf diesem Computer über die lokale API von Trove Bilder hinzufügen und lesen lassen (mit dem Zugriffsschlüssel der Bibliothek)</translation>
    </message>
    <message>
        <source>Stopped serving the local API</source>
        <translation>Lokale API wird nicht mehr bereitgestellt</translation>
    </message>
    <message>
        <source>Cannot serve the local API: %1</source>
        <translation>Lokale API kann nicht bereitgestellt werden: %1</translation>
    </message>
    <message>
        <source>Serving the local API on http://127.0.0.1:%1/</source>
        <translation>Lokale API wird auf http://127.0.0.1:%1/ bereitgestellt</translation>
    </message>
</context>
<context>
    <name>trove::ui::LocalApiPage</name>
    <message>
        <source>&amp;Serve the local API</source>
        <translation>Lokale API &amp;bereitstellen</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>&amp;Zeigen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;New Key…</source>
        <translation>&amp;Neuer Schlüssel…</translation>
    </message>
    <message>
        <source>Let browser extensions and scripts on this computer add and read images through Trove&apos;s local API (with the library&apos;s access key)</source>
        <translation>Browsererweiterungen und Skripte auf diesem Computer über die lokale API von Trove Bilder hinzufügen und lesen lassen (mit dem Zugriffsschlüssel der Bibliothek)</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>Beliebiger freier Port</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lade…</translation>
    </message>
    <message>
        <source>e.g. chrome-extension://abcdefgh… https://example.org</source>
        <translation>z. B. chrome-extension://abcdefgh… https://example.org</translation>
    </message>
    <message>
        <source>Web pages and extensions from these origins may call the API from a browser; separate them with spaces</source>
        <translation>Webseiten und Erweiterungen von diesen Ursprüngen dürfen die API aus einem Browser aufrufen; durch Leerzeichen trennen</translation>
    </message>
    <message>
        <source>&amp;Port on 127.0.0.1:</source>
        <translation>&amp;Port auf 127.0.0.1:</translation>
    </message>
    <message>
        <source>Access &amp;key:</source>
        <translation>Zugriffs&amp;schlüssel:</translation>
    </message>
    <message>
        <source>Allowed &amp;origins:</source>
        <translation>Erlaubte &amp;Ursprünge:</translation>
    </message>
    <message>
        <source>Only programs on this computer can connect, and only with the key. Each library has its own key; the trove serve command uses the same port and origins.</source>
        <translation>Nur Programme auf diesem Computer können sich verbinden, und nur mit dem Schlüssel. Jede Bibliothek hat ihren eigenen Schlüssel; der Befehl trove serve verwendet denselben Port und dieselben Ursprünge.</translation>
    </message>
    <message>
        <source>Cannot read the key: %1</source>
        <translation>Der Schlüssel kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>New Access Key</source>
        <translation>Neuer Zugriffsschlüssel</translation>
    </message>
    <message>
        <source>Replace the access key of this library?</source>
        <translation>Den Zugriffsschlüssel dieser Bibliothek ersetzen?</translation>
    </message>
    <message>
        <source>Extensions and scripts that use the old key stop working until they are given the new one.</source>
        <translation>Erweiterungen und Skripte, die den alten Schlüssel verwenden, funktionieren erst wieder, wenn sie den neuen erhalten.</translation>
    </message>
    <message>
        <source>Replace Key</source>
        <translation>Schlüssel ersetzen</translation>
    </message>
    <message>
        <source>Left out, as no browser sends such an origin:
%1</source>
        <translation>Weggelassen, da kein Browser einen solchen Ursprung sendet:
%1</translation>
    </message>
</context>
<context>
    <name>trove::ui::MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Add Image Files…</source>
        <translation>Bild&amp;dateien hinzufügen…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>&amp;Ordner importieren…</translation>
    </message>
    <message>
        <source>Open &amp;Library…</source>
        <translation>Bibliothek ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Back Up Library…</source>
        <translation>Bibliothek &amp;sichern…</translation>
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
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Paste Links or Image</source>
        <translation>Links oder Bild &amp;einfügen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Image</source>
        <translation>B&amp;ild</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Larger Thumbnails</source>
        <translation>&amp;Größere Vorschaubilder</translation>
    </message>
    <message>
        <source>S&amp;maller Thumbnails</source>
        <translation>&amp;Kleinere Vorschaubilder</translation>
    </message>
    <message>
        <source>Ingest &amp;Queue</source>
        <translation>Import-&amp;Warteschlange</translation>
    </message>
    <message>
        <source>&amp;Statistics…</source>
        <translation>S&amp;tatistik…</translation>
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
        <source>&amp;About Trove</source>
        <translation>Ü&amp;ber Trove</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>Einste&amp;llungen…</translation>
    </message>
    <message>
        <source>&amp;Search Syntax</source>
        <translation>&amp;Suchsyntax</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Tags</translation>
    </message>
    <message>
        <source>&amp;Collections</source>
        <translation>&amp;Sammlungen</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>&amp;Papierkorb…</translation>
    </message>
</context>
<context>
    <name>trove::ui::MainWindow</name>
    <message>
        <source>Ingest Queue</source>
        <translation>Import-Warteschlange</translation>
    </message>
    <message>
        <source>Add Images</source>
        <translation>Bilder hinzufügen</translation>
    </message>
    <message>
        <source>%1 — Trove</source>
        <translation>%1 — Trove</translation>
    </message>
    <message>
        <source>This library is read-only: nothing can be added to it</source>
        <translation>Diese Bibliothek ist schreibgeschützt: es kann nichts hinzugefügt werden</translation>
    </message>
    <message>
        <source>%1 (read-only) — Trove</source>
        <translation>%1 (schreibgeschützt) — Trove</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>%1
Browsing, searching, viewing and exporting work; adding, tagging, renaming and deleting do not.</source>
        <translation>%1
Blättern, Suchen, Ansehen und Exportieren funktionieren; Hinzufügen, Taggen, Umbenennen und Löschen nicht.</translation>
    </message>
    <message>
        <source>Network drive</source>
        <translation>Netzlaufwerk</translation>
    </message>
    <message>
        <source>Paste Links or Image</source>
        <translation>Links oder Bild einfügen</translation>
    </message>
    <message>
        <source>Add Image Files…</source>
        <translation>Bilddateien hinzufügen…</translation>
    </message>
    <message>
        <source>That image is not in the gallery as it is filtered now</source>
        <translation>Dieses Bild ist in der gerade gefilterten Galerie nicht enthalten</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>Ordner importieren</translation>
    </message>
    <message>
        <source>Open Library</source>
        <translation>Bibliothek öffnen</translation>
    </message>
    <message>
        <source>Back Up Library To</source>
        <translation>Bibliothek sichern nach</translation>
    </message>
    <message>
        <source>Quit Trove</source>
        <translation>Trove beenden</translation>
    </message>
    <message>
        <source>If you quit now, Trove finishes adding them the next time it opens this library.</source>
        <translation>Wenn Sie jetzt beenden, fügt Trove sie beim nächsten Öffnen dieser Bibliothek fertig hinzu.</translation>
    </message>
    <message>
        <source>Quit and Finish Later</source>
        <translation>Beenden und später fertigstellen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) still being added.</source>
        <translation>
            <numerusform>%Ln Bild wird noch hinzugefügt.</numerusform>
            <numerusform>%Ln Bilder werden noch hinzugefügt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot empty the trash: %1</source>
        <translation>Der Papierkorb kann nicht geleert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n image(s) removed more than %1 days ago</source>
        <translation>
            <numerusform>%n Bild endgültig gelöscht, das vor mehr als %1 Tagen entfernt wurde</numerusform>
            <numerusform>%n Bilder endgültig gelöscht, die vor mehr als %1 Tagen entfernt wurden</numerusform>
        </translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Cannot shuffle: %1</source>
        <translation>Mischen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Add to &amp;Collection</source>
        <translation>Zu &amp;Sammlung hinzufügen</translation>
    </message>
    <message>
        <source>%1 holds no Trove library. Make a new library there?</source>
        <translation>%1 enthält keine Trove-Bibliothek. Dort eine neue Bibliothek anlegen?</translation>
    </message>
    <message>
        <source>The folder holds more than %L1 items; Trove would add its own files and folders beside them.</source>
        <translation>Der Ordner enthält mehr als %L1 Einträge; Trove würde seine eigenen Dateien und Ordner daneben anlegen.</translation>
    </message>
    <message numerus="yes">
        <source>The folder holds %Ln item(s); Trove would add its own files and folders beside them.</source>
        <translation>
            <numerusform>Der Ordner enthält %Ln Eintrag; Trove würde seine eigenen Dateien und Ordner daneben anlegen.</numerusform>
            <numerusform>Der Ordner enthält %Ln Einträge; Trove würde seine eigenen Dateien und Ordner daneben anlegen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Create Library</source>
        <translation>Bibliothek anlegen</translation>
    </message>
</context>
<context>
    <name>trove::ui::MarkActions</name>
    <message>
        <source>&amp;Favourite</source>
        <translation>Fa&amp;vorit</translation>
    </message>
    <message>
        <source>&amp;No Rating</source>
        <translation>&amp;Keine Bewertung</translation>
    </message>
    <message>
        <source>Clear the rating</source>
        <translation>Bewertung löschen</translation>
    </message>
    <message numerus="yes">
        <source>Rate %n star(s)</source>
        <translation>
            <numerusform>Mit %n Stern bewerten</numerusform>
            <numerusform>Mit %n Sternen bewerten</numerusform>
        </translation>
    </message>
    <message>
        <source>R&amp;ating</source>
        <translation>Be&amp;wertung</translation>
    </message>
    <message>
        <source>Clear Rating</source>
        <translation>Bewertung löschen</translation>
    </message>
    <message numerus="yes">
        <source>Rate %n Star(s)</source>
        <translation>
            <numerusform>Mit %n Stern bewerten</numerusform>
            <numerusform>Mit %n Sternen bewerten</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as Favourite</source>
        <translation>Als Favorit markieren</translation>
    </message>
    <message>
        <source>Unmark Favourite</source>
        <translation>Favoritenmarkierung aufheben</translation>
    </message>
    <message>
        <source>Rating images…</source>
        <translation>Bewerte Bilder…</translation>
    </message>
    <message>
        <source>Marking favourites…</source>
        <translation>Markiere Favoriten…</translation>
    </message>
    <message>
        <source>Cannot change %1: %2 (%3 changed)</source>
        <translation>Ändern nicht möglich (%1): %2 (%3 geändert)</translation>
    </message>
    <message>
        <source>the rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>favourites</source>
        <translation>Favoriten</translation>
    </message>
    <message numerus="yes">
        <source>Rating cleared on %Ln image(s)</source>
        <translation>
            <numerusform>Bewertung von %Ln Bild gelöscht</numerusform>
            <numerusform>Bewertung von %Ln Bildern gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rated %Ln image(s) %1</source>
        <translation>
            <numerusform>%Ln Bild mit %1 bewertet</numerusform>
            <numerusform>%Ln Bilder mit %1 bewertet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %Ln image(s) as favourite</source>
        <translation>
            <numerusform>%Ln Bild als Favorit markiert</numerusform>
            <numerusform>%Ln Bilder als Favoriten markiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unmarked %Ln favourite(s)</source>
        <translation>
            <numerusform>Markierung von %Ln Favorit aufgehoben</numerusform>
            <numerusform>Markierung von %Ln Favoriten aufgehoben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Local API</source>
        <translation>Lokale API</translation>
    </message>
    <message>
        <source>The default of every setting on this page</source>
        <translation>Die Standardwerte aller Einstellungen auf dieser Seite</translation>
    </message>
</context>
<context>
    <name>trove::ui::SelectionCountLabel</name>
    <message>
        <source>%1 of %2  ·</source>
        <extracomment>%1 is &quot;N selected&quot;, %2 is &quot;M shown&quot;; the dot parts it from the library&apos;s count</extracomment>
        <translation>%1 von %2  ·</translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation>
            <numerusform>%Ln ausgewählt</numerusform>
            <numerusform>%Ln ausgewählt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln angezeigten</numerusform>
            <numerusform>%Ln angezeigten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown  ·</source>
        <translation>
            <numerusform>%Ln angezeigt  ·</numerusform>
            <numerusform>%Ln angezeigt  ·</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::SimilarDialog</name>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Abmessungen</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Looking for images similar to “%1”…</source>
        <translation>Suche nach Bildern ähnlich wie „%1“…</translation>
    </message>
    <message>
        <source>Similar to “%1”</source>
        <translation>Ähnlich wie „%1“</translation>
    </message>
    <message>
        <source>Cannot look for similar images: %1</source>
        <translation>Suche nach ähnlichen Bildern nicht möglich: %1</translation>
    </message>
    <message>
        <source>No similar images (distance up to %1 of 64 bits).</source>
        <translation>Keine ähnlichen Bilder (Abstand bis %1 von 64 Bit).</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) similar to “%1”, nearest first; the distance is how many of 64 bits of their perceptual hashes differ.</source>
        <translation>
            <numerusform>%Ln Bild ähnlich wie „%1“; der Abstand gibt an, wie viele der 64 Bit ihrer Wahrnehmungs-Hashes sich unterscheiden.</numerusform>
            <numerusform>%Ln Bilder ähnlich wie „%1“, nächste zuerst; der Abstand gibt an, wie viele der 64 Bit ihrer Wahrnehmungs-Hashes sich unterscheiden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::StatisticsDialog</name>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Source domain</source>
        <translation>Quelldomain</translation>
    </message>
    <message>
        <source>Library Statistics</source>
        <translation>Bibliotheksstatistik</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Summen</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>Bilder:</translation>
    </message>
    <message>
        <source>Last added:</source>
        <translation>Zuletzt hinzugefügt:</translation>
    </message>
    <message>
        <source>Original size:</source>
        <translation>Originalgröße:</translation>
    </message>
    <message>
        <source>Stored size:</source>
        <translation>Gespeicherte Größe:</translation>
    </message>
    <message>
        <source>Saved:</source>
        <translation>Gespart:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lade…</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>nothing stored yet</source>
        <translation>noch nichts gespeichert</translation>
    </message>
    <message>
        <source>nothing (already compressed formats)</source>
        <translation>nichts (bereits komprimierte Formate)</translation>
    </message>
    <message>
        <source>%1 by compression (%2 %)</source>
        <translation>%1 durch Kompression (%2 %)</translation>
    </message>
</context>
<context>
    <name>trove::ui::TagCompleter</name>
    <message>
        <source>Tag suggestions</source>
        <translation>Tag-Vorschläge</translation>
    </message>
</context>
<context>
    <name>trove::ui::TagEditDialog</name>
    <message>
        <source>Edit Name and Tags</source>
        <translation>Name und Tags bearbeiten</translation>
    </message>
    <message>
        <source>Edit Tags of %1 Images</source>
        <translation>Tags von %1 Bildern bearbeiten</translation>
    </message>
    <message>
        <source>Tags are separated by commas.</source>
        <translation>Tags werden durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Tags:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>&amp;Add tags:</source>
        <translation>Tags &amp;hinzufügen:</translation>
    </message>
    <message>
        <source>&amp;Remove tags:</source>
        <translation>Tags &amp;entfernen:</translation>
    </message>
    <message>
        <source>On all:</source>
        <translation>Bei allen:</translation>
    </message>
    <message>
        <source>On some:</source>
        <translation>Bei einigen:</translation>
    </message>
    <message numerus="yes">
        <source>Tags typed under “Add” are added to all %Ln image(s); tags under “Remove” are removed from all of them. Separate tags with commas.</source>
        <translation>
            <numerusform>Unter „Hinzufügen“ getippte Tags kommen zu dem Bild hinzu; Tags unter „Entfernen“ werden von ihm entfernt. Tags durch Kommas trennen.</numerusform>
            <numerusform>Unter „Hinzufügen“ getippte Tags kommen zu allen %Ln Bildern hinzu; Tags unter „Entfernen“ werden von allen entfernt. Tags durch Kommas trennen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s): names stay as they are</source>
        <translation>
            <numerusform>%Ln Bild: der Name bleibt, wie er ist</numerusform>
            <numerusform>%Ln Bilder: die Namen bleiben, wie sie sind</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::TagSidebar</name>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Click: show only images with this tag. Ctrl+click or middle click: hide them. Right click: rename or merge.</source>
        <translation>Klick: nur Bilder mit diesem Tag zeigen. Strg+Klick oder Mittelklick: sie ausblenden. Rechtsklick: umbenennen oder zusammenführen.</translation>
    </message>
    <message>
        <source>Counted in the first %1 matching images.</source>
        <translation>Gezählt in den ersten %1 passenden Bildern.</translation>
    </message>
    <message numerus="yes">
        <source>The %n tag(s) used most.</source>
        <translation>
            <numerusform>Der %n meistverwendete Tag.</numerusform>
            <numerusform>Die %n meistverwendeten Tags.</numerusform>
        </translation>
    </message>
    <message>
        <source>No tags here.</source>
        <translation>Hier keine Tags.</translation>
    </message>
    <message>
        <source>Show Only “%1”</source>
        <translation>Nur „%1“ zeigen</translation>
    </message>
    <message>
        <source>Hide “%1”</source>
        <translation>„%1“ ausblenden</translation>
    </message>
    <message>
        <source>Rename Tag…</source>
        <translation>Tag umbenennen…</translation>
    </message>
    <message>
        <source>Merge Into…</source>
        <translation>Zusammenführen mit…</translation>
    </message>
    <message>
        <source>Merge Tag</source>
        <translation>Tag zusammenführen</translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>Tag umbenennen</translation>
    </message>
    <message numerus="yes">
        <source>Merge “%1” (%n image(s)) into the tag:</source>
        <translation>
            <numerusform>„%1“ (%n Bild) zusammenführen mit dem Tag:</numerusform>
            <numerusform>„%1“ (%n Bilder) zusammenführen mit dem Tag:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New name for “%1” (%n image(s)):</source>
        <translation>
            <numerusform>Neuer Name für „%1“ (%n Bild):</numerusform>
            <numerusform>Neuer Name für „%1“ (%n Bilder):</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot rename the tag: %1</source>
        <translation>Der Tag kann nicht umbenannt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Merged “%1” into “%2”: %n image(s).</source>
        <translation>
            <numerusform>„%1“ mit „%2“ zusammengeführt: %n Bild.</numerusform>
            <numerusform>„%1“ mit „%2“ zusammengeführt: %n Bilder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Renamed “%1” to “%2”: %n image(s).</source>
        <translation>
            <numerusform>„%1“ in „%2“ umbenannt: %n Bild.</numerusform>
            <numerusform>„%1“ in „%2“ umbenannt: %n Bilder.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::ThumbnailSizeControl</name>
    <message>
        <source>Thumbnail size</source>
        <translation>Größe der Vorschaubilder</translation>
    </message>
</context>
<context>
    <name>trove::ui::TrashDialog</name>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Delete for Good…</source>
        <translation>Endgültig &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;Empty Trash…</source>
        <translation>Papierkorb &amp;leeren…</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>Put the selected images back in the library, with their names, tags and sources (Ctrl+Z in the window takes it back)</source>
        <translation>Die ausgewählten Bilder mit Namen, Tags und Quellen in die Bibliothek zurücklegen (Strg+Z im Fenster nimmt es zurück)</translation>
    </message>
    <message>
        <source>Delete the selected images and their originals; this cannot be undone</source>
        <translation>Die ausgewählten Bilder und ihre Originale löschen; das lässt sich nicht rückgängig machen</translation>
    </message>
    <message>
        <source>Delete every image in the trash and its original; this cannot be undone</source>
        <translation>Alle Bilder im Papierkorb und ihre Originale löschen; das lässt sich nicht rückgängig machen</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Nichts wurde geändert: %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete all %Ln image(s) in the trash for good?</source>
        <translation>
            <numerusform>Das %Ln Bild im Papierkorb endgültig löschen?</numerusform>
            <numerusform>Alle %Ln Bilder im Papierkorb endgültig löschen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln image(s) for good?</source>
        <translation>
            <numerusform>%Ln Bild endgültig löschen?</numerusform>
            <numerusform>%Ln Bilder endgültig löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>Papierkorb leeren</translation>
    </message>
    <message>
        <source>Delete for Good</source>
        <translation>Endgültig löschen</translation>
    </message>
    <message numerus="yes">
        <source>Their originals are deleted too. This cannot be undone.</source>
        <translation>
            <numerusform>Sein Original wird ebenfalls gelöscht. Das lässt sich nicht rückgängig machen.</numerusform>
            <numerusform>Ihre Originale werden ebenfalls gelöscht. Das lässt sich nicht rückgängig machen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Reading the trash…</source>
        <translation>Lese den Papierkorb…</translation>
    </message>
    <message>
        <source>Restoring images from the trash…</source>
        <translation>Stelle Bilder aus dem Papierkorb wieder her…</translation>
    </message>
    <message>
        <source>Deleting images for good…</source>
        <translation>Lösche Bilder endgültig…</translation>
    </message>
    <message>
        <source>Cannot restore: %1 (%2 restored)</source>
        <translation>Wiederherstellen nicht möglich: %1 (%2 wiederhergestellt)</translation>
    </message>
    <message>
        <source>Cannot delete: %1 (%2 deleted)</source>
        <translation>Löschen nicht möglich: %1 (%2 gelöscht)</translation>
    </message>
    <message>
        <source>Stopped: %1 restored</source>
        <translation>Angehalten: %1 wiederhergestellt</translation>
    </message>
    <message>
        <source>Stopped: %1 deleted for good</source>
        <translation>Angehalten: %1 endgültig gelöscht</translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln image(s) to the library</source>
        <translation>
            <numerusform>%Ln Bild in die Bibliothek zurückgelegt</numerusform>
            <numerusform>%Ln Bilder in die Bibliothek zurückgelegt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln image(s) for good</source>
        <translation>
            <numerusform>%Ln Bild endgültig gelöscht</numerusform>
            <numerusform>%Ln Bilder endgültig gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <source>The trash is empty. Images you remove from the library wait here until you delete them for good.</source>
        <translation>Der Papierkorb ist leer. Bilder, die Sie aus der Bibliothek entfernen, warten hier, bis Sie sie endgültig löschen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 selected of %Ln image(s) in the trash</source>
        <translation>
            <numerusform>%1 von %Ln Bild im Papierkorb ausgewählt</numerusform>
            <numerusform>%1 von %Ln Bildern im Papierkorb ausgewählt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) in the trash. Select some to restore them or to delete them for good (a click on a column&apos;s header sorts).</source>
        <translation>
            <numerusform>%Ln Bild im Papierkorb. Wählen Sie es aus, um es wiederherzustellen oder endgültig zu löschen (ein Klick auf eine Spaltenüberschrift sortiert).</numerusform>
            <numerusform>%Ln Bilder im Papierkorb. Wählen Sie welche aus, um sie wiederherzustellen oder endgültig zu löschen (ein Klick auf eine Spaltenüberschrift sortiert).</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter by name or tag</source>
        <translation>Nach Name oder Tag filtern</translation>
    </message>
    <message>
        <source>Show only the images whose name or tags contain every word typed here (Ctrl+F)</source>
        <translation>Nur die Bilder zeigen, deren Name oder Tags jedes hier eingegebene Wort enthalten (Strg+F)</translation>
    </message>
    <message numerus="yes">
        <source>No image of the %Ln in the trash has “%1” in its name or tags.</source>
        <translation>
            <numerusform>Das Bild im Papierkorb hat „%1“ weder im Namen noch in den Tags.</numerusform>
            <numerusform>Keines der %Ln Bilder im Papierkorb hat „%1“ im Namen oder in den Tags.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 selected of %Ln matching image(s)</source>
        <translation>
            <numerusform>%1 ausgewählt von %Ln passenden Bild</numerusform>
            <numerusform>%1 ausgewählt von %Ln passenden Bildern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) of %1 in the trash match “%2”.</source>
        <translation>
            <numerusform>%Ln Bild von %1 im Papierkorb passt zu „%2“.</numerusform>
            <numerusform>%Ln Bilder von %1 im Papierkorb passen zu „%2“.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” was merged into the same image, added to the library again meanwhile</source>
        <translation>„%1“ wurde mit demselben Bild zusammengeführt, das inzwischen erneut zur Bibliothek hinzugefügt wurde</translation>
    </message>
    <message>
        <source>“%1” was merged into “%2”, the same image added to the library again meanwhile</source>
        <translation>„%1“ wurde mit „%2“ zusammengeführt, demselben Bild, das inzwischen erneut zur Bibliothek hinzugefügt wurde</translation>
    </message>
    <message numerus="yes">
        <source>%1; %Ln of them merged into the same image, added again meanwhile</source>
        <translation>
            <numerusform>%1; %Ln davon mit demselben Bild zusammengeführt, das inzwischen erneut hinzugefügt wurde</numerusform>
            <numerusform>%1; %Ln davon mit denselben Bildern zusammengeführt, die inzwischen erneut hinzugefügt wurden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::UndoCommands</name>
    <message>
        <source>Cannot undo or redo “%1”: %2</source>
        <translation>„%1“ kann nicht rückgängig gemacht oder wiederholt werden: %2</translation>
    </message>
    <message>
        <source>Rename to “%1”</source>
        <translation>In „%1“ umbenennen</translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln image(s) to the trash</source>
        <translation>
            <numerusform>%Ln Bild in den Papierkorb verschieben</numerusform>
            <numerusform>%Ln Bilder in den Papierkorb verschieben</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot undo or redo “%1”: %2 (%3 done)</source>
        <translation>„%1“ kann nicht rückgängig gemacht oder wiederholt werden: %2 (%3 erledigt)</translation>
    </message>
    <message numerus="yes">
        <source>Restored %1 of %Ln image(s) from the trash</source>
        <translation>
            <numerusform>%1 von %Ln Bild aus dem Papierkorb wiederhergestellt</numerusform>
            <numerusform>%1 von %Ln Bildern aus dem Papierkorb wiederhergestellt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep the best of %Ln duplicate(s)</source>
        <translation>
            <numerusform>Das beste von %Ln Duplikat behalten</numerusform>
            <numerusform>Das beste von %Ln Duplikaten behalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge Tag “%1” Into “%2”</source>
        <translation>Tag „%1“ mit „%2“ zusammenführen</translation>
    </message>
    <message>
        <source>Rename Tag “%1” to “%2”</source>
        <translation>Tag „%1“ in „%2“ umbenennen</translation>
    </message>
    <message numerus="yes">
        <source>Reorder %n image(s) in “%1”</source>
        <translation>
            <numerusform>%n Bild in „%1“ umordnen</numerusform>
            <numerusform>%n Bilder in „%1“ umordnen</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename collection “%1” to “%2”</source>
        <translation>Sammlung „%1“ in „%2“ umbenennen</translation>
    </message>
    <message numerus="yes">
        <source>Restore %Ln image(s) from the trash</source>
        <translation>
            <numerusform>%Ln Bild aus dem Papierkorb wiederherstellen</numerusform>
            <numerusform>%Ln Bilder aus dem Papierkorb wiederherstellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot redo: %Ln image(s) left the trash meanwhile (deleted for good or restored elsewhere)</source>
        <translation>
            <numerusform>Wiederholen nicht möglich: %Ln Bild hat den Papierkorb inzwischen verlassen (endgültig gelöscht oder anderswo wiederhergestellt)</numerusform>
            <numerusform>Wiederholen nicht möglich: %Ln Bilder haben den Papierkorb inzwischen verlassen (endgültig gelöscht oder anderswo wiederhergestellt)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot undo: %Ln image(s) left the trash meanwhile (deleted for good or restored elsewhere)</source>
        <translation>
            <numerusform>Rückgängig nicht möglich: %Ln Bild hat den Papierkorb inzwischen verlassen (endgültig gelöscht oder anderswo wiederhergestellt)</numerusform>
            <numerusform>Rückgängig nicht möglich: %Ln Bilder haben den Papierkorb inzwischen verlassen (endgültig gelöscht oder anderswo wiederhergestellt)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %1 of %2 images from the trash; %Ln left the trash meanwhile (deleted for good or restored elsewhere)</source>
        <translation>
            <numerusform>%1 von %2 Bildern aus dem Papierkorb wiederhergestellt; %Ln hat den Papierkorb inzwischen verlassen (endgültig gelöscht oder anderswo wiederhergestellt)</numerusform>
            <numerusform>%1 von %2 Bildern aus dem Papierkorb wiederhergestellt; %Ln haben den Papierkorb inzwischen verlassen (endgültig gelöscht oder anderswo wiederhergestellt)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot send %Ln merged image(s) back to the trash: the image they were merged into has left the library, or they were restored again, meanwhile</source>
        <translation>
            <numerusform>%Ln zusammengeführtes Bild kann nicht in den Papierkorb zurückgelegt werden: Das Bild, mit dem es zusammengeführt wurde, hat inzwischen die Bibliothek verlassen, oder es wurde erneut wiederhergestellt</numerusform>
            <numerusform>%Ln zusammengeführte Bilder können nicht in den Papierkorb zurückgelegt werden: Das Bild, mit dem sie zusammengeführt wurden, hat inzwischen die Bibliothek verlassen, oder sie wurden erneut wiederhergestellt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %Ln of them merged into the same image, added again meanwhile</source>
        <translation>
            <numerusform>%1; %Ln davon mit demselben Bild zusammengeführt, das inzwischen erneut hinzugefügt wurde</numerusform>
            <numerusform>%1; %Ln davon mit denselben Bildern zusammengeführt, die inzwischen erneut hinzugefügt wurden</numerusform>
        </translation>
    </message>
    <message>
        <source>This image was deleted elsewhere.</source>
        <translation>Dieses Bild wurde anderswo gelöscht.</translation>
    </message>
    <message>
        <source>This image was moved to the trash elsewhere.</source>
        <translation>Dieses Bild wurde anderswo in den Papierkorb verschoben.</translation>
    </message>
    <message numerus="yes">
        <source>%1; %Ln image(s) moved to the trash or deleted elsewhere left alone</source>
        <translation>
            <numerusform>%1; %Ln anderswo in den Papierkorb verschobenes oder gelöschtes Bild blieb unverändert</numerusform>
            <numerusform>%1; %Ln anderswo in den Papierkorb verschobene oder gelöschte Bilder blieben unverändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot redo “%1” on %Ln image(s): changed elsewhere meanwhile, left as it is now</source>
        <translation>
            <numerusform>„%1“ kann für %Ln Bild nicht wiederholt werden: inzwischen anderswo geändert, es bleibt, wie es ist</numerusform>
            <numerusform>„%1“ kann für %Ln Bilder nicht wiederholt werden: inzwischen anderswo geändert, sie bleiben, wie sie sind</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot undo “%1” on %Ln image(s): changed elsewhere meanwhile, left as it is now</source>
        <translation>
            <numerusform>„%1“ kann für %Ln Bild nicht rückgängig gemacht werden: inzwischen anderswo geändert, es bleibt, wie es ist</numerusform>
            <numerusform>„%1“ kann für %Ln Bilder nicht rückgängig gemacht werden: inzwischen anderswo geändert, sie bleiben, wie sie sind</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot redo “%1” on %Ln image(s): moved to the trash or deleted elsewhere</source>
        <translation>
            <numerusform>„%1“ kann für %Ln Bild nicht wiederholt werden: anderswo in den Papierkorb verschoben oder gelöscht</numerusform>
            <numerusform>„%1“ kann für %Ln Bilder nicht wiederholt werden: anderswo in den Papierkorb verschoben oder gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot undo “%1” on %Ln image(s): moved to the trash or deleted elsewhere</source>
        <translation>
            <numerusform>„%1“ kann für %Ln Bild nicht rückgängig gemacht werden: anderswo in den Papierkorb verschoben oder gelöscht</numerusform>
            <numerusform>„%1“ kann für %Ln Bilder nicht rückgängig gemacht werden: anderswo in den Papierkorb verschoben oder gelöscht</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::WalkProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop looking for images; what is queued stays queued</source>
        <translation>Bildersuche anhalten; was eingereiht ist, bleibt eingereiht</translation>
    </message>
    <message>
        <source>Looking for images: %1 found, %2 queued</source>
        <translation>Suche nach Bildern: %1 gefunden, %2 eingereiht</translation>
    </message>
</context>
</TS>
