using System.Globalization;
using System.Net.Http.Headers;

namespace MoltBot.Channels.Discord.Rest.RateLimits;

/// <summary>Discord's <c>X-RateLimit-*</c> response headers (and <c>Retry-After</c>).</summary>
internal sealed record RateLimitHeaders(string? Bucket, int? Remaining, TimeSpan? ResetAfter, bool Global, string? Scope, TimeSpan? RetryAfter)
{
    public static RateLimitHeaders From(HttpResponseHeaders headers) => new(
        Value(headers, "X-RateLimit-Bucket"),
        int.TryParse(Value(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining) ? remaining : null,
        Seconds(Value(headers, "X-RateLimit-Reset-After")),
        string.Equals(Value(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
        Value(headers, "X-RateLimit-Scope"),
        headers.RetryAfter?.Delta ?? Seconds(Value(headers, "Retry-After")));

    private static string? Value(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
