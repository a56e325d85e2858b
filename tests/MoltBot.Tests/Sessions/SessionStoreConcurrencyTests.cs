using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using MoltBot.Sessions;
using MoltBot.Storage;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Sessions;

/// <summary>The store on rented connections with prepared statements, and its in-memory session rows, under load and after writes.</summary>
public sealed class SessionStoreConcurrencyTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly List<SqliteDatabase> _databases = [];

    private SessionStore NewStore()
    {
        var database = new SqliteDatabase(_dir.Combine("moltbot.db"));
        _databases.Add(database);
        return new SessionStore(database, _time);
    }

    [Fact]
    public void ManyThreads_AppendingToTheSameAndToDifferentSessions_LoseNothing_AndKeepEachThreadsOrder()
    {
        var store = NewStore();
        const int Threads = 8, PerThread = 40;
        // Threads 0-3 share one session; 4-7 have one each.
        string KeyOf(int thread) => thread < 4 ? "agent:main:shared" : $"agent:main:own{thread}";

        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                var session = store.GetOrCreate(KeyOf(thread), "main");
                var question = store.Append(session.SessionId, new ChatMessage(ChatRole.User, $"{thread}:{i}"), pending: true, source: $"test:{thread}:{i}");
                store.Append(session.SessionId, new ChatMessage(ChatRole.Assistant, $"{thread}:{i} answered"), completes: question);
            }
        });

        var fresh = NewStore();
        var shared = fresh.Transcript(fresh.GetOrCreate("agent:main:shared", "main").SessionId);
        Assert.Equal(4 * PerThread * 2, shared.Count);
        Assert.All(shared, m => Assert.False(m.Pending));
        Assert.Equal(shared.Count, shared.Select(m => m.Id).Distinct().Count());
        for (var thread = 0; thread < Threads; thread++)
        {
            var session = fresh.GetOrCreate(KeyOf(thread), "main");
            var mine = fresh.Transcript(session.SessionId).Where(m => m.Message.Text.StartsWith($"{thread}:", StringComparison.Ordinal)).ToList();
            Assert.Equal(PerThread * 2, mine.Count);
            Assert.Equal(
                Enumerable.Range(0, PerThread).SelectMany(i => new[] { $"{thread}:{i}", $"{thread}:{i} answered" }),
                mine.Select(m => m.Message.Text));
            Assert.Equal(store.LiveHistory(session.SessionId).Select(m => m.Id), fresh.LiveHistory(session.SessionId).Select(m => m.Id));
            Assert.NotNull(fresh.FindBySource(session.SessionId, $"test:{thread}:{PerThread - 1}"));
        }
    }

    [Fact]
    public void ManyThreads_CreatingTheSameSession_GetOneSessionId()
    {
        var store = NewStore();

        var ids = new string[16];
        Parallel.For(0, ids.Length, i => ids[i] = store.GetOrCreate("agent:main:new", "main").SessionId);

        Assert.Single(ids.Distinct());
        Assert.Equal(ids[0], NewStore().GetOrCreate("agent:main:new", "main").SessionId);
    }

    [Fact]
    public void TheKnownSession_FollowsResetAndModelOverride_AndAgreesWithTheDatabase()
    {
        var store = NewStore();
        const string Key = "agent:main:main";
        var first = store.GetOrCreate(Key, "main");
        Assert.Same(first, store.GetOrCreate(Key, "main")); // served from memory

        store.SetModelOverride(Key, "openai/gpt-test");
        AssertSame(new(Key, first.SessionId, "main", "openai/gpt-test"), store.GetOrCreate(Key, "main"));

        var reset = store.Reset(Key, "main");
        Assert.NotEqual(first.SessionId, reset.SessionId);
        AssertSame(new(Key, reset.SessionId, "main", "openai/gpt-test"), store.GetOrCreate(Key, "main"));
        Assert.Equal(reset.SessionId, store.Find(Key)!.SessionId);

        store.SetModelOverride(Key, null);
        var cleared = store.GetOrCreate(Key, "main");
        AssertSame(new(Key, reset.SessionId, "main", null), cleared);

        var fromDisk = NewStore().GetOrCreate(Key, "main");
        AssertSame(new(fromDisk.Key, fromDisk.SessionId, fromDisk.AgentId, fromDisk.ModelOverride), cleared);
    }

    [Fact]
    public void SetModelOverride_ForAKeyWithNoSession_CreatesNothing()
    {
        var store = NewStore();

        store.SetModelOverride("agent:main:nobody", "openai/gpt-test");

        Assert.Null(store.Find("agent:main:nobody"));
        Assert.Null(store.GetOrCreate("agent:main:nobody", "main").ModelOverride);
    }

    [Fact]
    public void Resets_RacingWithLookups_AlwaysEndOnTheLastReset()
    {
        var store = NewStore();
        const string Key = "agent:main:main";
        store.GetOrCreate(Key, "main");
        string? last = null;

        Parallel.Invoke(
            () =>
            {
                for (var i = 0; i < 50; i++)
                {
                    last = store.Reset(Key, "main").SessionId;
                }
            },
            () =>
            {
                for (var i = 0; i < 200; i++)
                {
                    store.GetOrCreate(Key, "main");
                }
            });

        Assert.Equal(last, store.GetOrCreate(Key, "main").SessionId);
        Assert.Equal(last, NewStore().GetOrCreate(Key, "main").SessionId);
    }

    private static void AssertSame(Expected expected, SessionInfo actual) =>
        Assert.Equal(expected, new Expected(actual.Key, actual.SessionId, actual.AgentId, actual.ModelOverride));

    private sealed record Expected(string Key, string SessionId, string AgentId, string? ModelOverride);

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }
        _dir.Dispose();
    }
}
