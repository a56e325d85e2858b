using Azure.Core;
using Microsoft.Extensions.Logging;
using MoltBot.Hosting.Metrics;

namespace MoltBot.Providers;

/// <summary>Seams and tuning for <see cref="ModelRouter"/>; the defaults suit production.</summary>
internal sealed record ModelRouterOptions
{
    /// <summary>Handler for all provider HTTP traffic; null uses one shared <see cref="SocketsHttpHandler"/>. The router does not dispose it.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>Token credential for Azure OpenAI providers without a key; null uses Managed Identity / DefaultAzureCredential.</summary>
    public TokenCredential? AzureCredential { get; init; }

    public RetryOptions Retry { get; init; } = new();

    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Where model latency and tokens are recorded; null records nothing (CLI probes, tests).</summary>
    public MoltBotMetrics? Metrics { get; init; }

    /// <summary>Reads environment variables (<c>AZURE_CLIENT_ID</c>); null reads the process environment.</summary>
    public Func<string, string?>? Environment { get; init; }
}
