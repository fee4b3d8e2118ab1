namespace Dossier.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema as an ordered list of migrations, step for step the same as
/// <see cref="Sqlite.SqliteSchema"/>: the same tables and columns, and the same version number after
/// each step, so a store written by one Dossier reads the same in either backend. The version is kept
/// in <c>dossier_schema</c>; a database with a higher number was written by a newer Dossier and is
/// refused rather than misread. Never edit a released migration: append a new one to both schemas.
/// </summary>
/// <remarks>
/// Differences that are deliberate: text columns use the "C" collation, so that ordering and the id
/// prefix ranges compare code points as SQLite does whatever locale the database was created with;
/// <c>end</c> is a reserved word here and is quoted; full-text search is a generated <c>tsvector</c>
/// column of <c>articles</c> instead of SQLite's <c>articles_fts</c> virtual table; event actors and
/// counts are <c>jsonb</c>; timestamps stay ISO 8601 text so that an offset reads back exactly.
/// </remarks>
internal static class PostgresSchema
{
    public static readonly string[] Migrations =
    [
        // 1: articles, what was removed from them, full-text search, near-duplicate index, ingest runs.
        """
        CREATE TABLE articles (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id text COLLATE "C" NOT NULL UNIQUE,
            copy_of text COLLATE "C" REFERENCES articles(id),
            copy_similarity double precision,
            title text COLLATE "C",
            outlet text COLLATE "C",
            author text COLLATE "C",
            url text COLLATE "C",
            published text COLLATE "C",
            origin_path text COLLATE "C" NOT NULL,
            origin_format text COLLATE "C" NOT NULL,
            origin_line integer,
            origin_item integer,
            clean_text text COLLATE "C" NOT NULL,
            word_count integer NOT NULL,
            cleaner_version text COLLATE "C" NOT NULL,
            offset_map bytea NOT NULL,
            minhash bytea NOT NULL,
            ingested_at text COLLATE "C" NOT NULL,
            -- The title weighs four times the text in ranking, as in the SQLite store's bm25 weights.
            -- 'simple' neither stems nor drops stop words, like SQLite's unicode61 tokenizer.
            search tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', clean_text), 'B')) STORED
        );
        CREATE INDEX articles_outlet ON articles(outlet);
        CREATE INDEX articles_copy_of ON articles(copy_of);
        CREATE INDEX articles_search ON articles USING gin(search);

        CREATE TABLE removed_ranges (
            article_id text COLLATE "C" NOT NULL REFERENCES articles(id),
            ordinal integer NOT NULL,
            start integer NOT NULL,
            "end" integer NOT NULL,
            reason text COLLATE "C" NOT NULL,
            rule text COLLATE "C" NOT NULL,
            preview text COLLATE "C" NOT NULL,
            PRIMARY KEY (article_id, ordinal)
        );

        CREATE TABLE captions (
            article_id text COLLATE "C" NOT NULL REFERENCES articles(id),
            start integer NOT NULL,
            "end" integer NOT NULL,
            PRIMARY KEY (article_id, start)
        );

        CREATE TABLE minhash_bands (
            band_key bigint NOT NULL,
            article_seq bigint NOT NULL REFERENCES articles(seq),
            PRIMARY KEY (band_key, article_seq)
        );

        CREATE TABLE ingest_runs (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            inputs text COLLATE "C" NOT NULL,
            started_at text COLLATE "C" NOT NULL,
            finished_at text COLLATE "C",
            read integer,
            stored integer,
            duplicates integer,
            near_duplicates integer,
            refused integer
        );

        CREATE TABLE refusals (
            run_id bigint NOT NULL REFERENCES ingest_runs(id),
            origin text COLLATE "C" NOT NULL,
            reason text COLLATE "C" NOT NULL
        );
        CREATE INDEX refusals_run ON refusals(run_id);
        """,

        // 2: actors. Each article's chains of mentions (redone when the linker changes), the entities
        // linking made of them with the reason for every join, and the analyst's overrides.
        """
        ALTER TABLE articles ADD COLUMN linker_version text COLLATE "C";

        CREATE TABLE article_actors (
            article_seq bigint NOT NULL REFERENCES articles(seq),
            chain integer NOT NULL,
            name text COLLATE "C" NOT NULL,
            kind text COLLATE "C" NOT NULL,
            kind_reason text COLLATE "C" NOT NULL,
            PRIMARY KEY (article_seq, chain)
        );

        CREATE TABLE actor_mentions (
            article_seq bigint NOT NULL REFERENCES articles(seq),
            start integer NOT NULL,
            "end" integer NOT NULL,
            chain integer NOT NULL,
            text text COLLATE "C" NOT NULL,
            form text COLLATE "C" NOT NULL,
            reason text COLLATE "C" NOT NULL,
            PRIMARY KEY (article_seq, start)
        );

        CREATE TABLE entities (
            id text COLLATE "C" PRIMARY KEY,
            name text COLLATE "C" NOT NULL,
            kind text COLLATE "C" NOT NULL,
            kind_reason text COLLATE "C" NOT NULL,
            mentions integer NOT NULL,
            articles integer NOT NULL
        );
        CREATE INDEX entities_kind ON entities(kind, mentions);

        CREATE TABLE entity_chains (
            article_seq bigint NOT NULL,
            chain integer NOT NULL,
            entity_id text COLLATE "C" NOT NULL REFERENCES entities(id),
            rule text COLLATE "C" NOT NULL,
            score double precision NOT NULL,
            detail text COLLATE "C" NOT NULL,
            PRIMARY KEY (article_seq, chain)
        );
        CREATE INDEX entity_chains_entity ON entity_chains(entity_id);

        CREATE TABLE actor_overrides (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            action text COLLATE "C" NOT NULL,
            subject text COLLATE "C" NOT NULL,
            arguments jsonb NOT NULL,
            created_at text COLLATE "C" NOT NULL
        );
        """,

        // 3: claims: who says what, with its cue and modality; offsets into the article's clean text.
        """
        CREATE TABLE claims (
            article_seq bigint NOT NULL REFERENCES articles(seq),
            ordinal integer NOT NULL,
            form text COLLATE "C" NOT NULL,
            modality text COLLATE "C" NOT NULL,
            sentence_start integer NOT NULL,
            sentence_end integer NOT NULL,
            content_start integer NOT NULL,
            content_end integer NOT NULL,
            cue_start integer NOT NULL,
            cue_end integer NOT NULL,
            speaker_start integer NOT NULL,
            speaker_end integer NOT NULL,
            speaker_chain integer,
            affiliation_chain integer,
            extractor text COLLATE "C" NOT NULL,
            PRIMARY KEY (article_seq, ordinal)
        );
        UPDATE articles SET linker_version = NULL;
        """,

        // 4: events as each sentence reports them; actors are the article's chains, counts keep their words.
        """
        CREATE TABLE events (
            article_seq bigint NOT NULL REFERENCES articles(seq),
            ordinal integer NOT NULL,
            type text COLLATE "C" NOT NULL,
            sentence_start integer NOT NULL,
            sentence_end integer NOT NULL,
            trigger_start integer NOT NULL,
            trigger_end integer NOT NULL,
            date_first text COLLATE "C",
            date_last text COLLATE "C",
            date_precision text COLLATE "C",
            date_start integer,
            date_end integer,
            place_chain integer,
            agents jsonb NOT NULL,
            targets jsonb NOT NULL,
            counts jsonb NOT NULL,
            claim_ordinal integer,
            extractor text COLLATE "C" NOT NULL,
            PRIMARY KEY (article_seq, ordinal)
        );
        UPDATE articles SET linker_version = NULL;
        """,

        // 5: relations between an article's actors, with the cue words and the claim they are in.
        """
        CREATE TABLE relations (
            article_seq bigint NOT NULL REFERENCES articles(seq),
            ordinal integer NOT NULL,
            kind text COLLATE "C" NOT NULL,
            source_chain integer NOT NULL,
            target_chain integer NOT NULL,
            sentence_start integer NOT NULL,
            sentence_end integer NOT NULL,
            cue_start integer NOT NULL,
            cue_end integer NOT NULL,
            claim_ordinal integer,
            extractor text COLLATE "C" NOT NULL,
            PRIMARY KEY (article_seq, ordinal)
        );
        UPDATE articles SET linker_version = NULL;
        """,

        // 6: lists in publication order (claims, the web API's pages) walk this index instead of sorting every row.
        """
        CREATE INDEX articles_published ON articles(published NULLS FIRST, seq);
        """,
    ];

    public static int CurrentVersion => Migrations.Length;
}
