using System.Threading.RateLimiting;
using MoltBot.Configuration;

namespace MoltBot.Channels.RateLimits;

/// <summary>
/// Per-sender token buckets for one channel (System.Threading.RateLimiting <see cref="TokenBucketRateLimiter"/>s).
/// The limiters cannot take a <see cref="TimeProvider"/>, so they do not replenish themselves: one timer on the injected
/// clock calls <see cref="ReplenishingRateLimiter.TryReplenish"/> on every bucket each period. A bucket that is full again
/// is dropped (it is the same as a new one), which ends the sender's limited window and bounds memory to active senders.
/// </summary>
internal sealed class SenderRateLimiter : IDisposable
{
    private readonly RateLimitConfig _config;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Sender> _senders = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly ITimer? _timer;
    private DateTimeOffset _nextReplenish;

    public SenderRateLimiter(RateLimitConfig config, TimeProvider time)
    {
        _config = config;
        _time = time;
        if (config.Enabled)
        {
            _nextReplenish = time.GetUtcNow() + config.Period;
            _timer = time.CreateTimer(_ => Replenish(), null, config.Period, config.Period);
        }
    }

    /// <summary>Senders currently holding a partly used bucket.</summary>
    public int ActiveSenders
    {
        get
        {
            lock (_gate)
            {
                return _senders.Count;
            }
        }
    }

    /// <summary>Takes one message's allowance from <paramref name="senderKey"/>'s bucket.</summary>
    public RateLimitDecision TryAcquire(string senderKey)
    {
        if (!_config.Enabled)
        {
            return RateLimitDecision.Allow;
        }
        lock (_gate)
        {
            if (!_senders.TryGetValue(senderKey, out var sender))
            {
                sender = new Sender(new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
                {
                    TokenLimit = _config.Burst,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = _config.Period,
                    AutoReplenishment = false,
                    QueueLimit = 0,
                }));
                _senders[senderKey] = sender;
            }
            using var lease = sender.Bucket.AttemptAcquire(1);
            if (lease.IsAcquired)
            {
                return RateLimitDecision.Allow;
            }
            var first = !sender.Limited;
            sender.Limited = true;
            var retryAfter = _nextReplenish - _time.GetUtcNow();
            return new RateLimitDecision(false, retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.Zero, first);
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_gate)
        {
            foreach (var sender in _senders.Values)
            {
                sender.Bucket.Dispose();
            }
            _senders.Clear();
        }
    }

    private void Replenish()
    {
        lock (_gate)
        {
            _nextReplenish = _time.GetUtcNow() + _config.Period;
            List<string>? full = null;
            foreach (var (key, sender) in _senders)
            {
                sender.Bucket.TryReplenish();
                if (sender.Bucket.GetStatistics()?.CurrentAvailablePermits >= _config.Burst)
                {
                    (full ??= []).Add(key);
                }
            }
            foreach (var key in full ?? [])
            {
                _senders.Remove(key, out var sender);
                sender!.Bucket.Dispose();
            }
        }
    }

    private sealed class Sender(TokenBucketRateLimiter bucket)
    {
        public TokenBucketRateLimiter Bucket { get; } = bucket;

        /// <summary>Refused at least once since the bucket was last full: the notice was already sent.</summary>
        public bool Limited { get; set; }
    }
}
