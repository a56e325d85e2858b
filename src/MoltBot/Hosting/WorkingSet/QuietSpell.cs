namespace MoltBot.Hosting.WorkingSet;

/// <summary>
/// Tells, tick by tick, when the gateway has gone quiet after work, so the memory the work left behind can go back. The
/// GC keeps a burst's heap committed until its next collection, and an idle gateway allocates too little to have one:
/// without this, RSS stayed at its busiest for as long as the gateway then sat idle.
/// </summary>
/// <remarks>
/// Activity is read from the bytes the process has allocated, which every request, turn and reply moves and nothing
/// idle moves much. A tick is quiet when less than <see cref="QuietBytes"/> were allocated since the previous one; a trim
/// is due on a quiet tick once at least <see cref="WorthBytes"/> were allocated since the last trim (less leaves the GC
/// little to give back).
/// </remarks>
internal sealed class QuietSpell(Func<long> allocatedBytes)
{
    /// <summary>Most an idle gateway allocates between two ticks: channel polls, heartbeats, a Control UI's status calls.</summary>
    public const long QuietBytes = 1024 * 1024;

    public const long WorthBytes = 8 * 1024 * 1024;

    private long _atLastTick;
    private long _atLastTrim;

    public static QuietSpell OfThisProcess() => new(() => GC.GetTotalAllocatedBytes(precise: false));

    /// <summary>Called on every tick: true when this tick is quiet and enough was allocated since the last trim.</summary>
    public bool IsTrimDue()
    {
        var now = allocatedBytes();
        var quiet = now - _atLastTick < QuietBytes;
        _atLastTick = now;
        return quiet && now - _atLastTrim >= WorthBytes;
    }

    /// <summary>Called after each trim (the start-up one included): what was allocated so far is accounted for.</summary>
    public void Trimmed()
    {
        _atLastTrim = _atLastTick = allocatedBytes();
    }
}
