using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using MoltBot.Agent.Budgets;
using MoltBot.Sessions;
using MoltBot.Storage;

namespace MoltBot.Benchmarks;

/// <summary>
/// One agent turn's storage calls, as <c>AgentRunner</c> makes them: look the session up, commit the user message,
/// commit the answer (marking the user message done), add the model call's usage.
/// </summary>
[MemoryDiagnoser]
public class TurnStorageBenchmarks
{
    private const string Key = "agent:main:main";

    private string _dir = "";
    private SessionStore _sessions = null!;
    private UsageStore _usage = null!;
    private readonly DateOnly _day = new(2026, 12, 3);

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("moltbot-bench-").FullName;
        var database = new SqliteDatabase(Path.Combine(_dir, "moltbot.db"));
        _sessions = new SessionStore(database, TimeProvider.System);
        _usage = new UsageStore(database);
        var sessionId = _sessions.GetOrCreate(Key, "main").SessionId;
        for (var i = 0; i < 40; i++)
        {
            _sessions.Append(sessionId, new ChatMessage(i % 2 == 0 ? ChatRole.User : ChatRole.Assistant, $"message {i} with a little text"));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark]
    public long Turn()
    {
        var session = _sessions.GetOrCreate(Key, "main");
        var user = _sessions.Append(session.SessionId, new ChatMessage(ChatRole.User, "hello there"), pending: true);
        var answer = _sessions.Append(session.SessionId, new ChatMessage(ChatRole.Assistant, "hi, how can I help?"), tokens: 7, completes: user);
        _usage.Add("main", _day, 120, 7, 0.0001);
        return answer;
    }
}
