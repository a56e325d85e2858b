using System.Threading.RateLimiting;
using MoltBot.Configuration;

namespace MoltBot.Channels.RateLimits;

/// <summary>
/// Per-sender token buckets for one channel, on System.Threading.RateLimiting. Its replenishing limiters
/// (<see cref="TokenBucketRateLimiter"/>) cannot take a <see cref="TimeProvider"/>, and even their manual
/// <c>TryReplenish</c> measures elapsed time with <c>Stopwatch</c>, so they cannot follow the injected clock. Each bucket is
/// therefore a <see cref="ConcurrencyLimiter"/> of <c>burst</c> permits whose leases are kept, not returned, when a message
/// is let through: a held lease is a spent token. One timer on the injected clock gives back one lease per sender each
/// period. A sender with no lease held has a full bucket, the same as a new one: it is dropped, which ends its limited
/// window and bounds memory to the senders active in the last <c>burst × period</c>.
/// </summary>
internal sealed class SenderRateLimiter : IDisposable
{
    private readonly RateLimitConfig _config;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Sender> _senders = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private static readonly TimeSpan MinimumTick = TimeSpan.FromMilliseconds(100);

    private readonly ITimer? _timer;
    private readonly TimeSpan _tick;
    private readonly int _tokensPerTick;
    private DateTimeOffset _nextReplenish;

    public SenderRateLimiter(RateLimitConfig config, TimeProvider time)
    {
        _config = config;
        _time = time;
        // A very high rate (say 10,000 a second) gives back several messages per tick rather than ticking that often.
        _tick = config.Period < MinimumTick ? MinimumTick : config.Period;
        _tokensPerTick = Math.Max(1, (int)Math.Round(_tick / config.Period));
        if (config.Enabled)
        {
            _nextReplenish = time.GetUtcNow() + _tick;
            _timer = time.CreateTimer(_ => Replenish(), null, _tick, _tick);
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
                sender = new Sender(new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = _config.Burst, QueueLimit = 0 }));
                _senders[senderKey] = sender;
            }
            var lease = sender.Bucket.AttemptAcquire(1);
            if (lease.IsAcquired)
            {
                sender.Spent.Enqueue(lease);
                return RateLimitDecision.Allow;
            }
            lease.Dispose();
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
                sender.Dispose();
            }
            _senders.Clear();
        }
    }

    private void Replenish()
    {
        lock (_gate)
        {
            _nextReplenish = _time.GetUtcNow() + _tick;
            List<string>? full = null;
            foreach (var (key, sender) in _senders)
            {
                for (var i = 0; i < _tokensPerTick && sender.Spent.TryDequeue(out var token); i++)
                {
                    token.Dispose(); // one message's allowance back
                }
                if (sender.Spent.Count == 0)
                {
                    (full ??= []).Add(key);
                }
            }
            foreach (var key in full ?? [])
            {
                _senders.Remove(key, out var sender);
                sender!.Dispose();
            }
        }
    }

    private sealed class Sender(ConcurrencyLimiter bucket) : IDisposable
    {
        public ConcurrencyLimiter Bucket { get; } = bucket;

        /// <summary>Leases of the messages let through and not yet given back: the spent tokens, oldest first.</summary>
        public Queue<RateLimitLease> Spent { get; } = new();

        /// <summary>Refused at least once since the bucket was last full: the notice was already sent.</summary>
        public bool Limited { get; set; }

        public void Dispose()
        {
            while (Spent.TryDequeue(out var lease))
            {
                lease.Dispose();
            }
            Bucket.Dispose();
        }
    }
}
