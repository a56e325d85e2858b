namespace MoltBot.Gateway;

/// <summary>Flips to ready once the store is migrated and Kestrel is listening.</summary>
internal sealed class GatewayReadiness(TimeProvider timeProvider)
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public DateTimeOffset StartedAt { get; private set; }

    public void MarkReady()
    {
        StartedAt = timeProvider.GetUtcNow();
        _ready = true;
    }
}
