// SPDX-License-Identifier: MIT
#include "storage/schema.h"

#include "base/naturalkey.h"
#include "base/tagkey.h"

#include <QSet>
#include <QSqlQuery>
#include <limits>

namespace trove::schema {

namespace {

// Each entry takes the schema from version i to i+1. Never edit a released
// entry: add a new one.
const std::vector<QStringList> &catalogSteps()
{
    static const std::vector<QStringList> migrations {
        {
            QStringLiteral(R"(CREATE TABLE images (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                sha256 TEXT NOT NULL UNIQUE,
                format TEXT NOT NULL,
                width INTEGER NOT NULL,
                height INTEGER NOT NULL,
                original_bytes INTEGER NOT NULL,
                stored_bytes INTEGER NOT NULL,
                added_at INTEGER NOT NULL,
                damaged INTEGER NOT NULL DEFAULT 0))"),
            QStringLiteral("CREATE INDEX images_by_added ON images(added_at, id)"),
            QStringLiteral("CREATE INDEX images_by_name ON images(name COLLATE NOCASE, id)"),
            QStringLiteral(R"(CREATE TABLE sources (
                image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
                url TEXT NOT NULL,
                host TEXT NOT NULL,
                added_at INTEGER NOT NULL,
                PRIMARY KEY (image_id, url)) WITHOUT ROWID)"),
            QStringLiteral("CREATE INDEX sources_by_host ON sources(host, image_id)"),
            QStringLiteral(R"(CREATE TABLE tags (
                image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
                tag TEXT NOT NULL,
                PRIMARY KEY (image_id, tag)) WITHOUT ROWID)"),
            QStringLiteral("CREATE INDEX tags_by_tag ON tags(tag COLLATE NOCASE, image_id)"),
            // Totals kept by triggers so that stats cost the same at 100 or
            // 1,000,000 images.
            QStringLiteral(R"(CREATE TABLE stats (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                images INTEGER NOT NULL,
                original_bytes INTEGER NOT NULL,
                stored_bytes INTEGER NOT NULL,
                last_added INTEGER))"),
            QStringLiteral("INSERT INTO stats VALUES (1, 0, 0, 0, NULL)"),
            QStringLiteral(R"(CREATE TRIGGER images_count_insert AFTER INSERT ON images BEGIN
                UPDATE stats SET images = images + 1,
                    original_bytes = original_bytes + NEW.original_bytes,
                    stored_bytes = stored_bytes + NEW.stored_bytes,
                    last_added = (SELECT max(added_at) FROM images) WHERE id = 1;
                END)"),
            QStringLiteral(R"(CREATE TRIGGER images_count_delete AFTER DELETE ON images BEGIN
                UPDATE stats SET images = images - 1,
                    original_bytes = original_bytes - OLD.original_bytes,
                    stored_bytes = stored_bytes - OLD.stored_bytes,
                    last_added = (SELECT max(added_at) FROM images) WHERE id = 1;
                END)"),
            // The ingest queue survives restarts. owner_pid tells whose item
            // is in flight, so a second process never steals it.
            QStringLiteral(R"(CREATE TABLE queue (
                id INTEGER PRIMARY KEY,
                source TEXT NOT NULL,
                name TEXT NOT NULL DEFAULT '',
                tags TEXT NOT NULL DEFAULT '',
                state INTEGER NOT NULL,
                error TEXT NOT NULL DEFAULT '',
                image_uuid TEXT NOT NULL DEFAULT '',
                owner_pid INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL))"),
            QStringLiteral("CREATE INDEX queue_by_state ON queue(state)"),
            // Blob renames and unlinks happen outside SQLite's transactions;
            // this journal lets a restart finish or undo them (see
            // CatalogWriter::recover()).
            QStringLiteral(R"(CREATE TABLE blob_journal (
                sha256 TEXT NOT NULL,
                op INTEGER NOT NULL,
                owner_pid INTEGER NOT NULL,
                PRIMARY KEY (sha256, op)) WITHOUT ROWID)"),
        },
        {
            // verify --repair may store a blob again; keep the totals right.
            QStringLiteral(
                R"(CREATE TRIGGER images_bytes_update AFTER UPDATE OF original_bytes, stored_bytes ON images
                BEGIN
                UPDATE stats SET original_bytes = original_bytes - OLD.original_bytes + NEW.original_bytes,
                    stored_bytes = stored_bytes - OLD.stored_bytes + NEW.stored_bytes WHERE id = 1;
                END)"),
            QStringLiteral("CREATE INDEX images_damaged ON images(damaged) WHERE damaged != 0"),
        },
        {
            // Tags compare without case everywhere (filter, remove); make
            // storage agree, so "Cat" and "cat" are one tag.
            QStringLiteral(R"(CREATE TABLE tags_nocase (
                image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
                tag TEXT NOT NULL COLLATE NOCASE,
                PRIMARY KEY (image_id, tag)) WITHOUT ROWID)"),
            QStringLiteral(
                "INSERT OR IGNORE INTO tags_nocase(image_id, tag) SELECT image_id, tag FROM tags"),
            QStringLiteral("DROP TABLE tags"),
            QStringLiteral("ALTER TABLE tags_nocase RENAME TO tags"),
            QStringLiteral("CREATE INDEX tags_by_tag ON tags(tag, image_id)"),
        },
        {
            // Substring search over names, tags and source hosts through a
            // trigram index: a full scan with LIKE takes ~0.5 s at a million
            // images, a trigram match a few ms. Triggers keep it in step;
            // tags and hosts are kept one per line so no match spans two.
            QStringLiteral("CREATE VIRTUAL TABLE image_text USING fts5(name, tags, hosts, tokenize "
                           "= 'trigram')"),
            QStringLiteral(R"(INSERT INTO image_text(rowid, name, tags, hosts)
                SELECT i.id, i.name,
                    coalesce((SELECT group_concat(tag, char(10)) FROM tags WHERE image_id = i.id), ''),
                    coalesce((SELECT group_concat(host, char(10)) FROM sources WHERE image_id = i.id), '')
                FROM images i)"),
            QStringLiteral(R"(CREATE TRIGGER image_text_insert AFTER INSERT ON images BEGIN
                INSERT INTO image_text(rowid, name, tags, hosts) VALUES (NEW.id, NEW.name, '', '');
                END)"),
            QStringLiteral(R"(CREATE TRIGGER image_text_rename AFTER UPDATE OF name ON images BEGIN
                UPDATE image_text SET name = NEW.name WHERE rowid = NEW.id;
                END)"),
            QStringLiteral(R"(CREATE TRIGGER image_text_delete AFTER DELETE ON images BEGIN
                DELETE FROM image_text WHERE rowid = OLD.id;
                END)"),
            QStringLiteral(R"(CREATE TRIGGER image_text_tag_insert AFTER INSERT ON tags BEGIN
                UPDATE image_text SET tags = coalesce((SELECT group_concat(tag, char(10)) FROM tags
                    WHERE image_id = NEW.image_id), '') WHERE rowid = NEW.image_id;
                END)"),
            QStringLiteral(R"(CREATE TRIGGER image_text_tag_delete AFTER DELETE ON tags BEGIN
                UPDATE image_text SET tags = coalesce((SELECT group_concat(tag, char(10)) FROM tags
                    WHERE image_id = OLD.image_id), '') WHERE rowid = OLD.image_id;
                END)"),
            QStringLiteral(R"(CREATE TRIGGER image_text_source_insert AFTER INSERT ON sources BEGIN
                UPDATE image_text SET hosts = coalesce((SELECT group_concat(host, char(10)) FROM sources
                    WHERE image_id = NEW.image_id), '') WHERE rowid = NEW.image_id;
                END)"),
            QStringLiteral(R"(CREATE TRIGGER image_text_source_delete AFTER DELETE ON sources BEGIN
                UPDATE image_text SET hosts = coalesce((SELECT group_concat(host, char(10)) FROM sources
                    WHERE image_id = OLD.image_id), '') WHERE rowid = OLD.image_id;
                END)"),
        },
        {
            // The change feed (catalog/changefeed.h): every committed change
            // gets a row with a rising sequence, written by these triggers in
            // the same transaction, whichever process commits. Readers poll
            // PRAGMA data_version and read what follows the last sequence
            // they applied. Kinds are ChangeKind's numbers.
            QStringLiteral(R"(CREATE TABLE changes (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                kind INTEGER NOT NULL,
                image_id INTEGER NOT NULL))"),
            QStringLiteral(R"(CREATE TRIGGER changes_image_insert AFTER INSERT ON images BEGIN
                INSERT INTO changes(kind, image_id) VALUES (1, NEW.id);
                END)"),
            QStringLiteral(R"(CREATE TRIGGER changes_image_delete AFTER DELETE ON images BEGIN
                INSERT INTO changes(kind, image_id) VALUES (2, OLD.id);
                END)"),
            QStringLiteral(R"(CREATE TRIGGER changes_image_update AFTER UPDATE ON images BEGIN
                INSERT INTO changes(kind, image_id) VALUES (3, NEW.id);
                END)"),
            // Tags and sources of a deleted image go by cascade: its removal
            // says all there is to say.
            QStringLiteral(R"(CREATE TRIGGER changes_tag_insert AFTER INSERT ON tags BEGIN
                INSERT INTO changes(kind, image_id) VALUES (3, NEW.image_id);
                END)"),
            QStringLiteral(R"(CREATE TRIGGER changes_tag_delete AFTER DELETE ON tags
                WHEN EXISTS (SELECT 1 FROM images WHERE id = OLD.image_id) BEGIN
                INSERT INTO changes(kind, image_id) VALUES (3, OLD.image_id);
                END)"),
            QStringLiteral(R"(CREATE TRIGGER changes_source_insert AFTER INSERT ON sources BEGIN
                INSERT INTO changes(kind, image_id) VALUES (3, NEW.image_id);
                END)"),
            QStringLiteral(R"(CREATE TRIGGER changes_source_delete AFTER DELETE ON sources
                WHEN EXISTS (SELECT 1 FROM images WHERE id = OLD.image_id) BEGIN
                INSERT INTO changes(kind, image_id) VALUES (3, OLD.image_id);
                END)"),
            QStringLiteral(R"(CREATE TRIGGER changes_queue_insert AFTER INSERT ON queue BEGIN
                INSERT INTO changes(kind, image_id) VALUES (5, 0);
                END)"),
            QStringLiteral(R"(CREATE TRIGGER changes_queue_state AFTER UPDATE OF state ON queue
                WHEN OLD.state != NEW.state BEGIN
                INSERT INTO changes(kind, image_id) VALUES (5, 0);
                END)"),
            QStringLiteral(R"(CREATE TRIGGER changes_queue_delete AFTER DELETE ON queue BEGIN
                INSERT INTO changes(kind, image_id) VALUES (5, 0);
                END)"),
        },
        {
            // The trash: a removed image kept whole, under the key it had in
            // `images`, so that restoring it puts back the same row. Tags
            // and sources travel as JSON text (tags: ["a", ...]; sources:
            // [{"url", "host", "added_at"}, ...]). Its blob and thumbnail
            // stay until the trash is emptied.
            QStringLiteral(R"(CREATE TABLE trash (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL,
                name TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                format TEXT NOT NULL,
                width INTEGER NOT NULL,
                height INTEGER NOT NULL,
                original_bytes INTEGER NOT NULL,
                stored_bytes INTEGER NOT NULL,
                added_at INTEGER NOT NULL,
                damaged INTEGER NOT NULL DEFAULT 0,
                tags TEXT NOT NULL DEFAULT '[]',
                sources TEXT NOT NULL DEFAULT '[]',
                trashed_at INTEGER NOT NULL))"),
            QStringLiteral("CREATE INDEX trash_by_trashed ON trash(trashed_at, id)"),
            // A blob is kept while an image or a trash row names it.
            QStringLiteral("CREATE INDEX trash_by_sha ON trash(sha256)"),
            QStringLiteral("CREATE INDEX trash_by_name ON trash(name)"),
            // Bytes whose trash was emptied: adding them again needs --force.
            QStringLiteral(R"(CREATE TABLE removed_hashes (
                sha256 TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                removed_at INTEGER NOT NULL) WITHOUT ROWID)"),
            // An item queued with --force (or "Add anyway") keeps it across
            // a restart.
            QStringLiteral("ALTER TABLE queue ADD COLUMN force_add INTEGER NOT NULL DEFAULT 0"),
        },
        {
            // A note a person (or the Eagle API's `annotation`) gave an
            // image; NULL for none. The queue keeps it for a resumed item,
            // the trash for a restored one.
            QStringLiteral("ALTER TABLE images ADD COLUMN annotation TEXT"),
            QStringLiteral("ALTER TABLE trash ADD COLUMN annotation TEXT"),
            QStringLiteral("ALTER TABLE queue ADD COLUMN annotation TEXT"),
        },
        {
            // An animation (GIF, WebP, AVIF, JPEG XL with more than one
            // frame): its thumbnail carries a badge. Images added before
            // this step read 0 until they are added again.
            QStringLiteral("ALTER TABLE images ADD COLUMN animated INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE trash ADD COLUMN animated INTEGER NOT NULL DEFAULT 0"),
        },
        {
            // Perceptual hashes (similar/perceptualhash.h), one row per
            // image that was hashed; a NULL phash: the image could not be
            // decoded, do not try again. Kept apart from `images` so that
            // hashing a million existing images is no change a window must
            // show (no change-feed rows). b0..b2 are the phash's blocks
            // (HashBlocks: 22, 21 and 21 bits), indexed: "similar to this"
            // looks up the few rows within a bit or two of each block
            // (multi-index hashing; docs/architecture.md) instead of
            // reading every hash.
            QStringLiteral(R"(CREATE TABLE image_hashes (
                image_id INTEGER PRIMARY KEY REFERENCES images(id) ON DELETE CASCADE,
                phash INTEGER,
                dhash INTEGER,
                b0 INTEGER, b1 INTEGER, b2 INTEGER))"),
            QStringLiteral("CREATE INDEX image_hashes_b0 ON image_hashes(b0)"),
            QStringLiteral("CREATE INDEX image_hashes_b1 ON image_hashes(b1)"),
            QStringLiteral("CREATE INDEX image_hashes_b2 ON image_hashes(b2)"),
            // A trashed image keeps its hashes, so a restore needs no decode.
            QStringLiteral("ALTER TABLE trash ADD COLUMN phash INTEGER"),
            QStringLiteral("ALTER TABLE trash ADD COLUMN dhash INTEGER"),
            // Pairs a person said are not duplicates (smaller key first).
            QStringLiteral(R"(CREATE TABLE not_duplicates (
                a INTEGER NOT NULL,
                b INTEGER NOT NULL,
                PRIMARY KEY (a, b),
                CHECK (a < b)) WITHOUT ROWID)"),
        },
        {
            // The block indexes carry the whole DCT hash (and the image id,
            // as every index does): "similar to this" checks a candidate
            // with what the index it was found in holds and never reads a
            // table row. Inside a large family of similar pictures a block
            // value names thousands of images, and a row read for each took
            // a query to 118 ms at a million (docs/performance.md).
            QStringLiteral("DROP INDEX image_hashes_b0"),
            QStringLiteral("DROP INDEX image_hashes_b1"),
            QStringLiteral("DROP INDEX image_hashes_b2"),
            QStringLiteral("CREATE INDEX image_hashes_b0 ON image_hashes(b0, phash)"),
            QStringLiteral("CREATE INDEX image_hashes_b1 ON image_hashes(b1, phash)"),
            QStringLiteral("CREATE INDEX image_hashes_b2 ON image_hashes(b2, phash)"),
        },
        {
            // The search language's `format:png width:>1000`: the format
            // and the width of its images, in order, so that a rare format
            // is found without walking a million rows (and a common one is
            // counted without reading them). Dates use images_by_added.
            QStringLiteral("CREATE INDEX images_by_format ON images(format, width)"),
        },
        {
            // Images per format, kept by triggers like the totals in
            // `stats`: `trove stats --json` and the statistics window read a
            // few rows instead of counting a million index entries (4,175
            // page reads and most of the command's time at a million).
            QStringLiteral(R"(CREATE TABLE format_counts (
                format TEXT PRIMARY KEY,
                images INTEGER NOT NULL) WITHOUT ROWID)"),
            QStringLiteral("INSERT INTO format_counts SELECT format, count(*) FROM images "
                           "GROUP BY format"),
            QStringLiteral(R"(CREATE TRIGGER format_count_insert AFTER INSERT ON images BEGIN
                INSERT INTO format_counts VALUES (NEW.format, 1)
                    ON CONFLICT (format) DO UPDATE SET images = images + 1;
                END)"),
            QStringLiteral(R"(CREATE TRIGGER format_count_delete AFTER DELETE ON images BEGIN
                UPDATE format_counts SET images = images - 1 WHERE format = OLD.format;
                DELETE FROM format_counts WHERE format = OLD.format AND images <= 0;
                END)"),
            QStringLiteral(R"(CREATE TRIGGER format_count_update AFTER UPDATE OF format ON images
                WHEN NEW.format IS NOT OLD.format BEGIN
                UPDATE format_counts SET images = images - 1 WHERE format = OLD.format;
                DELETE FROM format_counts WHERE format = OLD.format AND images <= 0;
                INSERT INTO format_counts VALUES (NEW.format, 1)
                    ON CONFLICT (format) DO UPDATE SET images = images + 1;
                END)"),
        },
        {
            // Ratings (0 to 5 stars, 0: none) and a favourite flag; the
            // trash keeps both for a restore. images_by_rating pages the
            // "rating" sort (ties newest first) and answers `rating:>=4`
            // in order; favourites are few, so a partial index holds just
            // them, in the gallery's order, for `fav`.
            QStringLiteral("ALTER TABLE images ADD COLUMN rating INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE images ADD COLUMN favourite INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE trash ADD COLUMN rating INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE trash ADD COLUMN favourite INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE INDEX images_by_rating ON images(rating, added_at, id)"),
            QStringLiteral(
                "CREATE INDEX images_favourites ON images(added_at, id) WHERE favourite != 0"),
            // The rating sort pages by one value, rating then time added
            // (querysql::sortValue()), spelt exactly so.
            QStringLiteral("CREATE INDEX images_by_rating_order ON images("
                           "(rating * 4398046511104 + added_at), id)"),
        },
        {
            // More orders (catalog/catalogquery.h), each with an index that
            // the first screen and every later page walk at a million
            // images, rather than a sort of the whole table.
            // The natural name order: the key is computed in C++ when a
            // name is written (base/naturalkey.h); fillComputedColumns()
            // writes it for the rows that were here before this step.
            QStringLiteral("ALTER TABLE images ADD COLUMN name_key TEXT"),
            QStringLiteral("CREATE INDEX images_by_name_key ON images(name_key, id)"),
            QStringLiteral("CREATE INDEX images_by_bytes ON images(original_bytes, id)"),
            // Pixels as an indexed expression: queries must spell it
            // exactly so (querysql::sortValue()).
            QStringLiteral("CREATE INDEX images_by_pixels ON images(width * height, id)"),
            // The random order: a random key per image, kept apart from
            // `images` so that Shuffle Again (new keys for every image) is
            // no change any reader must apply row by row (no change-feed
            // rows but one). Triggers give new and restored images a key.
            QStringLiteral(R"(CREATE TABLE image_shuffle (
                image_id INTEGER PRIMARY KEY,
                key INTEGER NOT NULL))"),
            QStringLiteral("CREATE INDEX image_shuffle_by_key ON image_shuffle(key, image_id)"),
            QStringLiteral(
                "INSERT INTO image_shuffle(image_id, key) SELECT id, random() FROM images"),
            QStringLiteral(R"(CREATE TRIGGER image_shuffle_insert AFTER INSERT ON images BEGIN
                INSERT OR REPLACE INTO image_shuffle(image_id, key) VALUES (NEW.id, random());
                END)"),
            QStringLiteral(R"(CREATE TRIGGER image_shuffle_delete AFTER DELETE ON images BEGIN
                DELETE FROM image_shuffle WHERE image_id = OLD.id;
                END)"),
        },
        {
            // Collections (issue 14): named sets of images, an image in any
            // number of them. A smart collection is a saved search (query
            // not NULL) and has no items. Names are unique whatever their
            // case, as tags are.
            QStringLiteral(R"(CREATE TABLE collections (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                query TEXT,
                created_at INTEGER NOT NULL))"),
            // Hand order: position ascending (REAL, so that a drop between
            // two items needs no renumbering). No reference to images: a
            // trashed image keeps its key (and gets it back on restore), so
            // its memberships wait for it; they go with the image for good.
            QStringLiteral(R"(CREATE TABLE collection_items (
                collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
                image_id INTEGER NOT NULL,
                position REAL NOT NULL,
                PRIMARY KEY (collection_id, image_id)) WITHOUT ROWID)"),
            QStringLiteral("CREATE INDEX collection_items_by_position ON "
                           "collection_items(collection_id, position)"),
            QStringLiteral("CREATE INDEX collection_items_by_image ON "
                           "collection_items(image_id)"),
            // Gone for good: emptied from the trash (no image took the key
            // back), or deleted without passing through the trash.
            QStringLiteral(R"(CREATE TRIGGER collection_items_trash_gone AFTER DELETE ON trash
                WHEN NOT EXISTS (SELECT 1 FROM images WHERE id = OLD.id) BEGIN
                DELETE FROM collection_items WHERE image_id = OLD.id;
                END)"),
            QStringLiteral(R"(CREATE TRIGGER collection_items_image_gone AFTER DELETE ON images
                WHEN NOT EXISTS (SELECT 1 FROM trash WHERE id = OLD.id) BEGIN
                DELETE FROM collection_items WHERE image_id = OLD.id;
                END)"),
            // The change feed: a membership is a change of the image (a
            // gallery showing in:"name" looks at it again); any change to a
            // collection is kind 7 (ChangeKind::CollectionsChanged) for
            // lists of collections and their counts.
            QStringLiteral(R"(CREATE TRIGGER changes_collection_item_insert
                AFTER INSERT ON collection_items BEGIN
                INSERT INTO changes(kind, image_id) VALUES (3, NEW.image_id);
                INSERT INTO changes(kind, image_id) VALUES (7, 0);
                END)"),
            QStringLiteral(R"(CREATE TRIGGER changes_collection_item_delete
                AFTER DELETE ON collection_items BEGIN
                INSERT INTO changes(kind, image_id) VALUES (3, OLD.image_id);
                INSERT INTO changes(kind, image_id) VALUES (7, 0);
                END)"),
            QStringLiteral(R"(CREATE TRIGGER changes_collection_item_move
                AFTER UPDATE OF position ON collection_items BEGIN
                INSERT INTO changes(kind, image_id) VALUES (7, 0);
                END)"),
            QStringLiteral(R"(CREATE TRIGGER changes_collection_insert AFTER INSERT ON collections
                BEGIN INSERT INTO changes(kind, image_id) VALUES (7, 0); END)"),
            QStringLiteral(R"(CREATE TRIGGER changes_collection_update AFTER UPDATE ON collections
                BEGIN INSERT INTO changes(kind, image_id) VALUES (7, 0); END)"),
            QStringLiteral(R"(CREATE TRIGGER changes_collection_delete AFTER DELETE ON collections
                BEGIN INSERT INTO changes(kind, image_id) VALUES (7, 0); END)"),
        },
        {
            // `trove trash restore ID…` finds each id here: without the
            // index each one read the whole trash (5,000 ids from a trash
            // of 450,000 took nine minutes).
            QStringLiteral("CREATE INDEX trash_by_uuid ON trash(uuid)"),
        },
        {
            // An image removed takes its tags and sources with it (ON DELETE
            // CASCADE), and each of those rows rewrote the image's search
            // text, which goes with the image anyway: three full-text
            // updates thrown away per image, half of what moving 5,000
            // images to the trash cost the writer at a million. The image
            // still there is the only case that needs the new text.
            QStringLiteral("DROP TRIGGER image_text_tag_delete"),
            QStringLiteral(R"(CREATE TRIGGER image_text_tag_delete AFTER DELETE ON tags
                WHEN EXISTS (SELECT 1 FROM images WHERE id = OLD.image_id) BEGIN
                UPDATE image_text SET tags = coalesce((SELECT group_concat(tag, char(10)) FROM tags
                    WHERE image_id = OLD.image_id), '') WHERE rowid = OLD.image_id;
                END)"),
            QStringLiteral("DROP TRIGGER image_text_source_delete"),
            QStringLiteral(R"(CREATE TRIGGER image_text_source_delete AFTER DELETE ON sources
                WHEN EXISTS (SELECT 1 FROM images WHERE id = OLD.image_id) BEGIN
                UPDATE image_text SET hosts = coalesce((SELECT group_concat(host, char(10)) FROM sources
                    WHERE image_id = OLD.image_id), '') WHERE rowid = OLD.image_id;
                END)"),
            // An image's text is written whole when it goes in: a restore
            // from the trash puts its tags and sources in first (under
            // deferred foreign keys), so that the tags' and sources' own
            // triggers find no text to rewrite. A new image has neither yet.
            QStringLiteral("DROP TRIGGER image_text_insert"),
            QStringLiteral(R"(CREATE TRIGGER image_text_insert AFTER INSERT ON images BEGIN
                INSERT INTO image_text(rowid, name, tags, hosts) VALUES (NEW.id, NEW.name,
                    coalesce((SELECT group_concat(tag, char(10)) FROM tags WHERE image_id = NEW.id), ''),
                    coalesce((SELECT group_concat(host, char(10)) FROM sources WHERE image_id = NEW.id), ''));
                END)"),
        },
        {
            // The page an image was found on: the Referer its download was
            // sent with (a drop's page, `--referer`, the API's `website`);
            // NULL if unknown. The queue keeps it for a resumed item, which
            // sends it again; the trash keeps it for a restored image.
            QStringLiteral("ALTER TABLE images ADD COLUMN found_on TEXT"),
            QStringLiteral("ALTER TABLE trash ADD COLUMN found_on TEXT"),
            QStringLiteral("ALTER TABLE queue ADD COLUMN referer TEXT"),
        },
        {
            // Which library this is, whatever folder it sits in: a backup
            // (VACUUM INTO) and a moved library keep it, so a backup goes
            // only over an earlier backup of the same library, never over
            // another library that happens to have a catalog.
            QStringLiteral(R"(CREATE TABLE library (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                uuid TEXT NOT NULL))"),
            QStringLiteral("INSERT INTO library VALUES (1, lower(hex(randomblob(16))))"),
        },
        {
            // Each tag added to or removed from an image rewrote its whole
            // search text, as long as all its tags: thousands given at once
            // (an edit, an API call) took minutes and held the writer. A
            // writer changing several tags of an image holds it here
            // meanwhile and writes its text once (statements::TextHold);
            // rows live only inside the writer's transaction.
            QStringLiteral("CREATE TABLE text_hold (image_id INTEGER PRIMARY KEY)"),
            QStringLiteral("DROP TRIGGER image_text_tag_insert"),
            QStringLiteral(R"(CREATE TRIGGER image_text_tag_insert AFTER INSERT ON tags
                WHEN NOT EXISTS (SELECT 1 FROM text_hold WHERE image_id = NEW.image_id) BEGIN
                UPDATE image_text SET tags = coalesce((SELECT group_concat(tag, char(10)) FROM tags
                    WHERE image_id = NEW.image_id), '') WHERE rowid = NEW.image_id;
                END)"),
            QStringLiteral("DROP TRIGGER image_text_tag_delete"),
            QStringLiteral(R"(CREATE TRIGGER image_text_tag_delete AFTER DELETE ON tags
                WHEN EXISTS (SELECT 1 FROM images WHERE id = OLD.image_id)
                    AND NOT EXISTS (SELECT 1 FROM text_hold WHERE image_id = OLD.image_id) BEGIN
                UPDATE image_text SET tags = coalesce((SELECT group_concat(tag, char(10)) FROM tags
                    WHERE image_id = OLD.image_id), '') WHERE rowid = OLD.image_id;
                END)"),
        },
        {
            // A tag is the same tag in any case of any script: NOCASE folded
            // ASCII only, so "Über" and "über" were two tags, `tag:über`
            // missed "Über", and an image could carry both. Each tag now
            // keeps its key (base/tagkey.h: Unicode case folding, composed),
            // written by the writer in C++; an image's tags are unique by
            // key, and every match, count and rename goes by key along
            // tags_by_key, which holds the spelling too, so counting every
            // tag of the library reads the index alone. trove_tag_key() is
            // the connection's (storage/database.h), never named by the
            // schema: a plain sqlite3 reads the catalog.
            //
            // A rename fails while a trigger names a table that is not
            // there: the one on images that reads the tags goes meanwhile;
            // those on tags go with the table.
            QStringLiteral("DROP TRIGGER image_text_insert"),
            // The key before the spelling: SQLite 3.40's integrity_check
            // reports "NULL value in tags.tag" for every row of a WITHOUT
            // ROWID table whose column outside the primary key comes
            // between two of its columns (verify called every library
            // with a tag damaged).
            QStringLiteral(R"(CREATE TABLE tags_keyed (
                image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
                tag_key TEXT NOT NULL,
                tag TEXT NOT NULL,
                PRIMARY KEY (image_id, tag_key)) WITHOUT ROWID)"),
            // Of two spellings an image has that now fold together, the
            // first in the image's order (NOCASE, the old table's) stays.
            // An ASCII tag's key is the tag in lower case, which SQLite's
            // lower() gives (ASCII only, or more with ICU: the same here);
            // the others are keyed in C++, once each.
            QStringLiteral(R"(INSERT OR IGNORE INTO tags_keyed(image_id, tag, tag_key)
                SELECT image_id, tag, CASE WHEN length(tag) = length(CAST(tag AS BLOB))
                    THEN lower(tag) ELSE trove_tag_key(tag) END FROM tags ORDER BY image_id, tag)"),
            // The images that lost a spelling: their search text anew, and
            // a change for the feed. An ASCII spelling sorts before any
            // other under NOCASE, so only tags with other characters can
            // have gone, and only those are looked for.
            QStringLiteral(R"(CREATE TEMP TABLE tags_merged AS SELECT DISTINCT image_id FROM tags
                WHERE length(tag) != length(CAST(tag AS BLOB)) AND NOT EXISTS (SELECT 1
                    FROM tags_keyed k WHERE k.image_id = tags.image_id AND k.tag = tags.tag))"),
            QStringLiteral(
                R"(UPDATE image_text SET tags = coalesce((SELECT group_concat(tag, char(10))
                FROM tags_keyed WHERE image_id = image_text.rowid), '')
                WHERE rowid IN (SELECT image_id FROM temp.tags_merged))"),
            QStringLiteral("INSERT INTO changes(kind, image_id) SELECT 3, image_id FROM "
                           "temp.tags_merged ORDER BY image_id"),
            QStringLiteral("DROP TABLE temp.tags_merged"),
            QStringLiteral("DROP TABLE tags"),
            QStringLiteral("ALTER TABLE tags_keyed RENAME TO tags"),
            QStringLiteral("CREATE INDEX tags_by_key ON tags(tag_key, image_id, tag)"),
            // The triggers as the steps before left them.
            QStringLiteral(R"(CREATE TRIGGER image_text_insert AFTER INSERT ON images BEGIN
                INSERT INTO image_text(rowid, name, tags, hosts) VALUES (NEW.id, NEW.name,
                    coalesce((SELECT group_concat(tag, char(10)) FROM tags WHERE image_id = NEW.id), ''),
                    coalesce((SELECT group_concat(host, char(10)) FROM sources WHERE image_id = NEW.id), ''));
                END)"),
            QStringLiteral(R"(CREATE TRIGGER image_text_tag_insert AFTER INSERT ON tags
                WHEN NOT EXISTS (SELECT 1 FROM text_hold WHERE image_id = NEW.image_id) BEGIN
                UPDATE image_text SET tags = coalesce((SELECT group_concat(tag, char(10)) FROM tags
                    WHERE image_id = NEW.image_id), '') WHERE rowid = NEW.image_id;
                END)"),
            QStringLiteral(R"(CREATE TRIGGER image_text_tag_delete AFTER DELETE ON tags
                WHEN EXISTS (SELECT 1 FROM images WHERE id = OLD.image_id)
                    AND NOT EXISTS (SELECT 1 FROM text_hold WHERE image_id = OLD.image_id) BEGIN
                UPDATE image_text SET tags = coalesce((SELECT group_concat(tag, char(10)) FROM tags
                    WHERE image_id = OLD.image_id), '') WHERE rowid = OLD.image_id;
                END)"),
            QStringLiteral(R"(CREATE TRIGGER changes_tag_insert AFTER INSERT ON tags BEGIN
                INSERT INTO changes(kind, image_id) VALUES (3, NEW.image_id);
                END)"),
            QStringLiteral(R"(CREATE TRIGGER changes_tag_delete AFTER DELETE ON tags
                WHEN EXISTS (SELECT 1 FROM images WHERE id = OLD.image_id) BEGIN
                INSERT INTO changes(kind, image_id) VALUES (3, OLD.image_id);
                END)"),
        },
        {
            // A collection name is one name in any case of any script, as
            // a tag is: NOCASE folded ASCII only, so "Été" and "été" were
            // two collections and in:"ÉTÉ" found neither. Each name keeps
            // its key (Collections::nameKey(), the tag key of the name),
            // written by the writer in C++, unique, and every lookup goes
            // by it. fillComputedColumns() keys the collections that were
            // here before this step, and renames the later of two names
            // that now fold together (NULL keys are never equal, so the
            // index holds meanwhile). The old UNIQUE NOCASE stays: two
            // names NOCASE calls equal have one key anyway.
            QStringLiteral("ALTER TABLE collections ADD COLUMN name_key TEXT"),
            QStringLiteral("CREATE UNIQUE INDEX collections_by_key ON collections(name_key)"),
        },
        {
            // A folder import that has not finished walking its folder: the
            // queue holds only the files found so far (a batch at a time), so
            // a process killed mid-walk left the rest of the folder unadded.
            // Written before the first batch of its files is queued, deleted
            // in the transaction that queues the last; `trove resume` and the
            // window walk a folder left here again (ingest/folderimport.h).
            // The id is chosen by the walk (random), so that the row can be
            // named before the writer has answered. owner_pid as in queue.
            QStringLiteral(R"(CREATE TABLE folder_walks (
                id INTEGER PRIMARY KEY,
                root TEXT NOT NULL,
                name TEXT NOT NULL DEFAULT '',
                tags TEXT NOT NULL DEFAULT '',
                force_add INTEGER NOT NULL DEFAULT 0,
                annotation TEXT,
                referer TEXT,
                owner_pid INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL))"),
        },
    };
    return migrations;
}

