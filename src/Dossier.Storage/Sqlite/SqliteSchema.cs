namespace Dossier.Storage.Sqlite;

/// <summary>
/// The SQLite schema as an ordered list of migrations. The database's <c>PRAGMA user_version</c> is the
/// number of migrations applied; a file with a higher number was written by a newer Dossier and is
/// refused rather than misread. Never edit a released migration: append a new one.
/// </summary>
internal static class SqliteSchema
{
    public static readonly string[] Migrations =
    [
        // 1: articles, what was removed from them, full-text search, near-duplicate index, ingest runs.
        """
        CREATE TABLE articles (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            copy_of TEXT REFERENCES articles(id),
            copy_similarity REAL,
            title TEXT,
            outlet TEXT,
            author TEXT,
            url TEXT,
            published TEXT,
            origin_path TEXT NOT NULL,
            origin_format TEXT NOT NULL,
            origin_line INTEGER,
            origin_item INTEGER,
            clean_text TEXT NOT NULL,
            word_count INTEGER NOT NULL,
            cleaner_version TEXT NOT NULL,
            offset_map BLOB NOT NULL,
            minhash BLOB NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_outlet ON articles(outlet);
        CREATE INDEX articles_copy_of ON articles(copy_of);

        CREATE TABLE removed_ranges (
            article_id TEXT NOT NULL REFERENCES articles(id),
            ordinal INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            reason TEXT NOT NULL,
            rule TEXT NOT NULL,
            preview TEXT NOT NULL,
            PRIMARY KEY (article_id, ordinal)
        ) WITHOUT ROWID;

        CREATE TABLE captions (
            article_id TEXT NOT NULL REFERENCES articles(id),
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            PRIMARY KEY (article_id, start)
        ) WITHOUT ROWID;

        CREATE TABLE minhash_bands (
            band_key INTEGER NOT NULL,
            article_seq INTEGER NOT NULL REFERENCES articles(seq),
            PRIMARY KEY (band_key, article_seq)
        ) WITHOUT ROWID;

        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, clean_text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2');

        CREATE TABLE ingest_runs (
            id INTEGER PRIMARY KEY,
            inputs TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            read INTEGER,
            stored INTEGER,
            duplicates INTEGER,
            near_duplicates INTEGER,
            refused INTEGER
        );

        CREATE TABLE refusals (
            run_id INTEGER NOT NULL REFERENCES ingest_runs(id),
            origin TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX refusals_run ON refusals(run_id);
        """,

        // 2: actors. Each article's chains of mentions (redone when the linker changes), the entities
        // linking made of them with the reason for every join, and the analyst's overrides.
        """
        ALTER TABLE articles ADD COLUMN linker_version TEXT;

        CREATE TABLE article_actors (
            article_seq INTEGER NOT NULL REFERENCES articles(seq),
            chain INTEGER NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            kind_reason TEXT NOT NULL,
            PRIMARY KEY (article_seq, chain)
        ) WITHOUT ROWID;

        CREATE TABLE actor_mentions (
            article_seq INTEGER NOT NULL REFERENCES articles(seq),
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            chain INTEGER NOT NULL,
            text TEXT NOT NULL,
            form TEXT NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (article_seq, start)
        ) WITHOUT ROWID;

        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            kind_reason TEXT NOT NULL,
            mentions INTEGER NOT NULL,
            articles INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX entities_kind ON entities(kind, mentions);

        CREATE TABLE entity_chains (
            article_seq INTEGER NOT NULL,
            chain INTEGER NOT NULL,
            entity_id TEXT NOT NULL REFERENCES entities(id),
            rule TEXT NOT NULL,
            score REAL NOT NULL,
            detail TEXT NOT NULL,
            PRIMARY KEY (article_seq, chain)
        ) WITHOUT ROWID;
        CREATE INDEX entity_chains_entity ON entity_chains(entity_id);

        CREATE TABLE actor_overrides (
            seq INTEGER PRIMARY KEY,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            arguments TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        """,

        // 3: claims: who says what, with its cue and modality; offsets into the article's clean text.
        """
        CREATE TABLE claims (
            article_seq INTEGER NOT NULL REFERENCES articles(seq),
            ordinal INTEGER NOT NULL,
            form TEXT NOT NULL,
            modality TEXT NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            content_start INTEGER NOT NULL,
            content_end INTEGER NOT NULL,
            cue_start INTEGER NOT NULL,
            cue_end INTEGER NOT NULL,
            speaker_start INTEGER NOT NULL,
            speaker_end INTEGER NOT NULL,
            speaker_chain INTEGER,
            affiliation_chain INTEGER,
            extractor TEXT NOT NULL,
            PRIMARY KEY (article_seq, ordinal)
        ) WITHOUT ROWID;
        UPDATE articles SET linker_version = NULL;
        """,

        // 4: events as each sentence reports them; actors are the article's chains, counts keep their words.
        """
        CREATE TABLE events (
            article_seq INTEGER NOT NULL REFERENCES articles(seq),
            ordinal INTEGER NOT NULL,
            type TEXT NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            trigger_start INTEGER NOT NULL,
            trigger_end INTEGER NOT NULL,
            date_first TEXT,
            date_last TEXT,
            date_precision TEXT,
            date_start INTEGER,
            date_end INTEGER,
            place_chain INTEGER,
            agents TEXT NOT NULL,
            targets TEXT NOT NULL,
            counts TEXT NOT NULL,
            claim_ordinal INTEGER,
            extractor TEXT NOT NULL,
            PRIMARY KEY (article_seq, ordinal)
        ) WITHOUT ROWID;
        UPDATE articles SET linker_version = NULL;
        """,

        // 5: relations between an article's actors, with the cue words and the claim they are in.
        """
        CREATE TABLE relations (
            article_seq INTEGER NOT NULL REFERENCES articles(seq),
            ordinal INTEGER NOT NULL,
            kind TEXT NOT NULL,
            source_chain INTEGER NOT NULL,
            target_chain INTEGER NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            cue_start INTEGER NOT NULL,
            cue_end INTEGER NOT NULL,
            claim_ordinal INTEGER,
            extractor TEXT NOT NULL,
            PRIMARY KEY (article_seq, ordinal)
        ) WITHOUT ROWID;
        UPDATE articles SET linker_version = NULL;
        """,

        // 6: lists in publication order (claims, the web API's pages) walk this index instead of sorting every row.
        """
        CREATE INDEX articles_published ON articles(published, seq);
        """,
    ];

    public static int CurrentVersion => Migrations.Length;
}
