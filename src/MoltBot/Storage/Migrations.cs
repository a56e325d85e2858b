namespace MoltBot.Storage;

/// <summary>Numbered schema migrations; append only, never edit a shipped one.</summary>
internal static class Migrations
{
    public static IReadOnlyList<string> All { get; } =
    [
        // 1: durable sessions. A session key points at its current transcript; /new starts another one.
        """
        CREATE TABLE sessions (
            key            TEXT PRIMARY KEY,
            session_id     TEXT NOT NULL,
            agent_id       TEXT NOT NULL,
            model_override TEXT,
            created_at     INTEGER NOT NULL,
            updated_at     INTEGER NOT NULL
        );
        CREATE TABLE messages (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id  TEXT NOT NULL,
            kind        TEXT NOT NULL,           -- message | summary
            role        TEXT NOT NULL,
            content     TEXT NOT NULL,           -- ChatMessage JSON
            status      TEXT NOT NULL DEFAULT 'done', -- pending (user turn not answered yet) | done
            compacted   INTEGER NOT NULL DEFAULT 0,   -- folded into a later summary; kept for the transcript
            tokens      INTEGER NOT NULL DEFAULT 0,
            created_at  INTEGER NOT NULL
        );
        CREATE INDEX messages_by_session ON messages(session_id, id);
        """,

        // 2: DM pairing. Unknown senders get a one-time code; the owner approves it from the CLI.
        """
        CREATE TABLE pairing_requests (
            channel     TEXT NOT NULL,
            sender_id   TEXT NOT NULL,
            code        TEXT NOT NULL,
            created_at  INTEGER NOT NULL,
            expires_at  INTEGER NOT NULL,
            PRIMARY KEY (channel, sender_id)
        );
        CREATE UNIQUE INDEX pairing_requests_by_code ON pairing_requests(channel, code);
        CREATE TABLE approved_senders (
            channel     TEXT NOT NULL,
            sender_id   TEXT NOT NULL,
            approved_at INTEGER NOT NULL,
            PRIMARY KEY (channel, sender_id)
        );
        """,

        // 3: channel delivery. The inbox makes an inbound message accepted exactly once (keyed by the channel's own id);
        // the outbox holds replies until the channel confirms them, so a crash or a 5xx loses nothing.
        """
        CREATE TABLE channel_inbox (
            channel     TEXT NOT NULL,
            message_id  TEXT NOT NULL,
            sender_id   TEXT NOT NULL,
            chat_id     TEXT NOT NULL,
            session_key TEXT,
            text        TEXT NOT NULL,
            status      TEXT NOT NULL,        -- accepted | answered | denied
            received_at INTEGER NOT NULL,
            PRIMARY KEY (channel, message_id)
        );
        CREATE INDEX channel_inbox_pending ON channel_inbox(status) WHERE status = 'accepted';
        CREATE TABLE channel_outbox (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            channel         TEXT NOT NULL,
            chat_id         TEXT NOT NULL,
            reply_to        TEXT,
            text            TEXT NOT NULL,
            status          TEXT NOT NULL DEFAULT 'pending', -- pending | sent | failed
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            last_error      TEXT,
            created_at      INTEGER NOT NULL
        );
        CREATE INDEX channel_outbox_pending ON channel_outbox(next_attempt_at) WHERE status = 'pending';
        -- The inbound message a transcript entry came from, so a re-run after a crash does not store it twice.
        ALTER TABLE messages ADD COLUMN source TEXT;
        """,

        // 4: the audit log of security events. Append-only: triggers refuse UPDATE and DELETE (retention, when it comes,
        // rotates to a new table instead of deleting rows). `at` is Unix milliseconds UTC.
        """
        CREATE TABLE audit_log (
            id      INTEGER PRIMARY KEY AUTOINCREMENT,
            at      INTEGER NOT NULL,
            type    TEXT NOT NULL,
            actor   TEXT,
            address TEXT,
            detail  TEXT
        );
        CREATE INDEX audit_log_by_type ON audit_log(type, id);
        CREATE INDEX audit_log_by_time ON audit_log(at);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """,

        // 5: the memory index over each agent's MEMORY.md and memory/*.md (the files stay the truth; this is rebuildable).
        // One row per indexed file (content hash: unchanged files are skipped), one per chunk with its line range and,
        // when embeddings are on, an 8-bit quantized vector (int8 per dimension times `scale`). memory_fts is an
        // external-content FTS5 table over the chunk text, kept in step by triggers, ranked with bm25().
        """
        CREATE TABLE memory_files (
            agent_id   TEXT NOT NULL,
            path       TEXT NOT NULL,            -- relative to the workspace, '/' separated
            hash       TEXT NOT NULL,            -- SHA-256 of the content
            size       INTEGER NOT NULL,
            mtime      INTEGER NOT NULL,         -- last write, Unix ms
            indexed_at INTEGER NOT NULL,
            PRIMARY KEY (agent_id, path)
        );
        CREATE TABLE memory_chunks (
            id         INTEGER PRIMARY KEY AUTOINCREMENT,
            agent_id   TEXT NOT NULL,
            path       TEXT NOT NULL,
            start_line INTEGER NOT NULL,
            end_line   INTEGER NOT NULL,
            hash       TEXT NOT NULL,            -- SHA-256 of the text: an unchanged chunk keeps its embedding
            text       TEXT NOT NULL,
            model      TEXT,                     -- embedding model, null when not embedded
            scale      REAL,
            embedding  BLOB                      -- int8 per dimension
        );
        CREATE INDEX memory_chunks_by_file ON memory_chunks(agent_id, path);
        CREATE VIRTUAL TABLE memory_fts USING fts5(text, content='memory_chunks', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
        -- Document frequency per term: memory_search leaves terms found in most chunks out of the keyword query.
        CREATE VIRTUAL TABLE memory_fts_vocab USING fts5vocab(memory_fts, 'row');
        CREATE TRIGGER memory_chunks_ai AFTER INSERT ON memory_chunks BEGIN
            INSERT INTO memory_fts(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER memory_chunks_ad AFTER DELETE ON memory_chunks BEGIN
            INSERT INTO memory_fts(memory_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        CREATE TRIGGER memory_chunks_au AFTER UPDATE OF text ON memory_chunks BEGIN
            INSERT INTO memory_fts(memory_fts, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO memory_fts(rowid, text) VALUES (new.id, new.text);
        END;
        """,

        // 6: usage per agent per UTC day (yyyy-MM-dd), added to after every model call; budgets and /status read it.
        """
        CREATE TABLE IF NOT EXISTS usage_daily (
            agent_id      TEXT NOT NULL,
            day           TEXT NOT NULL,
            input_tokens  INTEGER NOT NULL DEFAULT 0,
            output_tokens INTEGER NOT NULL DEFAULT 0,
            cost_usd      REAL NOT NULL DEFAULT 0,
            PRIMARY KEY (agent_id, day)
        );
        """,

        // 7: indexes for the per-message queries, which otherwise grow with the data: every reply touches its session by
        // id (was a scan of all sessions), a re-run looks its inbound message up by source (was a scan of the session),
        // and the live history skips compacted entries (was a visit to every entry the session ever had).
        """
        CREATE INDEX sessions_by_session_id ON sessions(session_id);
        CREATE INDEX messages_by_source ON messages(session_id, source) WHERE source IS NOT NULL;
        CREATE INDEX messages_live ON messages(session_id, id) WHERE compacted = 0;
        """,

        // 8: lighter appends. Committing one transcript entry wrote 5-6 pages; now 2 (the row and the live index). The
        // table is rebuilt without AUTOINCREMENT, whose counter row was a page of its own in every insert (entries are
        // never deleted, so plain rowids do not repeat either), and the index over every entry becomes one over the
        // compacted entries only: a new entry is never compacted, so an insert updates just the live index. The
        // transcript reads both partial indexes in id order. Ids are kept. Entries no longer touch their session's row,
        // so the index that found it by session id goes too.
        """
        CREATE TABLE messages_v8 (
            id          INTEGER PRIMARY KEY,
            session_id  TEXT NOT NULL,
            kind        TEXT NOT NULL,
            role        TEXT NOT NULL,
            content     TEXT NOT NULL,
            status      TEXT NOT NULL DEFAULT 'done',
            compacted   INTEGER NOT NULL DEFAULT 0,
            tokens      INTEGER NOT NULL DEFAULT 0,
            created_at  INTEGER NOT NULL,
            source      TEXT
        );
        INSERT INTO messages_v8(id, session_id, kind, role, content, status, compacted, tokens, created_at, source)
            SELECT id, session_id, kind, role, content, status, compacted, tokens, created_at, source FROM messages ORDER BY id;
        DROP TABLE messages;
        ALTER TABLE messages_v8 RENAME TO messages;
        CREATE INDEX messages_live ON messages(session_id, id) WHERE compacted = 0;
        CREATE INDEX messages_compacted ON messages(session_id, id) WHERE compacted = 1;
        CREATE INDEX messages_by_source ON messages(session_id, source) WHERE source IS NOT NULL;
        DROP INDEX sessions_by_session_id;
        """,
    ];
}
