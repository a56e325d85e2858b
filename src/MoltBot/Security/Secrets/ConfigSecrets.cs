using MoltBot.Configuration;
using MoltBot.Configuration.Schema;

namespace MoltBot.Security.Secrets;

/// <summary>Every secret-valued setting of a <see cref="MoltBotConfig"/>, by config key, so one place can resolve, rotate and redact them.</summary>
internal static class ConfigSecrets
{
    public static IEnumerable<(string Key, SecretValue Secret)> All(MoltBotConfig config)
    {
        var found = new List<(string, SecretValue?)>
        {
            ("gateway.auth.token", config.Gateway.Auth.Token),
            ("gateway.metrics.azureMonitorConnectionString", config.Gateway.Metrics.AzureMonitorConnectionString),
            ("channels.discord.token", config.Channels.Discord.Token),
            ("channels.telegram.botToken", config.Channels.Telegram.BotToken),
            ("channels.telegram.webhookSecret", config.Channels.Telegram.WebhookSecret),
            ("tools.web.search.brave.apiKey", config.Tools.Web.Search.BraveApiKey),
            ("tools.web.search.tavily.apiKey", config.Tools.Web.Search.TavilyApiKey),
            ("agents.defaults.memorySearch.remote.apiKey", config.Agents.Defaults.MemorySearch.RemoteApiKey),
        };
        foreach (var (id, provider) in config.Models.Providers)
        {
            found.Add(($"models.providers.{id}.apiKey", provider.ApiKey));
        }
        foreach (var (name, server) in config.Mcp.Servers)
        {
            found.AddRange(server.Env.Select(e => ($"mcp.servers.{name}.env.{e.Key}", (SecretValue?)e.Value)));
            found.AddRange(server.Headers.Select(h => ($"mcp.servers.{name}.headers.{h.Key}", (SecretValue?)h.Value)));
        }
        foreach (var (name, entry) in config.Skills.Entries)
        {
            found.AddRange(entry.Env.Select(e => ($"skills.entries.{name}.env.{e.Key}", (SecretValue?)e.Value)));
        }
        return found.Where(f => f.Item2 is not null).Select(f => (f.Item1, f.Item2!));
    }

    /// <summary>The current values to redact: every secret, plus provider headers that carry credentials (<c>Authorization</c>, <c>*-key</c>).</summary>
    public static IEnumerable<string> Values(MoltBotConfig config) =>
        All(config).Select(s => s.Secret.Value).Concat(config.Models.Providers.SelectMany(p =>
            p.Value.Headers.Where(h => ConfigSchema.IsSecret(ConfigSchema.Find("models.providers.*.headers.*")!, $"models.providers.{p.Key}.headers.{h.Key}"))
                .SelectMany(h => HeaderSecrets(h.Value))));

    /// <summary>A header value and, for <c>Bearer x</c> / <c>Basic x</c>, its credential part alone.</summary>
    private static IEnumerable<string> HeaderSecrets(string value)
    {
        yield return value;
        if (value.IndexOf(' ', StringComparison.Ordinal) is var space and > 0)
        {
            yield return value[(space + 1)..].Trim();
        }
    }
}
