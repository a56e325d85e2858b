namespace MoltBot.Providers;

/// <summary>The provider rejected the credentials (HTTP 401/403). Never retried; the message names the key's source, never the key.</summary>
internal sealed class ProviderAuthException(string provider, string message, int statusCode, Exception? innerException = null)
    : ProviderException(provider, message, statusCode, isTransient: false, retryAfter: null, innerException);
