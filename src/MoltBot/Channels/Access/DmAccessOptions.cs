namespace MoltBot.Channels.Access;

/// <summary>A channel's DM access settings (<c>dm.policy</c>, <c>dm.allowFrom</c>).</summary>
internal sealed record DmAccessOptions(string Policy, IReadOnlyList<string> AllowFrom)
{
    public static DmAccessOptions Default { get; } = new(DmPolicy.Pairing, []);
}
