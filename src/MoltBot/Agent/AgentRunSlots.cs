using System.Threading.RateLimiting;
using MoltBot.Configuration;

namespace MoltBot.Agent;

/// <summary>
/// The global cap on agent turns running at once (<c>agents.defaults.maxConcurrent</c>), across sessions and channels: a
/// <see cref="ConcurrencyLimiter"/> whose queue is unbounded, so excess turns wait in arrival order and none is dropped.
/// A turn holds its slot from the first model call to its reply (tool calls and exec approvals included).
/// </summary>
internal sealed class AgentRunSlots(MoltBotConfig config) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = Math.Max(1, config.Agents.Defaults.MaxConcurrent),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>Waits for a free slot; dispose the lease to give it back.</summary>
    public async ValueTask<RateLimitLease> EnterAsync(CancellationToken cancellationToken)
    {
        var lease = await _limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new InvalidOperationException("agent run queue is full"); // unreachable with an unbounded queue
        }
        return lease;
    }

    /// <summary>Turns waiting for a slot (for status and tests).</summary>
    public long Queued => _limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    public void Dispose() => _limiter.Dispose();
}
