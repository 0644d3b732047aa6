#include "store/Schema.h"

#include "store/ContentHash.h"
#include "store/Database.h"

#include <sqlite3.h>

#include <array>

namespace claimlens {
namespace {

// Never edit a migration that has shipped; add a new one.
constexpr std::array<const char*, 10> kMigrations{
    // 1: documents and their structure, sentences with full-text search, cited sources
    R"sql(
CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  file_name TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  encoding TEXT,
  title TEXT,
  author TEXT,
  section TEXT,
  source TEXT,
  published TEXT,
  published_precision INTEGER NOT NULL DEFAULT 0,
  file_size INTEGER,
  ingested_at TEXT NOT NULL,
  clean_text TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE TABLE duplicates(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  path TEXT NOT NULL UNIQUE,
  found_at TEXT NOT NULL
);
CREATE INDEX duplicates_document ON duplicates(document_id);
CREATE TABLE blocks(
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  kind TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  content_start INTEGER NOT NULL,
  attached_to INTEGER,
  key TEXT,
  value TEXT,
  PRIMARY KEY(document_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE sentences(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL,
  block_ordinal INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  FOREIGN KEY(document_id, block_ordinal) REFERENCES blocks(document_id, ordinal) ON DELETE CASCADE
);
CREATE INDEX sentences_document ON sentences(document_id, block_ordinal, ordinal);
CREATE VIRTUAL TABLE sentences_fts USING fts5(
  text, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
-- Rows enter the index from DocumentStore, in the same statement sequence as the sentence (a trigger
-- per row costs three times the insert); they leave it through this trigger, whatever deletes them.
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TABLE cited_sources(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence_ordinal INTEGER,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  relative_age TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL
);
CREATE INDEX cited_sources_document ON cited_sources(document_id);
CREATE INDEX cited_sources_name ON cited_sources(name, document_id);
)sql",
    // 2: what extraction finds, each row keyed to its document and sentence. document_entities
    // is the per-document summary the company filter reads, so it never scans mentions.
    R"sql(
CREATE TABLE entities(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  owner_id INTEGER REFERENCES entities(id),
  country TEXT,
  UNIQUE(kind, name)
);
CREATE TABLE mentions(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence_id INTEGER NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  via_entity_id INTEGER REFERENCES entities(id),
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  surface TEXT NOT NULL
);
CREATE INDEX mentions_document ON mentions(document_id, sentence_id);
CREATE INDEX mentions_entity ON mentions(entity_id, document_id);
CREATE INDEX mentions_via ON mentions(via_entity_id) WHERE via_entity_id IS NOT NULL;
CREATE TABLE document_entities(
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  mention_count INTEGER NOT NULL,
  via_product INTEGER NOT NULL DEFAULT 0,
  published TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(entity_id, published, document_id)
) WITHOUT ROWID;
CREATE INDEX document_entities_document ON document_entities(document_id);
CREATE TABLE statistics(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence_id INTEGER NOT NULL,
  subject_entity_id INTEGER REFERENCES entities(id),
  subject TEXT NOT NULL,
  metric_key TEXT NOT NULL,
  metric TEXT NOT NULL,
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  qualifier TEXT,
  period TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL
);
CREATE INDEX statistics_document ON statistics(document_id);
CREATE INDEX statistics_metric ON statistics(metric_key, subject);
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence_id INTEGER NOT NULL,
  date TEXT,
  precision INTEGER NOT NULL,
  relative TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL
);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_date ON events(date);
CREATE TABLE claims(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence_id INTEGER NOT NULL,
  score REAL NOT NULL,
  date TEXT,
  date_precision INTEGER NOT NULL DEFAULT 0,
  source TEXT
);
CREATE INDEX claims_document ON claims(document_id);
CREATE INDEX claims_date ON claims(date);
CREATE TABLE claim_actors(
  claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  PRIMARY KEY(claim_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX claim_actors_entity ON claim_actors(entity_id);
)sql",
    // 3: per entity and month, the documents published that month naming it and the claims of
    // that month with it among the actors (a claim without a date of its own takes its document's),
    // so that charts of a large database read a few thousand rows instead of millions of
    // document_entities and claim_actors. month is 'YYYY-MM', 'YYYY' when only the year is known,
    // '' when undated. DocumentStore keeps it current; rows that fall to zero stay (harmless).
    R"sql(
CREATE TABLE entity_months(
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  month TEXT NOT NULL,
  documents INTEGER NOT NULL DEFAULT 0,
  claims INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(entity_id, month)
) WITHOUT ROWID;
INSERT INTO entity_months(entity_id, month, documents, claims)
SELECT entity_id, month, sum(documents), sum(claims) FROM (
  SELECT de.entity_id AS entity_id, substr(de.published, 1, 7) AS month, count(*) AS documents, 0 AS claims
    FROM document_entities de GROUP BY 1, 2
  UNION ALL
  SELECT ca.entity_id, substr(coalesce(c.date, d.published, ''), 1, 7), 0, count(*)
    FROM claim_actors ca JOIN claims c ON c.id = ca.claim_id JOIN documents d ON d.id = c.document_id GROUP BY 1, 2
) GROUP BY 1, 2;
)sql",
    // 4: what a file was read as (text, html, pdf), and for paged sources which run of the clean
    // text came from which page, so a sentence or block can cite "page 3". Pages are offsets into
    // the clean text, not block columns: re-extraction replaces the blocks but never the text.
    R"sql(
ALTER TABLE documents ADD COLUMN format TEXT NOT NULL DEFAULT 'text';
CREATE TABLE pages(
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  PRIMARY KEY(document_id, number)
) WITHOUT ROWID;
)sql",
    // 5: the statistics charts' counts, beside entity_months (3), so that the statistic comparison
    // of a large database reads a few hundred rows instead of hundreds of thousands. DocumentStore
    // keeps them current per document; rows that fall to zero stay (the charts skip them).
    // statistic_values: each distinct value reported for a metric, subject and period.
    // metric_counts: statistics and documents per metric.
    R"sql(
CREATE TABLE statistic_values(
  metric_key TEXT NOT NULL,
  unit TEXT NOT NULL,
  subject TEXT NOT NULL,
  period TEXT NOT NULL,
  value REAL NOT NULL,
  occurrences INTEGER NOT NULL,
  documents INTEGER NOT NULL,
  PRIMARY KEY(metric_key, unit, subject, period, value)
) WITHOUT ROWID;
INSERT INTO statistic_values(metric_key, unit, subject, period, value, occurrences, documents)
SELECT metric_key, unit, subject, coalesce(period, ''), value, count(*), count(DISTINCT document_id)
  FROM statistics GROUP BY 1, 2, 3, 4, 5;
CREATE TABLE metric_counts(
  metric_key TEXT NOT NULL,
  unit TEXT NOT NULL,
  statistics INTEGER NOT NULL,
  documents INTEGER NOT NULL,
  PRIMARY KEY(metric_key, unit)
) WITHOUT ROWID;
INSERT INTO metric_counts(metric_key, unit, statistics, documents)
SELECT metric_key, unit, count(*), count(DISTINCT document_id) FROM statistics GROUP BY 1, 2;
)sql",
    // 6: content hashes are BLAKE2b-256 of the text's UTF-8 (were SHA-256 of its UTF-16), read
    // again off each stored text (the text hashed is the clean text stored)
    R"sql(
UPDATE documents SET content_hash = claimlens_content_hash(clean_text);
)sql",
    // 7: a statistic's kind: NULL a level, 'rise' or 'fall' a change (re-extraction fills it in
    // for documents stored before)
    R"sql(
ALTER TABLE statistics ADD COLUMN kind TEXT;
)sql",
    // 8: the full-text index reads Chinese and Japanese a character at a time (store/CjkTokenizer),
    // so text written without spaces can be searched; rebuilt from the sentences
    R"sql(
