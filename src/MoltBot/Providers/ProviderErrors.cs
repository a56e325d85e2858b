using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MoltBot.Providers;

/// <summary>Turns provider HTTP failures into <see cref="ProviderException"/>s with useful, key-free messages.</summary>
internal static partial class ProviderErrors
{
    private const int MaxMessageLength = 500;

    /// <param name="header">Reads a response header, or null when absent.</param>
    public static ProviderException FromResponse(ResolvedProvider provider, int status, Func<string, string?> header, string? body, DateTimeOffset now, Exception? inner = null)
    {
        var detail = Redact(provider, ExtractMessage(body));
        if (status is 401 or 403)
        {
            return new ProviderAuthException(provider.Id, AuthMessage(provider, status, detail), status, inner);
        }
        var transient = status is 408 or 409 or 429 or >= 500;
        var retryAfter = RetryAfter(header, now);
        var what = status switch
        {
            429 => "rate limited the request",
            >= 500 => "failed",
            _ => "rejected the request",
        };
        var message = $"Provider '{provider.Id}' {what} (HTTP {status}){(detail is null ? "." : $": {detail}")}";
        return new ProviderException(provider.Id, message, status, transient, retryAfter, inner);
    }

    public static ProviderException Connection(ResolvedProvider provider, Exception inner) =>
        new(provider.Id, $"Could not reach provider '{provider.Id}' at {provider.BaseUrl}: {Redact(provider, inner.Message)}", null, isTransient: true, retryAfter: null, inner);

    public static ProviderException Timeout(string provider, string model, TimeSpan after, Exception inner) =>
        new(provider, $"Model '{model}' did not answer within {after.TotalSeconds:0.#} s.", null, isTransient: true, retryAfter: null, inner);

    /// <summary>Reads <c>retry-after-ms</c>, then <c>Retry-After</c> as seconds or an HTTP date.</summary>
    public static TimeSpan? RetryAfter(Func<string, string?> header, DateTimeOffset now)
    {
        if (header("retry-after-ms") is { } ms && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }
        if (header("Retry-After") is not { } value)
        {
            return null;
        }
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        if (DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var delay = date - now;
            return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        }
        return null;
    }

    /// <summary>The provider's own error text from the usual JSON shapes (<c>error.message</c>, <c>message</c>, <c>error</c>), else the raw body.</summary>
    public static string? ExtractMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("error", out var error))
                {
                    if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                    {
                        return Truncate(m.GetString());
                    }
                    if (error.ValueKind == JsonValueKind.String)
                    {
                        return Truncate(error.GetString());
                    }
                }
                if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                {
                    return Truncate(message.GetString());
                }
            }
        }
        catch (JsonException)
        {
        }
        return Truncate(body.Trim());
    }

    private static string AuthMessage(ResolvedProvider provider, int status, string? detail)
    {
        var said = detail is null ? "" : $" The provider said: {detail}";
        var keyHelp = provider.BuiltIn is { } b ? $"{b.KeyVariable} or models.providers.{provider.Id}.apiKey" : $"models.providers.{provider.Id}.apiKey";
        if (provider.ApiKey is { } key)
        {
            var verb = status == 401 ? "was rejected" : "was refused access";
            var fix = status == 401
                ? $"Check that the key is current and belongs to this provider, then update {keyHelp}."
                : "Check that the key's account has access to this model (and credit, if the provider is prepaid).";
            return $"Provider '{provider.Id}': the key from {key.Source} {verb} (HTTP {status}). {fix}{said}";
        }
        if (provider.Api == ProviderApi.AzureOpenAi)
        {
            return $"Provider '{provider.Id}': the Azure token credential (Managed Identity or DefaultAzureCredential) was rejected (HTTP {status}). " +
                $"Grant the identity the 'Cognitive Services OpenAI User' role on the resource, or set models.providers.{provider.Id}.apiKey.{said}";
        }
        return $"Provider '{provider.Id}' requires an API key (HTTP {status}): set {keyHelp}.{said}";
    }

    private static string? Redact(ResolvedProvider provider, string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (provider.ApiKey is { Value.Length: >= 4 } key)
        {
            text = text.Replace(key.Value, "***", StringComparison.Ordinal);
        }
        return KeyLike().Replace(text, "***");
    }

    private static string? Truncate(string? text) =>
        text is { Length: > MaxMessageLength } ? text[..MaxMessageLength] + "…" : text;

    [GeneratedRegex(@"\b(sk|sk-ant|sk-or|sk-proj)-[A-Za-z0-9_\-]{8,}")]
    private static partial Regex KeyLike();
}
