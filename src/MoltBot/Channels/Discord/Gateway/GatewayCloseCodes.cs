namespace MoltBot.Channels.Discord.Gateway;

/// <summary>What Discord's gateway close codes mean for us (docs: Opcodes and Status Codes → Gateway Close Event Codes).</summary>
internal static class GatewayCloseCodes
{
    public const int UnknownError = 4000;
    public const int AuthenticationFailed = 4004;
    public const int InvalidSequence = 4007;
    public const int SessionTimedOut = 4009;
    public const int InvalidShard = 4010;
    public const int ShardingRequired = 4011;
    public const int InvalidApiVersion = 4012;
    public const int InvalidIntents = 4013;
    public const int DisallowedIntents = 4014;

    /// <summary>The next step after the gateway closed with <paramref name="code"/>; for fatal codes also the message for the user.</summary>
    public static (GatewayNextStep Next, string? FatalMessage) Classify(int code) => code switch
    {
        AuthenticationFailed => (GatewayNextStep.Fatal, DiscordFatalException.TokenRejected("close 4004").Message),
        DisallowedIntents => (GatewayNextStep.Fatal,
            "Discord refused the Message Content intent (close 4014): enable the Message Content intent in the Discord Developer Portal → Bot → Privileged Gateway Intents"),
        InvalidIntents => (GatewayNextStep.Fatal, "Discord rejected the gateway intents as invalid (close 4013): check the intents MoltBot requests"),
        InvalidApiVersion => (GatewayNextStep.Fatal, "Discord no longer accepts gateway API v10 (close 4012): update MoltBot"),
        InvalidShard => (GatewayNextStep.Fatal, "Discord rejected the shard settings (close 4010)"),
        ShardingRequired => (GatewayNextStep.Fatal,
            "Discord requires sharding for this bot (close 4011): it is in too many servers for one connection, which MoltBot does not support"),
        InvalidSequence or SessionTimedOut => (GatewayNextStep.Identify, null),
        _ => (GatewayNextStep.Resume, null),
    };
}