DROP TABLE sentences_fts;
CREATE VIRTUAL TABLE sentences_fts USING fts5(
  text, content='sentences', content_rowid='id', tokenize='claimlens remove_diacritics 2'
);
INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild');
)sql",
    // 9: the analyst's review (review/Correction): decisions kept apart from the readings, keyed to
    // the document's content hash and the sentence's text and span so re-extraction and re-ingest
    // keep them; each reading says whether it was reviewed (NULL unreviewed, else 'confirmed',
    // 'edited' or 'added'), and the statistics charts' counts how many of a value's readings were.
    R"sql(
CREATE TABLE corrections(
  id INTEGER PRIMARY KEY,
  content_hash TEXT NOT NULL,
  item TEXT NOT NULL,
  action TEXT NOT NULL,
  sentence TEXT NOT NULL DEFAULT '',
  span_start INTEGER NOT NULL DEFAULT 0,
  span_end INTEGER NOT NULL DEFAULT 0,
  value TEXT,
  machine TEXT,
  created TEXT NOT NULL,
  UNIQUE(content_hash, item, span_start, span_end)
);
ALTER TABLE statistics ADD COLUMN review TEXT;
ALTER TABLE claims ADD COLUMN review TEXT;
ALTER TABLE events ADD COLUMN review TEXT;
ALTER TABLE mentions ADD COLUMN review TEXT;
ALTER TABLE statistic_values ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0;
)sql",
    // 10: a sentence's id is its document's id << 20 | its ordinal (store/SentenceId.h), so the
    // documents a full-text search finds are read off the index's rowids without visiting the
    // sentences; the readings' sentence ids follow, and the index is rebuilt on the new rowids.
    // The ids go negative first so that no new id meets an old one still to be renumbered.
    R"sql(
