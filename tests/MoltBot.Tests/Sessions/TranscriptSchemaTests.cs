using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using MoltBot.Agent.Budgets;
using MoltBot.Sessions;
using MoltBot.Storage;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Sessions;

/// <summary>The transcript table's shape (migration 8): what an entry's commit writes, how the transcript is read, the upgrade.</summary>
public sealed class TranscriptSchemaTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    private string DatabasePath => _dir.Combine("moltbot.db");

    [Fact]
    public void AnEntry_CommitsTwoPages_TheRowAndTheLiveIndex()
    {
        var database = new SqliteDatabase(DatabasePath);
        var store = new SessionStore(database, _time);
        var session = store.GetOrCreate("agent:main:main", "main");
        store.Append(session.SessionId, new ChatMessage(ChatRole.User, "warm-up"), alongside: Usage); // the day's usage row exists

        // Was 5-6 pages: also the AUTOINCREMENT counter, an index over every entry, and the session row's timestamp.
        var question = 0L;
        Assert.Equal(2, PagesWrittenBy(() => question = store.Append(session.SessionId, new ChatMessage(ChatRole.User, "hi"), pending: true)));
        Assert.Equal(3, PagesWrittenBy(() => store.Append(session.SessionId, new ChatMessage(ChatRole.User, "from a channel"), source: "telegram:7")));
        // The answer marks the question done on the same page, and the day's usage row is the third.
        Assert.Equal(3, PagesWrittenBy(() => store.Append(session.SessionId, new ChatMessage(ChatRole.Assistant, "hello"), completes: question, alongside: Usage)));
    }

    private static void Usage(SqliteLease lease) => UsageStore.Add(lease, "main", new DateOnly(2026, 12, 3), 3, 1, 0);

    [Fact]
    public void TheTranscript_MergesBothIndexesInIdOrder_WithoutAScanOrASort()
    {
        var plan = QueryPlan(SessionStore.TranscriptQuery);

        Assert.Contains(plan, step => step.Contains("INDEX messages_live", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("INDEX messages_compacted", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN messages", StringComparison.Ordinal) && !step.Contains("INDEX", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public void TheTranscript_InterleavesLiveAndCompactedEntriesById()
    {
        var store = new SessionStore(new SqliteDatabase(DatabasePath), _time);
        var session = store.GetOrCreate("agent:main:main", "main");
        var one = store.Append(session.SessionId, new ChatMessage(ChatRole.User, "one"));
        store.Append(session.SessionId, new ChatMessage(ChatRole.Assistant, "two"));
        store.Compact(session.SessionId, one, new ChatMessage(ChatRole.User, "summary of one"));
        store.Append(session.SessionId, new ChatMessage(ChatRole.User, "three"));

        var transcript = store.Transcript(session.SessionId);

        Assert.Equal(["one", "two", "summary of one", "three"], transcript.Select(m => m.Message.Text));
        Assert.Equal([true, false, false, false], transcript.Select(m => m.Compacted));
        Assert.Equal(transcript.Select(m => m.Id).Order(), transcript.Select(m => m.Id));
    }

    [Fact]
    public void UpgradeFromVersion7_KeepsEveryEntryItsIdAndFlags_AndNewIdsFollowOn()
    {
        CreateVersion7Database();

        var database = new SqliteDatabase(DatabasePath);
        var store = new SessionStore(database, _time);
        var session = store.GetOrCreate("agent:main:main", "main");

        Assert.Equal("s1", session.SessionId);
        var transcript = store.Transcript("s1");
        Assert.Equal([1L, 2L, 5L], transcript.Select(m => m.Id));
        Assert.Equal([true, true, false], transcript.Select(m => m.Compacted));
        Assert.Equal([false, false, true], transcript.Select(m => m.Pending));
        Assert.Equal(["summary", "message", "message"], transcript.Select(m => m.Kind));
        Assert.Equal(["earlier summary", "old question", "new question"], transcript.Select(m => m.Message.Text));
        Assert.Equal(5L, store.FindBySource("s1", "telegram:42"));
        Assert.Equal([5L], store.LiveHistory("s1").Select(m => m.Id));
        Assert.Equal(6L, store.Append("s1", new ChatMessage(ChatRole.Assistant, "answer"), completes: 5));

        using var connection = database.Open();
        Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check;"));
        Assert.Equal("0", Scalar(connection, "SELECT count(*) FROM sqlite_sequence WHERE name = 'messages';"));
        Assert.Equal("messages_by_source,messages_compacted,messages_live",
            Scalar(connection, "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('messages', 'sessions') AND sql IS NOT NULL ORDER BY name);"));
    }

    /// <summary>A database as version 7 left it, with a gap in the ids and one entry from a channel.</summary>
    private void CreateVersion7Database()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        foreach (var migration in Migrations.All.Take(7))
        {
            Execute(connection, migration);
        }
        Execute(connection, """
            PRAGMA user_version = 7;
            INSERT INTO sessions(key, session_id, agent_id, created_at, updated_at) VALUES ('agent:main:main', 's1', 'main', 1, 1);
            INSERT INTO messages(id, session_id, kind, role, content, status, compacted, tokens, created_at, source) VALUES
                (1, 's1', 'summary', 'user', '{"role":"user","contents":[{"$type":"text","text":"earlier summary"}]}', 'done', 1, 0, 1, NULL),
                (2, 's1', 'message', 'user', '{"role":"user","contents":[{"$type":"text","text":"old question"}]}', 'done', 1, 3, 2, NULL),
                (5, 's1', 'message', 'user', '{"role":"user","contents":[{"$type":"text","text":"new question"}]}', 'pending', 0, 3, 5, 'telegram:42');
            """);
    }

    /// <summary>WAL frames (one per page) the action's commit appends.</summary>
    private int PagesWrittenBy(Action action)
    {
        var wal = new FileInfo(DatabasePath + "-wal");
        var before = wal.Length;
        action();
        wal.Refresh();
        const int frame = 24 + 4096; // frame header + the default page
        return (int)((wal.Length - before) / frame);
    }

    private List<string> QueryPlan(string sql)
    {
        using var connection = new SqliteDatabase(DatabasePath).Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        command.Parameters.AddWithValue("$session", "s1");
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }
        return plan;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    public void Dispose() => _dir.Dispose();
}
