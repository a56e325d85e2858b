using MoltBot.Configuration;

namespace MoltBot.Security.AuditChecks;

/// <summary><c>channels.&lt;name&gt;.dm.open</c> and <c>channels.&lt;name&gt;.groups.open</c>: who can reach the agent from a chat app.</summary>
internal static class ChannelExposureChecks
{
    public static IEnumerable<SecurityFinding> Run(SecurityAuditContext context)
    {
        // Every channel's dm.policy, including channels added after this check was written.
        foreach (var leaf in context.Loaded.Values.Where(v => v.Value is "open" && v.Path.StartsWith("channels.", StringComparison.Ordinal) && v.Path.EndsWith(".dm.policy", StringComparison.Ordinal)))
        {
            var channel = leaf.Path["channels.".Length..^".dm.policy".Length];
            yield return new SecurityFinding($"channels.{channel}.dm.open", SecuritySeverity.High,
                $"{leaf.Path} is 'open': anyone who finds the bot can talk to your agent and its tools",
                $"`moltbot config set {leaf.Path} pairing` (strangers get a code you approve), or allowlist with dm.allowFrom.");
        }

        var channels = context.Loaded.Config.Channels;
        if (Groups("discord", "guilds", channels.Discord.Guilds.ToDictionary(g => g.Key, g => g.Value.RequireMention)) is { } discord)
        {
            yield return discord;
        }
        if (Groups("telegram", "groups", channels.Telegram.Groups.ToDictionary(g => g.Key, g => g.Value.RequireMention)) is { } telegram)
        {
            yield return telegram;
        }
    }

    /// <param name="requireMention">Group id (or <c>*</c> for every group) to whether the bot needs a mention there.</param>
    private static SecurityFinding? Groups(string channel, string key, Dictionary<string, bool> requireMention)
    {
        var everyone = requireMention.TryGetValue("*", out var everyoneNeedsMention);
        var unmentioned = requireMention.Where(g => !g.Value && g.Key != "*").Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        if (!everyone && unmentioned.Count == 0)
        {
            return null;
        }
        var path = $"channels.{channel}.{key}";
        var (severity, finding) = (everyone, everyoneNeedsMention) switch
        {
            (true, false) => (SecuritySeverity.High, $"{path}.\"*\" answers every {key[..^1]} anyone adds the bot to, without being mentioned"),
            (true, true) => (SecuritySeverity.Medium, $"{path}.\"*\" answers in every {key[..^1]} anyone adds the bot to (when mentioned)"),
            _ => (SecuritySeverity.Low, $"{path} answers without a mention in {string.Join(", ", unmentioned)}: every member there drives the agent"),
        };
        return new SecurityFinding($"channels.{channel}.groups.open", severity, finding,
            $"List the {key} you use instead of \"*\", and keep requireMention: true (`moltbot config set {path}.<id>.requireMention true`).");
    }
}
