using MoltBot.Agent.Budgets;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using MoltBot.Sessions;
using MoltBot.Storage;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Sessions;

public sealed class SessionStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    private SessionStore NewStore() => new(new SqliteDatabase(_dir.Combine("moltbot.db")), _time);

    [Fact]
    public void Append_ThenReopen_TranscriptSurvives()
    {
        var session = NewStore().GetOrCreate("agent:main:main", "main");
        var store = NewStore();
        store.Append(session.SessionId, new ChatMessage(ChatRole.User, "hello"));
        store.Append(session.SessionId, new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c1", "current_time", new Dictionary<string, object?> { ["timezone"] = "UTC" })]));
        store.Append(session.SessionId, new ChatMessage(ChatRole.Tool, [new FunctionResultContent("c1", "2026-11-25T09:00:00Z")]));

        var reopened = NewStore();
        var history = reopened.LiveHistory(reopened.GetOrCreate("agent:main:main", "main").SessionId);

        Assert.Equal(3, history.Count);
        Assert.Equal("hello", history[0].Message.Text);
        Assert.Equal("current_time", Assert.IsType<FunctionCallContent>(history[1].Message.Contents.Single()).Name);
        Assert.Equal("c1", Assert.IsType<FunctionResultContent>(history[2].Message.Contents.Single()).CallId);
    }

    [Fact]
    public void Append_Pending_UntilCompleted()
    {
        var store = NewStore();
        var session = store.GetOrCreate("agent:main:main", "main");
        var id = store.Append(session.SessionId, new ChatMessage(ChatRole.User, "hi"), pending: true);
        Assert.True(store.Transcript(session.SessionId).Single().Pending);

        store.Complete(session.SessionId, id);

        Assert.False(store.Transcript(session.SessionId).Single().Pending);
    }

    [Fact]
    public void Append_ThatCompletes_MarksTheUserMessageAnswered()
    {
        var store = NewStore();
        var session = store.GetOrCreate("agent:main:main", "main");
        var question = store.Append(session.SessionId, new ChatMessage(ChatRole.User, "hi"), pending: true);
        Assert.True(store.LiveHistory(session.SessionId).Single().Pending);

        store.Append(session.SessionId, new ChatMessage(ChatRole.Assistant, "hello"), completes: question);

        Assert.All(store.LiveHistory(session.SessionId), m => Assert.False(m.Pending));
        Assert.All(NewStore().Transcript(session.SessionId), m => Assert.False(m.Pending));
    }

    [Fact]
    public void LiveHistory_FromTheCache_MatchesWhatTheDatabaseHolds_AfterEveryKindOfWrite()
    {
        var store = NewStore();
        var session = store.GetOrCreate("agent:main:main", "main");
        void AssertMatchesDatabase()
        {
            var cached = store.LiveHistory(session.SessionId);
            var fresh = NewStore().LiveHistory(session.SessionId);
            Assert.Equal(fresh.Select(Describe), cached.Select(Describe));
        }

        store.LiveHistory(session.SessionId); // warm the cache before the writes
        var question = store.Append(session.SessionId, new ChatMessage(ChatRole.User, "what time is it?"), pending: true, source: "telegram:1");
        AssertMatchesDatabase();
        store.Append(session.SessionId, new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c1", "current_time", new Dictionary<string, object?> { ["timezone"] = "UTC" })]), tokens: 7);
        store.Append(session.SessionId, new ChatMessage(ChatRole.Tool, [new FunctionResultContent("c1", "2026-11-25T09:00:00Z")]));
        AssertMatchesDatabase();
        store.Append(session.SessionId, new ChatMessage(ChatRole.Assistant, "nine o'clock"), completes: question);
        AssertMatchesDatabase();
        var later = store.Append(session.SessionId, new ChatMessage(ChatRole.User, "thanks"), pending: true);
        store.Complete(session.SessionId, later);
        AssertMatchesDatabase();
        store.Compact(session.SessionId, later - 1, new ChatMessage(ChatRole.User, "summary"));
        AssertMatchesDatabase();
        store.Append(session.SessionId, new ChatMessage(ChatRole.Assistant, "you're welcome"));
        AssertMatchesDatabase();
    }

    public static TheoryData<string> StoredShapes => ["plain", "answer", "extra", "annotated", "empty", "call", "mixed"];

    [Theory]
    [MemberData(nameof(StoredShapes))]
    public void Decoded_IsWhatReadingTheStoredJsonBackGives(string shape)
    {
        var message = shape switch
        {
            "plain" => new ChatMessage(ChatRole.User, "hello"),
            "answer" => new ChatMessage(ChatRole.Assistant, "hi") { MessageId = "chatcmpl-1", AuthorName = "Molty", CreatedAt = new DateTimeOffset(2026, 11, 25, 9, 0, 0, 123, TimeSpan.FromHours(2)), RawRepresentation = new object() },
            "extra" => new ChatMessage(ChatRole.User, "hello") { AdditionalProperties = new() { ["channel"] = "telegram" } },
            "annotated" => new ChatMessage(ChatRole.Assistant, [new TextContent("see") { Annotations = [new CitationAnnotation { Url = new Uri("https://example.com") }] }]),
            "empty" => new ChatMessage(ChatRole.Assistant, [new TextContent(null)]),
            "call" => new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c1", "current_time", new Dictionary<string, object?> { ["timezone"] = "UTC" })]),
            _ => new ChatMessage(ChatRole.Assistant, [new TextContent("one"), new TextContent("two")]),
        };
        var json = Json(message);

        var decoded = SessionStore.Decoded(message, json);

        Assert.Equal(Json((ChatMessage)System.Text.Json.JsonSerializer.Deserialize(json, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ChatMessage)))!), Json(decoded));
        Assert.Equal(json, Json(decoded));
        Assert.NotSame(message, decoded);
        Assert.Null(decoded.RawRepresentation);
    }

    private static string Json(ChatMessage message) =>
        System.Text.Json.JsonSerializer.Serialize(message, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ChatMessage)));

    private static string Describe(StoredMessage m) => $"{m.Id} {m.Kind} {m.Pending} {m.Compacted} {m.Tokens} {m.CreatedAt:O} " + Json(m.Message);

    [Fact]
    public void Reset_StartsNewTranscript_KeepsOldOne()
    {
        var store = NewStore();
        var first = store.GetOrCreate("agent:main:main", "main");
        store.Append(first.SessionId, new ChatMessage(ChatRole.User, "old"));

        var second = store.Reset("agent:main:main", "main");

        Assert.NotEqual(first.SessionId, second.SessionId);
        Assert.Empty(store.LiveHistory(second.SessionId));
        Assert.Single(store.Transcript(first.SessionId));
    }

    [Fact]
    public void Compact_HidesOlderEntriesFromModel_KeepsThemInTranscript()
    {
        var store = NewStore();
        var session = store.GetOrCreate("agent:main:main", "main");
        var a = store.Append(session.SessionId, new ChatMessage(ChatRole.User, "one"));
        store.Append(session.SessionId, new ChatMessage(ChatRole.Assistant, "two"));
        var c = store.Append(session.SessionId, new ChatMessage(ChatRole.User, "three"));

        store.Compact(session.SessionId, c - 1, new ChatMessage(ChatRole.User, "summary of one and two"));

        var live = store.LiveHistory(session.SessionId);
        Assert.Equal(["summary of one and two", "three"], live.Select(m => m.Message.Text).ToArray());
        Assert.Equal(StoredMessage.SummaryKind, live[0].Kind);
        Assert.Equal(4, store.Transcript(session.SessionId).Count);
        Assert.True(store.Transcript(session.SessionId).Single(m => m.Id == a).Compacted);
    }

    [Fact]
    public void Compact_Twice_FoldsTheEarlierSummary()
    {
        var store = NewStore();
        var session = store.GetOrCreate("agent:main:main", "main");
        var one = store.Append(session.SessionId, new ChatMessage(ChatRole.User, "one"));
        store.Compact(session.SessionId, one, new ChatMessage(ChatRole.User, "first summary"));
        var two = store.Append(session.SessionId, new ChatMessage(ChatRole.User, "two"));
        store.Append(session.SessionId, new ChatMessage(ChatRole.User, "three"));

        store.Compact(session.SessionId, two, new ChatMessage(ChatRole.User, "second summary"));

        Assert.Equal(["second summary", "three"], store.LiveHistory(session.SessionId).Select(m => m.Message.Text).ToArray());
    }

    [Fact]
    public void Database_IsPrivate()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions");
        NewStore();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_dir.Combine("moltbot.db")));
    }

    [Fact]
    public void Append_FromASourceAlreadyStored_ReturnsTheStoredEntry()
    {
        var store = NewStore();
        var session = store.GetOrCreate("agent:main:main", "main");
        var first = store.Append(session.SessionId, new ChatMessage(ChatRole.User, "hi"), pending: true, source: "webchat:k1");

        var again = store.Append(session.SessionId, new ChatMessage(ChatRole.User, "hi"), pending: true, source: "webchat:k1");
        var other = store.Append(session.SessionId, new ChatMessage(ChatRole.User, "hi"), pending: true, source: "webchat:k2");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal([first, other], NewStore().Transcript(session.SessionId).Select(m => m.Id));
        Assert.Equal([first, other], store.LiveHistory(session.SessionId).Select(m => m.Id));
    }

    [Fact]
    public void Append_WithAnotherStoresWrite_CommitsBoth()
    {
        var database = new SqliteDatabase(_dir.Combine("moltbot.db"));
        var store = new SessionStore(database, _time);
        var session = store.GetOrCreate("agent:main:main", "main");
        var day = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

        store.Append(session.SessionId, new ChatMessage(ChatRole.Assistant, "hi"), alongside: lease => UsageStore.Add(lease, "main", day, 8, 2, 0));

        Assert.Equal("hi", store.Transcript(session.SessionId).Single().Message.Text);
        Assert.Equal(new DailyUsage(8, 2, 0), new UsageStore(database).Get("main", day));
    }

    [Fact]
    public void Append_WhoseOtherWriteFails_CommitsNeither()
    {
        var database = new SqliteDatabase(_dir.Combine("moltbot.db"));
        var store = new SessionStore(database, _time);
        var session = store.GetOrCreate("agent:main:main", "main");
        var day = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

        Assert.Throws<InvalidOperationException>(() => store.Append(session.SessionId, new ChatMessage(ChatRole.Assistant, "hi"), alongside: lease =>
        {
            UsageStore.Add(lease, "main", day, 8, 2, 0);
            throw new InvalidOperationException("the other store failed");
        }));

        Assert.Empty(store.Transcript(session.SessionId));
        Assert.Empty(NewStore().LiveHistory(session.SessionId));
        Assert.Equal(DailyUsage.None, new UsageStore(database).Get("main", day));
        // The connection went back clean: the next append commits.
        store.Append(session.SessionId, new ChatMessage(ChatRole.Assistant, "again"));
        Assert.Equal("again", NewStore().Transcript(session.SessionId).Single().Message.Text);
    }

    [Fact]
    public void Complete_WithAnotherStoresWrite_CommitsBoth()
    {
        var database = new SqliteDatabase(_dir.Combine("moltbot.db"));
        var store = new SessionStore(database, _time);
        var session = store.GetOrCreate("agent:main:main", "main");
        var day = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var id = store.Append(session.SessionId, new ChatMessage(ChatRole.User, "hi"), pending: true);

        store.Complete(session.SessionId, id, alongside: lease => UsageStore.Add(lease, "main", day, 5, 0, 0.25));

        Assert.False(NewStore().Transcript(session.SessionId).Single().Pending);
        Assert.Equal(new DailyUsage(5, 0, 0.25), new UsageStore(database).Get("main", day));
    }

    public void Dispose() => _dir.Dispose();
}
