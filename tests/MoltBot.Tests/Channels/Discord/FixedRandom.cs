namespace MoltBot.Tests.Channels.Discord;

/// <summary>A <see cref="Random"/> whose <see cref="NextDouble"/> is always <paramref name="value"/> (deterministic jitter).</summary>
#pragma warning disable CA5394 // Not used for security.
internal sealed class FixedRandom(double value) : Random
{
    public override double NextDouble() => value;

    protected override double Sample() => value;
}
#pragma warning restore CA5394
