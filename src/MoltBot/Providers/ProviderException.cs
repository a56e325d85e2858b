namespace MoltBot.Providers;

/// <summary>A provider call failed. <see cref="IsTransient"/> errors (429, 5xx, timeouts, connection errors) are retried.</summary>
internal class ProviderException(string provider, string message, int? statusCode = null, bool isTransient = false, TimeSpan? retryAfter = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The provider id, e.g. <c>openrouter</c>.</summary>
    public string Provider { get; } = provider;

    /// <summary>The HTTP status, or null for timeouts and connection errors.</summary>
    public int? StatusCode { get; } = statusCode;

    public bool IsTransient { get; } = isTransient;

    /// <summary>The delay the provider asked for (<c>Retry-After</c> or <c>retry-after-ms</c>).</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
