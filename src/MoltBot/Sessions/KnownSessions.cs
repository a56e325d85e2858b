using System.Collections.Concurrent;

namespace MoltBot.Sessions;

/// <summary>
/// Session rows by key, so a turn's session lookup costs no query. <see cref="SessionStore"/> fills and changes it only
/// while holding its session-write lock, together with the row it read or wrote, so it never holds a row older than the
/// database (this process is the only writer of <c>sessions</c>).
/// </summary>
/// <remarks>
/// Bounded by <see cref="Capacity"/> keys; past it, it starts over (one query per active key).
/// </remarks>
internal sealed class KnownSessions
{
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, SessionInfo> _byKey = new(StringComparer.Ordinal);

    public SessionInfo? TryGet(string key) => _byKey.TryGetValue(key, out var session) ? session : null;

    /// <summary>Call only under the store's session-write lock.</summary>
    public void Set(SessionInfo session)
    {
        if (_byKey.Count >= Capacity && !_byKey.ContainsKey(session.Key))
        {
            _byKey.Clear();
        }
        _byKey[session.Key] = session;
    }

    /// <summary>Call only under the store's session-write lock.</summary>
    public void Forget(string key) => _byKey.TryRemove(key, out _);
}
