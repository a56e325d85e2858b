using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MoltBot.Providers;

internal static class FailoverChatClientBuilderExtensions
{
    /// <summary>Adds a <see cref="FailoverChatClient"/>: when the inner client fails, <paramref name="fallbacks"/> are tried in order.</summary>
    public static ChatClientBuilder UseFailover(this ChatClientBuilder builder, IReadOnlyList<IChatClient> fallbacks, ILoggerFactory? loggerFactory = null) =>
        builder.Use(inner => new FailoverChatClient(inner, fallbacks, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<FailoverChatClient>()));
}
