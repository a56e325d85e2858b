using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace MoltBot.Gateway.Security;

/// <summary>
/// Per-address state that cannot grow without bound: at <c>capacity</c> entries, adding one first drops entries that have
/// gone quiet, then (if an attacker with many addresses keeps them all busy) the least recently active quarter.
/// Not thread-safe: owners lock around it.
/// </summary>
internal sealed class BoundedAddressMap<TState>(int capacity, Func<TState, DateTimeOffset> lastActivity)
{
    private readonly Dictionary<IPAddress, TState> _entries = [];

    public int Count => _entries.Count;

    public bool TryGetValue(IPAddress key, [MaybeNullWhen(false)] out TState state) => _entries.TryGetValue(key, out state);

    /// <param name="quietSince">Entries last active before this are dropped first when room is needed.</param>
    public void Set(IPAddress key, TState state, DateTimeOffset quietSince)
    {
        if (_entries.Count >= capacity && !_entries.ContainsKey(key))
        {
            MakeRoom(quietSince);
        }
        _entries[key] = state;
    }

    private void MakeRoom(DateTimeOffset quietSince)
    {
        foreach (var (key, state) in _entries)
        {
            if (lastActivity(state) < quietSince)
            {
                _entries.Remove(key);
            }
        }
        if (_entries.Count < capacity)
        {
            return;
        }
        foreach (var key in _entries.OrderBy(e => lastActivity(e.Value)).Take((capacity / 4) + 1).Select(e => e.Key).ToList())
        {
            _entries.Remove(key);
        }
    }
}
