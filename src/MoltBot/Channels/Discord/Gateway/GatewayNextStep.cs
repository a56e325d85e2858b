namespace MoltBot.Channels.Discord.Gateway;

/// <summary>What to do after a connection ended.</summary>
internal enum GatewayNextStep
{
    /// <summary>Reconnect and RESUME the session (falls back to IDENTIFY when there is none).</summary>
    Resume,

    /// <summary>Forget the session and IDENTIFY afresh.</summary>
    Identify,

    /// <summary>Stop: retrying cannot help.</summary>
    Fatal,
}
