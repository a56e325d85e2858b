using System.Security.Cryptography;

namespace MoltBot.Agent.Tools.Exec;

/// <summary>
/// Commands started with <c>exec background: true</c>. Bounded: at most <see cref="MaxRunning"/> at once, each with a
/// bounded output buffer and its time limit, the oldest finished ones forgotten first. Every process is killed when
/// the gateway stops (the container disposes this).
/// </summary>
internal sealed class BackgroundProcesses(ExecRunner runner) : IDisposable
{
    public const int MaxRunning = 8;
    public const int MaxKept = 32;
    public const int BufferBytes = 256 * 1024;

    private readonly Dictionary<string, BackgroundSession> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _disposed;

    public BackgroundSession Start(ToolContext context, string command, TimeSpan timeout)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_sessions.Values.Count(s => s.IsRunning) >= MaxRunning)
            {
                throw new ToolRefusedException($"{MaxRunning} background commands are already running; kill one with the process tool first.");
            }
            foreach (var old in _sessions.Values.Where(s => !s.IsRunning).OrderBy(s => s.StartedAt).Take(Math.Max(0, _sessions.Count - MaxKept + 1)).ToList())
            {
                _sessions.Remove(old.Id);
                old.Dispose();
            }
            var output = new OutputBuffer(0, BufferBytes);
            var process = runner.Start(command, context.WorkspacePath, output);
            var session = new BackgroundSession("bg-" + RandomNumberGenerator.GetHexString(8, lowercase: true), context.Agent.Id, command,
                runner.TimeProvider.GetUtcNow(), process, timeout, runner.TimeProvider);
            _sessions[session.Id] = session;
            return session;
        }
    }

    /// <summary>The agent's sessions; one agent never sees another's.</summary>
    public IReadOnlyList<BackgroundSession> List(string agentId)
    {
        lock (_gate)
        {
            return [.. _sessions.Values.Where(s => s.AgentId == agentId).OrderBy(s => s.StartedAt)];
        }
    }

    public BackgroundSession? Find(string agentId, string id)
    {
        lock (_gate)
        {
            return _sessions.TryGetValue(id.Trim(), out var session) && session.AgentId == agentId ? session : null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var session in _sessions.Values)
            {
                session.Dispose();
            }
            _sessions.Clear();
        }
    }
}
