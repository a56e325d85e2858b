using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using MoltBot.Sessions;
using MoltBot.Storage;

namespace MoltBot.Benchmarks;

/// <summary>The per-message store work on the hot path: commit a message, read the live history back.</summary>
[MemoryDiagnoser]
public class SessionStoreBenchmarks
{
    private string _dir = "";
    private SessionStore _store = null!;
    private string _sessionId = "";

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("moltbot-bench-").FullName;
        _store = new SessionStore(new SqliteDatabase(Path.Combine(_dir, "moltbot.db")), TimeProvider.System);
        _sessionId = _store.GetOrCreate("agent:main:main", "main").SessionId;
        for (var i = 0; i < 40; i++)
        {
            _store.Append(_sessionId, new ChatMessage(i % 2 == 0 ? ChatRole.User : ChatRole.Assistant, $"message {i} with a little text"));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark]
    public long AppendMessage() => _store.Append(_sessionId, new ChatMessage(ChatRole.User, "hello there"));

    [Benchmark]
    public int LiveHistory40() => _store.LiveHistory(_sessionId).Count;
}
