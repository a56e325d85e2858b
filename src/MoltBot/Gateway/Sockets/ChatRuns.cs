using System.Collections.Concurrent;

namespace MoltBot.Gateway.Sockets;

/// <summary>
/// Chat runs started over WebSocket: their cancellation (for <c>chat.abort</c>) and the idempotency keys already seen,
/// so a client that re-sends after a dropped connection does not start the same turn twice.
/// </summary>
internal sealed class ChatRuns
{
    private const int RememberedKeys = 4096;

    private readonly ConcurrentDictionary<string, CancellationTokenSource> _active = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _runByKey = new(StringComparer.Ordinal);
    private readonly Queue<string> _keyOrder = new();
    private readonly Lock _gate = new();

    /// <summary>A new run id for the key, or false with the run id the key already started.</summary>
    public bool TryClaim(string idempotencyKey, out string runId)
    {
        lock (_gate)
        {
            if (_runByKey.TryGetValue(idempotencyKey, out var existing))
            {
                runId = existing;
                return false;
            }
            runId = "run_" + Guid.NewGuid().ToString("n");
            _runByKey[idempotencyKey] = runId;
            _keyOrder.Enqueue(idempotencyKey);
            if (_keyOrder.Count > RememberedKeys)
            {
                _runByKey.Remove(_keyOrder.Dequeue());
            }
            return true;
        }
    }

    /// <summary>Releases a key whose run was refused before it started (rate limit), so a retry with the same key runs.</summary>
    public void Forget(string idempotencyKey)
    {
        lock (_gate)
        {
            _runByKey.Remove(idempotencyKey);
        }
    }

    public void Started(string runId, CancellationTokenSource cancellation) => _active[runId] = cancellation;

    public void Ended(string runId) => _active.TryRemove(runId, out _);

    public bool Abort(string runId)
    {
        if (!_active.TryGetValue(runId, out var cancellation))
        {
            return false;
        }
        try
        {
            cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
        return true;
    }
}
