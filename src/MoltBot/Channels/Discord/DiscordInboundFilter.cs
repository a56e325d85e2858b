using System.Text.RegularExpressions;
using MoltBot.Configuration;

namespace MoltBot.Channels.Discord;

/// <summary>
/// Which Discord messages reach the dispatcher: never a bot's (ours included); every DM (access control decides next);
/// in servers only configured guilds and channels, and only when mentioned unless the guild says otherwise.
/// </summary>
internal static partial class DiscordInboundFilter
{
    public const string Channel = "discord";

    public static InboundMessage? ToInbound(DiscordInboundMessage message, DiscordChannelConfig config)
    {
        if (message.AuthorIsBot)
        {
            return null;
        }
        if (message.IsDirectMessage)
        {
            return new InboundMessage(Channel, message.MessageId, message.AuthorId, message.ChannelId, IsDirect: true, message.Content);
        }
        if (!config.Guilds.TryGetValue(message.GuildId!, out var guild)
            || (guild.Channels.Count > 0 && !guild.Channels.Contains(message.ChannelId, StringComparer.Ordinal))
            || (guild.RequireMention && !message.MentionsBot))
        {
            return null;
        }
        var text = UserMention().Replace(message.Content, "").Trim();
        return text.Length == 0 ? null : new InboundMessage(Channel, message.MessageId, message.AuthorId, message.ChannelId, IsDirect: false, text);
    }

    [GeneratedRegex(@"<@!?\d+>")]
    private static partial Regex UserMention();
}
