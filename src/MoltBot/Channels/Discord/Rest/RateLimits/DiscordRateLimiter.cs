namespace MoltBot.Channels.Discord.Rest.RateLimits;

/// <summary>
/// Client-side Discord rate limiting: per-route lanes keep calls on one route (e.g. one channel's messages) in order;
/// buckets keyed by <c>X-RateLimit-Bucket</c> + major parameter hold <c>Remaining</c>/<c>Reset-After</c> and make a
/// caller wait before sending into an exhausted bucket; a global 429 pauses every route. All waits use the
/// <see cref="TimeProvider"/>.
/// </summary>
internal sealed class DiscordRateLimiter(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SemaphoreSlim> _lanes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _bucketHashes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private DateTimeOffset _globalResetAt;

    /// <summary>Serialises calls on one route (template + major parameter); dispose the result to leave.</summary>
    public async Task<IDisposable> EnterRouteAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        SemaphoreSlim lane;
        lock (_gate)
        {
            var key = route.Key + ":" + route.MajorParameter;
            if (!_lanes.TryGetValue(key, out lane!))
            {
                lane = new SemaphoreSlim(1, 1);
                _lanes[key] = lane;
            }
        }
        await lane.WaitAsync(cancellationToken);
        return new Lease(lane);
    }

    /// <summary>Waits until the route's bucket and the global limit allow one more request, then takes it.</summary>
    public async Task WaitAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                wait = _globalResetAt - now;
                var bucket = BucketFor(route);
                if (bucket is { Remaining: <= 0 } && bucket.ResetAt - now > wait)
                {
                    wait = bucket.ResetAt - now;
                }
                if (wait <= TimeSpan.Zero)
                {
                    if (bucket is not null)
                    {
                        bucket.Remaining = bucket.ResetAt > now ? bucket.Remaining - 1 : null;
                    }
                    return;
                }
            }
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Learns the route's bucket from a response.</summary>
    public void Update(DiscordRoute route, RateLimitHeaders headers)
    {
        lock (_gate)
        {
            if (headers.Bucket is { Length: > 0 } hash)
            {
                _bucketHashes[route.Key] = hash;
            }
            if (headers.Remaining is { } remaining && headers.ResetAfter is { } resetAfter)
            {
                var bucket = GetOrAddBucket(route);
                bucket.Remaining = remaining;
                bucket.ResetAt = time.GetUtcNow() + resetAfter;
            }
        }
    }

    /// <summary>After a 429: nothing more on this route's bucket (or anywhere, if global) for <paramref name="retryAfter"/>.</summary>
    public void Block(DiscordRoute route, TimeSpan retryAfter, bool global)
    {
        lock (_gate)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (global)
            {
                _globalResetAt = until > _globalResetAt ? until : _globalResetAt;
                return;
            }
            var bucket = GetOrAddBucket(route);
            bucket.Remaining = 0;
            bucket.ResetAt = until;
        }
    }

    private RateLimitBucket? BucketFor(DiscordRoute route) =>
        _buckets.GetValueOrDefault(BucketKey(route));

    private RateLimitBucket GetOrAddBucket(DiscordRoute route)
    {
        var key = BucketKey(route);
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = new RateLimitBucket();
            _buckets[key] = bucket;
        }
        return bucket;
    }

    private string BucketKey(DiscordRoute route) =>
        (_bucketHashes.GetValueOrDefault(route.Key) ?? route.Key) + ":" + route.MajorParameter;

    private sealed class Lease(SemaphoreSlim lane) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                lane.Release();
            }
        }
    }
}
