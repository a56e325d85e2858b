using System.Security.Cryptography;
using MoltBot.Configuration;
using MoltBot.Storage;

namespace MoltBot.Channels.Telegram;

/// <summary>
/// The <c>secret_token</c> Telegram echoes in <c>X-Telegram-Bot-Api-Secret-Token</c>: <c>channels.telegram.webhookSecret</c>,
/// or else a random one generated once and kept 0600 in <c>&lt;state&gt;/telegram-webhook.secret</c>.
/// </summary>
internal static class TelegramWebhookSecret
{
    public static string Resolve(TelegramChannelConfig config, MoltBotPaths paths)
    {
        if (config.WebhookSecret is { Value.Length: > 0 } configured)
        {
            return configured.Value;
        }
        var path = Path.Combine(paths.StateDir, "telegram-webhook.secret");
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } stored)
        {
            return stored;
        }
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)); // A-Z a-z 0-9 _ - only, per the Bot API
        StateFiles.WritePrivate(path, secret);
        return secret;
    }

    public static bool Matches(string expected, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(presented));
}
