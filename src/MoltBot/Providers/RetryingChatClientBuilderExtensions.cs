using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MoltBot.Providers;

internal static class RetryingChatClientBuilderExtensions
{
    /// <summary>Adds a <see cref="RetryingChatClient"/>: transient failures are retried with backoff on <paramref name="timeProvider"/>.</summary>
    public static ChatClientBuilder UseRetry(this ChatClientBuilder builder, TimeProvider timeProvider, RetryOptions? options = null, ILoggerFactory? loggerFactory = null) =>
        builder.Use(inner => new RetryingChatClient(
            inner, timeProvider, options ?? new RetryOptions(), (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<RetryingChatClient>()));
}
