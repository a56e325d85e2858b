namespace MoltBot.Channels.Discord.Rest;

/// <summary>A Discord user (the bot itself for <c>GET /users/@me</c>).</summary>
internal sealed record DiscordUser(string Id, string Username, bool IsBot);