const std::vector<QStringList> &thumbsSteps()
{
    static const std::vector<QStringList> migrations {
        {
            QStringLiteral(R"(CREATE TABLE thumbs (
                image_id INTEGER PRIMARY KEY,
                width INTEGER NOT NULL,
                height INTEGER NOT NULL,
                data BLOB NOT NULL))"),
        },
    };
    return migrations;
}

// The key (Collections::nameKey(): the tag key of the name, base/tagkey.h)
// of every collection that has none: those from before the step that
// added it. Of names that now fold together ("Été" and "été", two
// collections under NOCASE) the oldest (lowest id) keeps its name; each
// later one is renamed "été (2)", "été (3)"…, the first number whose name
// is no collection's, kept or not yet keyed: the same names whoever opens
// the library first. Its images and order stay. A saved search that named
// a renamed one by its old spelling now finds the one that kept the name.
Result<void> fillCollectionKeys(Connection &catalog)
{
    // The index finds a NULL key without a scan when there is none.
    QSqlQuery any
        = catalog.query(QStringLiteral("SELECT 1 FROM collections WHERE name_key IS NULL LIMIT 1"));
    if (auto r = execQuery(any); !r)
        return r;
    if (!any.next())
        return {};
    any.finish();
    QSqlQuery read
        = catalog.query(QStringLiteral("SELECT id, name, name_key FROM collections ORDER BY id"));
    if (auto r = execQuery(read); !r)
        return r;
    QList<QPair<qint64, QString>> unkeyed;
    QSet<QString> taken; // the keys given
    QSet<QString> names; // the key of every name there is, given or not
    while (read.next()) {
        const QString name = read.value(QStringLiteral("name")).toString();
        names.insert(tagKey(name.simplified()));
        if (read.value(QStringLiteral("name_key")).isNull())
            unkeyed.append({ read.value(QStringLiteral("id")).toLongLong(), name });
        else
            taken.insert(read.value(QStringLiteral("name_key")).toString());
    }
    read.finish();
    QSqlQuery put = catalog.query(
        QStringLiteral("UPDATE collections SET name = ?, name_key = ? WHERE id = ?"));
    for (const auto &[id, stored] : std::as_const(unkeyed)) {
        QString name = stored;
        QString key = tagKey(name.simplified());
        for (int n = 2; taken.contains(key); ++n) {
            const QString next = QStringLiteral("%1 (%2)").arg(stored).arg(n);
            const QString nextKey = tagKey(next.simplified());
            // Not another collection's own name either, even one keyed later.
            if (taken.contains(nextKey) || names.contains(nextKey))
                continue;
            name = next;
            key = nextKey;
        }
        taken.insert(key);
        put.bindValue(0, name);
        put.bindValue(1, key);
        put.bindValue(2, id);
        if (auto r = execQuery(put); !r)
            return r;
    }
    return {};
}

} // namespace

