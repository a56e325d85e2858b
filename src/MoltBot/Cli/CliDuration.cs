using System.Globalization;

namespace MoltBot.Cli;

/// <summary>Relative times on the command line: <c>90s</c>, <c>15m</c>, <c>1h</c>, <c>7d</c>, or an ISO 8601 timestamp.</summary>
internal static class CliDuration
{
    public static bool TryParseSince(string text, DateTimeOffset now, out DateTimeOffset since)
    {
        text = text.Trim();
        if (text.Length >= 2 && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            TimeSpan? span = text[^1] switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            if (span is { } s)
            {
                since = now - s;
                return true;
            }
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out since);
    }
}
