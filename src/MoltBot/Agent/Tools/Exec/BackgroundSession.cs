namespace MoltBot.Agent.Tools.Exec;

/// <summary>One background command: its process, output, time limit and where the last <c>poll</c> stopped reading.</summary>
internal sealed class BackgroundSession : IDisposable
{
    private readonly ShellProcess _process;
    private readonly CancellationTokenSource _limit;
    private long _polled;

    public BackgroundSession(string id, string agentId, string command, DateTimeOffset startedAt, ShellProcess process, TimeSpan timeout, TimeProvider timeProvider)
    {
        Id = id;
        AgentId = agentId;
        Command = command;
        StartedAt = startedAt;
        _process = process;
        _limit = new CancellationTokenSource(timeout, timeProvider);
        _limit.Token.Register(process.Kill);
    }

    public string Id { get; }
    public string AgentId { get; }
    public string Command { get; }
    public DateTimeOffset StartedAt { get; }

    public OutputBuffer Output => _process.Output;

    public bool IsRunning => !_process.Completion.IsCompleted;

    public string Status => _process.Completion.IsCompletedSuccessfully
        ? _process.WasKilled ? $"killed (exit code {_process.Completion.Result})" : $"exited with code {_process.Completion.Result}"
        : "running";

    /// <summary>Output since the previous poll (at most <paramref name="maxBytes"/>).</summary>
    public string Poll(int maxBytes)
    {
        lock (_process)
        {
            var text = Output.Read(_polled, maxBytes, out var next);
            _polled = next;
            return text;
        }
    }

    public void Kill() => _process.Kill();

    /// <summary>Waits (briefly) for a killed process to be gone, so the next status is final.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _process.Completion.WaitAsync(cancellationToken);

    public void Dispose()
    {
        _limit.Dispose();
        _process.Dispose();
    }
}