Result<void> fillComputedColumns(Connection &catalog)
{
    if (auto r = fillCollectionKeys(catalog); !r)
        return r;
    // Only rows from before the step that added the column have no key;
    // the index finds them (NULLs first) without a scan when there are none.
    QSqlQuery any
        = catalog.query(QStringLiteral("SELECT 1 FROM images WHERE name_key IS NULL LIMIT 1"));
    if (auto r = execQuery(any); !r)
        return r;
    if (!any.next())
        return {};
    any.finish();
    // Keys written here are no change a reader must see: the feed's update
    // trigger is set aside meanwhile (a million rows in `changes` and a
    // reload of every view otherwise), inside the migration's transaction.
    QSqlQuery trigger = catalog.query(QStringLiteral(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'changes_image_update'"));
    if (auto r = execQuery(trigger); !r)
        return r;
    const QString triggerSql = trigger.next() ? trigger.value(0).toString() : QString();
    trigger.finish();
    if (!triggerSql.isEmpty()) {
        if (auto r = catalog.exec(QStringLiteral("DROP TRIGGER changes_image_update")); !r)
            return r;
    }
    QSqlQuery read = catalog.query(QStringLiteral(
        "SELECT id, name FROM images WHERE id > ? AND name_key IS NULL ORDER BY id LIMIT 10000"));
    QSqlQuery put = catalog.query(QStringLiteral("UPDATE images SET name_key = ? WHERE id = ?"));
    qint64 after = std::numeric_limits<qint64>::min();
    for (;;) {
        // A batch read whole, then written: no SELECT is open over rows
        // being updated.
        read.bindValue(0, after);
        if (auto r = execQuery(read); !r)
            return r;
        QList<QPair<qint64, QString>> batch;
        while (read.next())
            batch.append({ read.value(0).toLongLong(), read.value(1).toString() });
        read.finish();
        if (batch.isEmpty())
            break;
        for (const auto &[id, name] : std::as_const(batch)) {
            put.bindValue(0, naturalSortKey(name));
            put.bindValue(1, id);
            if (auto r = execQuery(put); !r)
                return r;
        }
        after = batch.constLast().first;
    }
    if (!triggerSql.isEmpty())
        return catalog.exec(triggerSql);
    return {};
}

const std::vector<QStringList> &migrations(Connection::Kind kind)
{
    return kind == Connection::Kind::Catalog ? catalogSteps() : thumbsSteps();
}

} // namespace trove::schema
