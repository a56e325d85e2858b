using Microsoft.Data.Sqlite;
using MoltBot.Storage;

namespace MoltBot.Memory;

/// <summary>The memory index tables (migration 5): files, chunks with their quantized embeddings, and FTS5.</summary>
internal sealed class MemoryStore(SqliteDatabase database)
{
    public sealed record IndexedFile(string Path, string Hash, long Size, long Mtime);

    public sealed record StoredChunk(long Id, string Path, int StartLine, int EndLine, string Text);

    /// <summary>An embedding as stored: int8 values and their scale.</summary>
    public sealed record StoredVector(sbyte[] Values, float Scale);

    /// <summary>A chunk to insert; <paramref name="Vector"/> is null when not embedded (yet).</summary>
    public sealed record NewChunk(MemoryChunk Chunk, StoredVector? Vector);

    public Dictionary<string, IndexedFile> Files(string agentId)
    {
        using var connection = database.Open();
        using var command = Command(connection, "SELECT path, hash, size, mtime FROM memory_files WHERE agent_id = $agent", ("$agent", agentId));
        using var reader = command.ExecuteReader();
        var files = new Dictionary<string, IndexedFile>(StringComparer.Ordinal);
        while (reader.Read())
        {
            files[reader.GetString(0)] = new IndexedFile(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3));
        }
        return files;
    }

    /// <summary>Embeddings (by chunk hash) of a file's current chunks under <paramref name="model"/>, to reuse for unchanged chunks.</summary>
    public Dictionary<string, StoredVector> Embeddings(string agentId, string path, string model)
    {
        using var connection = database.Open();
        using var command = Command(connection,
            "SELECT hash, scale, embedding FROM memory_chunks WHERE agent_id = $agent AND path = $path AND model = $model AND embedding IS NOT NULL",
            ("$agent", agentId), ("$path", path), ("$model", model));
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, StoredVector>(StringComparer.Ordinal);
        while (reader.Read())
        {
            result[reader.GetString(0)] = new StoredVector(ToSbytes((byte[])reader.GetValue(2)), reader.GetFloat(1));
        }
        return result;
    }

    /// <summary>Replaces a file's chunks in one transaction; returns the removed chunk ids and the new ones in order.</summary>
    public (IReadOnlyList<long> Removed, IReadOnlyList<long> Added) ReplaceFile(string agentId, IndexedFile file, IReadOnlyList<NewChunk> chunks, string? model, long now)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        var removed = ChunkIds(connection, tx, agentId, file.Path);
        Execute(connection, tx, "DELETE FROM memory_chunks WHERE agent_id = $agent AND path = $path", ("$agent", agentId), ("$path", file.Path));
        var ids = InsertChunks(connection, tx, agentId, file.Path, chunks, model);
        Execute(connection, tx,
            """
            INSERT INTO memory_files (agent_id, path, hash, size, mtime, indexed_at) VALUES ($agent, $path, $hash, $size, $mtime, $now)
            ON CONFLICT (agent_id, path) DO UPDATE SET hash = excluded.hash, size = excluded.size, mtime = excluded.mtime, indexed_at = excluded.indexed_at
            """,
            ("$agent", agentId), ("$path", file.Path), ("$hash", file.Hash), ("$size", file.Size), ("$mtime", file.Mtime), ("$now", now));
        tx.Commit();
        return (removed, ids);
    }

    /// <summary>Records a new size/mtime for a file whose content did not change.</summary>
    public void Touch(string agentId, IndexedFile file)
    {
        using var connection = database.Open();
        Execute(connection, null, "UPDATE memory_files SET size = $size, mtime = $mtime WHERE agent_id = $agent AND path = $path",
            ("$agent", agentId), ("$path", file.Path), ("$size", file.Size), ("$mtime", file.Mtime));
    }

    /// <summary>Forgets a deleted file; returns the ids of its chunks.</summary>
    public IReadOnlyList<long> RemoveFile(string agentId, string path)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        var removed = ChunkIds(connection, tx, agentId, path);
        Execute(connection, tx, "DELETE FROM memory_chunks WHERE agent_id = $agent AND path = $path", ("$agent", agentId), ("$path", path));
        Execute(connection, tx, "DELETE FROM memory_files WHERE agent_id = $agent AND path = $path", ("$agent", agentId), ("$path", path));
        tx.Commit();
        return removed;
    }

    /// <summary>Chunks not embedded with <paramref name="model"/> (new, or embedded by another model).</summary>
    public IReadOnlyList<(long Id, string Text)> Unembedded(string agentId, string model, int limit)
    {
        using var connection = database.Open();
        using var command = Command(connection,
            "SELECT id, text FROM memory_chunks WHERE agent_id = $agent AND (model IS NULL OR model <> $model OR embedding IS NULL) ORDER BY id LIMIT $limit",
            ("$agent", agentId), ("$model", model), ("$limit", limit));
        using var reader = command.ExecuteReader();
        var result = new List<(long, string)>();
        while (reader.Read())
        {
            result.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        return result;
    }

    public void SetEmbeddings(IReadOnlyList<(long Id, StoredVector Vector)> vectors, string model)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        using var command = Command(connection, "UPDATE memory_chunks SET model = $model, scale = $scale, embedding = $embedding WHERE id = $id");
        command.Transaction = tx;
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        var modelParameter = command.Parameters.Add("$model", SqliteType.Text);
        var scale = command.Parameters.Add("$scale", SqliteType.Real);
        var embedding = command.Parameters.Add("$embedding", SqliteType.Blob);
        modelParameter.Value = model;
        foreach (var (chunkId, vector) in vectors)
        {
            id.Value = chunkId;
            scale.Value = vector.Scale;
            embedding.Value = ToBytes(vector.Values);
            command.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>Every embedded chunk of the agent under <paramref name="model"/>: what the in-memory vector set is loaded from.</summary>
    public IEnumerable<(long Id, StoredVector Vector)> Vectors(string agentId, string model)
    {
        using var connection = database.Open();
        using var command = Command(connection,
            "SELECT id, scale, embedding FROM memory_chunks WHERE agent_id = $agent AND model = $model AND embedding IS NOT NULL",
            ("$agent", agentId), ("$model", model));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return (reader.GetInt64(0), new StoredVector(ToSbytes((byte[])reader.GetValue(2)), reader.GetFloat(1)));
        }
    }

    /// <summary>
    /// The best keyword matches by BM25 (SQLite's <c>bm25()</c> is negative: lower is better), over every agent's
    /// chunks: <paramref name="accept"/> keeps the caller's. The FTS query is not joined with the chunk table (a join
    /// reads a wide row per match); when other agents' chunks crowd the top, it is asked again for more.
    /// </summary>
    public IReadOnlyList<(long Id, double Rank)> Keyword(string ftsQuery, int limit, Func<long, bool> accept)
    {
        using var connection = database.Open();
        for (var fetch = limit; ; fetch *= 8)
        {
            using var command = Command(connection,
                "SELECT rowid, bm25(memory_fts) AS rank FROM memory_fts WHERE memory_fts MATCH $query ORDER BY rank LIMIT $limit",
                ("$query", ftsQuery), ("$limit", fetch));
            using var reader = command.ExecuteReader();
            var result = new List<(long, double)>();
            var seen = 0;
            while (reader.Read())
            {
                seen++;
                if (accept(reader.GetInt64(0)) && result.Count < limit)
                {
                    result.Add((reader.GetInt64(0), reader.GetDouble(1)));
                }
            }
            if (result.Count >= limit || seen < fetch)
            {
                return result;
            }
        }
    }

    /// <summary>In how many chunks (of all agents) each term occurs.</summary>
    public Dictionary<string, long> DocumentFrequencies(IReadOnlyCollection<string> terms)
    {
        using var connection = database.Open();
        using var command = Command(connection, "SELECT doc FROM memory_fts_vocab WHERE term = $term");
        var term = command.Parameters.Add("$term", SqliteType.Text);
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var t in terms)
        {
            term.Value = t;
            result[t] = command.ExecuteScalar() is long count ? count : 0;
        }
        return result;
    }

    /// <summary>The ids of the agent's chunks (the index keeps them in memory to filter keyword matches).</summary>
    public IEnumerable<long> ChunkIds(string agentId)
    {
        using var connection = database.Open();
        using var command = Command(connection, "SELECT id FROM memory_chunks WHERE agent_id = $agent", ("$agent", agentId));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return reader.GetInt64(0);
        }
    }

    public Dictionary<long, StoredChunk> Chunks(IEnumerable<long> ids)
    {
        var list = ids.Distinct().ToList();
        var result = new Dictionary<long, StoredChunk>();
        if (list.Count == 0)
        {
            return result;
        }
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, path, start_line, end_line, text FROM memory_chunks WHERE id IN ({string.Join(',', list.Select((_, i) => "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
        for (var i = 0; i < list.Count; i++)
        {
            command.Parameters.AddWithValue("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), list[i]);
        }
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result[reader.GetInt64(0)] = new StoredChunk(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4));
        }
        return result;
    }

    public int ChunkCount(string agentId)
    {
        using var connection = database.Open();
        using var command = Command(connection, "SELECT COUNT(*) FROM memory_chunks WHERE agent_id = $agent", ("$agent", agentId));
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Bulk insert without a file row (benchmarks build large synthetic indexes this way).</summary>
    internal IReadOnlyList<long> InsertChunks(string agentId, string path, IReadOnlyList<NewChunk> chunks, string? model)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        var ids = InsertChunks(connection, tx, agentId, path, chunks, model);
        tx.Commit();
        return ids;
    }

    private static List<long> InsertChunks(SqliteConnection connection, SqliteTransaction tx, string agentId, string path, IReadOnlyList<NewChunk> chunks, string? model)
    {
        using var command = Command(connection,
            """
            INSERT INTO memory_chunks (agent_id, path, start_line, end_line, hash, text, model, scale, embedding)
            VALUES ($agent, $path, $start, $end, $hash, $text, $model, $scale, $embedding) RETURNING id
            """);
        command.Transaction = tx;
        command.Parameters.AddWithValue("$agent", agentId);
        command.Parameters.AddWithValue("$path", path);
        var start = command.Parameters.Add("$start", SqliteType.Integer);
        var end = command.Parameters.Add("$end", SqliteType.Integer);
        var hash = command.Parameters.Add("$hash", SqliteType.Text);
        var text = command.Parameters.Add("$text", SqliteType.Text);
        var modelParameter = command.Parameters.Add("$model", SqliteType.Text);
        var scale = command.Parameters.Add("$scale", SqliteType.Real);
        var embedding = command.Parameters.Add("$embedding", SqliteType.Blob);
        var ids = new List<long>(chunks.Count);
        foreach (var (chunk, vector) in chunks)
        {
            start.Value = chunk.StartLine;
            end.Value = chunk.EndLine;
            hash.Value = chunk.Hash;
            text.Value = chunk.Text;
            modelParameter.Value = vector is null || model is null ? DBNull.Value : model;
            scale.Value = vector is null ? DBNull.Value : vector.Scale;
            embedding.Value = vector is null ? DBNull.Value : ToBytes(vector.Values);
            ids.Add(Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        }
        return ids;
    }

    private static List<long> ChunkIds(SqliteConnection connection, SqliteTransaction tx, string agentId, string path)
    {
        using var command = Command(connection, "SELECT id FROM memory_chunks WHERE agent_id = $agent AND path = $path", ("$agent", agentId), ("$path", path));
        command.Transaction = tx;
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }
        return ids;
    }

    private static byte[] ToBytes(sbyte[] values) => System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    private static sbyte[] ToSbytes(byte[] bytes) => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, sbyte>(bytes.AsSpan()).ToArray();

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.Transaction = tx;
        command.ExecuteNonQuery();
    }
}
