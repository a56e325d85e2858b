namespace MoltBot.Channels.Access;

/// <summary>The values of <c>channels.&lt;name&gt;.dm.policy</c>.</summary>
internal static class DmPolicy
{
    /// <summary>Default: unknown senders get a one-time code and nothing else until the owner approves it.</summary>
    public const string Pairing = "pairing";

    /// <summary>Only ids in <c>dm.allowFrom</c>.</summary>
    public const string Allowlist = "allowlist";

    /// <summary>Anyone; requires an explicit <c>allowFrom: ["*"]</c> so it is never on by accident.</summary>
    public const string Open = "open";

    /// <summary>Direct messages are ignored.</summary>
    public const string Disabled = "disabled";

    public static IReadOnlyList<string> All { get; } = [Pairing, Allowlist, Open, Disabled];
}
