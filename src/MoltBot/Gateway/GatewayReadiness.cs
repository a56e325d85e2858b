namespace MoltBot.Gateway;

/// <summary>Flips to ready once the store is migrated and Kestrel is listening.</summary>
internal sealed class GatewayReadiness(TimeProvider timeProvider)
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompleted;

    /// <summary>Completes when the gateway is ready (after the hosted services, channels included, have started).</summary>
    public Task WhenReady => _ready.Task;

    public DateTimeOffset StartedAt { get; private set; }

    public void MarkReady()
    {
        StartedAt = timeProvider.GetUtcNow();
        _ready.TrySetResult();
    }
}
