using System.Net;

namespace MoltBot.Gateway.Security;

/// <summary>Lets an event through at most once per address per interval, so a busy client cannot flood the audit log.</summary>
internal sealed class OncePerAddress(TimeSpan interval, TimeProvider timeProvider, int capacity = AuthFailureThrottle.DefaultCapacity)
{
    private readonly Lock _gate = new();
    private readonly BoundedAddressMap<DateTimeOffset> _last = new(capacity, last => last);

    public bool TryAcquire(IPAddress? address)
    {
        var key = AddressKey.Of(address);
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_last.TryGetValue(key, out var last) && now - last < interval)
            {
                return false;
            }
            _last.Set(key, now, now - interval);
            return true;
        }
    }
}
