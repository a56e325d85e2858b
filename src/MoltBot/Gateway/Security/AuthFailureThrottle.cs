using System.Net;
using MoltBot.Configuration;

namespace MoltBot.Gateway.Security;

/// <summary>
/// Failed authentications per client address (<see cref="AddressKey"/>). The first <c>maxFailures</c> in a window are
/// free; each one after that blocks the address for 1 s, 2 s, 4 s … up to <c>lockoutSeconds</c>. Only an address that
/// stays quiet for <c>lockoutSeconds</c> after its back-off ends starts over, so at the defaults a patient attacker gets
/// about a thousand guesses a day. Loopback is not exempt: a web page in the owner's browser can reach a loopback
/// gateway too ("ClawJacked").
/// </summary>
internal sealed class AuthFailureThrottle
{
    /// <summary>About 1 MB of state at most.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly GatewayAuthRateLimitConfig _config;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly BoundedAddressMap<Entry> _entries;

    public AuthFailureThrottle(GatewayAuthRateLimitConfig config, TimeProvider time, int capacity = DefaultCapacity)
    {
        _config = config;
        _time = time;
        _entries = new BoundedAddressMap<Entry>(capacity, LastActivity);
    }

    public int TrackedAddresses
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>How long <paramref name="client"/> must wait before its next attempt is even checked; null when it may try now.</summary>
    public TimeSpan? RetryAfter(IPAddress? client)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            return _entries.TryGetValue(AddressKey.Of(client), out var entry) && entry.BlockedUntil > now ? entry.BlockedUntil - now : null;
        }
    }

    /// <summary>Counts a failure; returns the back-off it started, or null while the address is within its free failures.</summary>
    public TimeSpan? RecordFailure(IPAddress? client)
    {
        var key = AddressKey.Of(client);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry) || now - LastActivity(entry) >= _config.Lockout)
            {
                entry = new Entry { WindowStart = now };
            }
            if (now - entry.WindowStart >= _config.Window)
            {
                entry.WindowStart = now;
                entry.WindowFailures = 0;
            }
            entry.WindowFailures++;
            entry.LastFailure = now;
            TimeSpan? backOff = null;
            // Once backing off, every failure backs off further: waiting out the window must not buy new free guesses.
            if (entry.Strikes > 0 || entry.WindowFailures > _config.MaxFailures)
            {
                entry.Strikes = Math.Min(entry.Strikes + 1, 30);
                backOff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, entry.Strikes - 1), _config.Lockout.TotalSeconds));
                entry.BlockedUntil = now + backOff.Value;
            }
            _entries.Set(key, entry, now - _config.Lockout);
            return backOff;
        }
    }

    private static DateTimeOffset LastActivity(Entry entry) => entry.LastFailure > entry.BlockedUntil ? entry.LastFailure : entry.BlockedUntil;

    private sealed class Entry
    {
        public DateTimeOffset WindowStart { get; set; }
        public int WindowFailures { get; set; }
        public int Strikes { get; set; }
        public DateTimeOffset LastFailure { get; set; }
        public DateTimeOffset BlockedUntil { get; set; }
    }
}
