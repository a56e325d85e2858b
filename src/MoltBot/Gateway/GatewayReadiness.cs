namespace MoltBot.Gateway;

/// <summary>Flips to ready once the store is migrated and Kestrel is listening.</summary>
internal sealed class GatewayReadiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
