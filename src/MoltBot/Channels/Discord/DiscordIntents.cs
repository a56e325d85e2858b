namespace MoltBot.Channels.Discord;

/// <summary>Gateway intents (Discord API v10). MESSAGE_CONTENT is privileged: it must be enabled in the Developer Portal.</summary>
[Flags]
internal enum DiscordIntents
{
    None = 0,
    Guilds = 1 << 0,
    GuildMessages = 1 << 9,
    DirectMessages = 1 << 12,
    MessageContent = 1 << 15,

    /// <summary>What an assistant needs: guild and DM messages with their content.</summary>
    Default = Guilds | GuildMessages | DirectMessages | MessageContent,
}
