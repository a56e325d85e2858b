namespace MoltBot.Channels.Discord.Rest;

/// <summary>
/// One REST call: <paramref name="Template"/> names the route for rate limiting (<c>/channels/{channel_id}/messages</c>),
/// <paramref name="MajorParameter"/> is the id Discord keys its buckets on besides the bucket hash.
/// </summary>
internal readonly record struct DiscordRoute(HttpMethod Method, string Template, string? MajorParameter, string Path)
{
    public string Key => $"{Method.Method} {Template}";

    public override string ToString() => Key;

    public static DiscordRoute CreateMessage(string channelId) =>
        new(HttpMethod.Post, "/channels/{channel_id}/messages", channelId, $"/channels/{Uri.EscapeDataString(channelId)}/messages");

    public static DiscordRoute TriggerTyping(string channelId) =>
        new(HttpMethod.Post, "/channels/{channel_id}/typing", channelId, $"/channels/{Uri.EscapeDataString(channelId)}/typing");

    public static DiscordRoute GatewayBot { get; } = new(HttpMethod.Get, "/gateway/bot", null, "/gateway/bot");

    public static DiscordRoute CurrentUser { get; } = new(HttpMethod.Get, "/users/@me", null, "/users/@me");
}