DROP TRIGGER sentences_fts_delete;
UPDATE mentions SET sentence_id = (SELECT (s.document_id << 20) | s.ordinal FROM sentences s WHERE s.id = mentions.sentence_id);
UPDATE statistics SET sentence_id = (SELECT (s.document_id << 20) | s.ordinal FROM sentences s WHERE s.id = statistics.sentence_id);
UPDATE events SET sentence_id = (SELECT (s.document_id << 20) | s.ordinal FROM sentences s WHERE s.id = events.sentence_id);
UPDATE claims SET sentence_id = (SELECT (s.document_id << 20) | s.ordinal FROM sentences s WHERE s.id = claims.sentence_id);
UPDATE sentences SET id = -id;
UPDATE sentences SET id = (document_id << 20) | ordinal;
INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild');
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
)sql",
};

/// The digest the stored hashes are made of (store/ContentHash), for the migration that rewrites them.
void contentHashFunction(sqlite3_context* context, int, sqlite3_value** args)
{
    const auto* text = static_cast<const char16_t*>(sqlite3_value_text16(args[0]));
    const int bytes = sqlite3_value_bytes16(args[0]);
    const QByteArray hash = contentHash(QStringView(text, bytes / 2)).toLatin1();
    sqlite3_result_text(context, hash.constData(), static_cast<int>(hash.size()), SQLITE_TRANSIENT);
}

}  // namespace

int Schema::currentVersion()
{
    return static_cast<int>(kMigrations.size());
}

Status Schema::migrateTo(Database& db, int version)
{
    const int have = db.userVersion();
    if (have < 0)
        return Error{QStringLiteral("cannot read the schema version: %1").arg(db.lastError())};
    if (have > currentVersion())
        return Error{QStringLiteral("the database has schema version %1, newer than this program's %2; "
                                    "use a newer Claimlens")
                         .arg(have)
                         .arg(currentVersion())};
    if (have >= version)
        return {};  // up to date: no write lock taken, so readers open beside a writer
    if (sqlite3_create_function_v2(db.handle(), "claimlens_content_hash", 1,
                                                      SQLITE_UTF16 | SQLITE_DETERMINISTIC, nullptr,
                                                      contentHashFunction, nullptr, nullptr, nullptr) != SQLITE_OK)
        return Error{QStringLiteral("cannot prepare the migration: %1").arg(db.lastError())};
    for (;;) {
        Database::Transaction tx(db);  // BEGIN IMMEDIATE: one process migrates at a time
        if (Status s = tx.begin(); !s)
            return s;
        // Read again under the write lock: two programs starting on a new database at once both
        // found it empty, and the one that waited must not run what the other already ran.
        const int v = db.userVersion();
        if (v < 0)
            return Error{QStringLiteral("cannot read the schema version: %1").arg(db.lastError())};
        if (v >= version)
            return tx.commit();
        if (Status s = db.exec(kMigrations[static_cast<size_t>(v)]); !s)
            return Error{QStringLiteral("migration to schema version %1 failed: %2").arg(v + 1).arg(s.error())};
        if (Status s = db.setUserVersion(v + 1); !s)
            return s;
        if (Status s = tx.commit(); !s)
            return s;
    }
}

Status Schema::migrate(Database& db)
{
    return migrateTo(db, currentVersion());
}

}  // namespace claimlens
