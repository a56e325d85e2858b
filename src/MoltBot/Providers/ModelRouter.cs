using System.Collections.Concurrent;
using Azure.Core;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MoltBot.Configuration;
using MoltBot.Hosting;
using MoltBot.Providers.Anthropic;
using MoltBot.Providers.Azure;
using MoltBot.Providers.OpenAi;

namespace MoltBot.Providers;

/// <summary>
/// Turns model refs (<c>provider/model-id</c>) into chat clients. Each ref gets
/// provider client → <see cref="ProviderErrorChatClient"/> → <see cref="RetryingChatClient"/>; a list of refs is
/// wrapped in a <see cref="FailoverChatClient"/> (primary first, then fallbacks).
/// </summary>
internal sealed partial class ModelRouter(MoltBotConfig config, TimeProvider timeProvider, ModelRouterOptions? options = null)
{
    // No ActivityHeadersPropagator: we export no traces, so there is no trace context to hand to model providers. With
    // one, the handler chain includes a DiagnosticsHandler that, for every call made under an ambient Activity (ASP.NET
    // Core starts one per request while logging is on), starts a child Activity and writes traceparent headers.
    private static readonly Lazy<HttpClient> SharedHttpClient = new(() => new HttpClient(
        new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ActivityHeadersPropagator = null })
    { Timeout = Timeout.InfiniteTimeSpan });

    private readonly ModelRefParser _parser = new(config);
    private readonly ModelRouterOptions _options = options ?? new ModelRouterOptions();
    private readonly Lazy<HttpClient> _httpClient = new(() => options?.HttpHandler is { } handler
        ? new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan }
        : SharedHttpClient.Value);
    private readonly Lazy<TokenCredential> _azureCredential = new(() => options?.AzureCredential
        ?? AzureOpenAiClientFactory.DefaultCredential((options?.Environment ?? System.Environment.GetEnvironmentVariable)("AZURE_CLIENT_ID")));

    private readonly ILogger _logger = (options?.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ModelRouter>();

    // One client chain per list of refs, built once: rebuilding it (SDK pipeline, options, policies) every turn was ~3% of
    // a message's CPU. The chain holds no per-call state, and keys are read per request, so rotation still applies.
    private readonly ConcurrentDictionary<string, IChatClient> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ModelInfo> _described = new(StringComparer.Ordinal);

    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>The configured providers with defaults filled in, by id.</summary>
    public IReadOnlyDictionary<string, ResolvedProvider> Providers => _parser.Providers;

    /// <summary>The refs of a model selection: primary first, then fallbacks (blank entries and duplicates dropped).</summary>
    public static IReadOnlyList<string> RefsOf(ModelSelection selection) =>
        [.. new[] { selection.Primary }.Concat(selection.Fallbacks).OfType<string>().Where(r => r.Trim().Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>Parses and validates a ref; throws <see cref="ModelRefException"/> naming the closest valid refs.</summary>
    public ModelRef Parse(string modelRef) => _parser.Parse(modelRef).Ref;

    /// <summary>The model's ref and limits. Kept per ref: both come from the providers' config, fixed for the router's life.</summary>
    public ModelInfo Describe(string modelRef)
    {
        if (_described.TryGetValue(modelRef, out var known))
        {
            return known;
        }
        var (r, provider) = _parser.Parse(modelRef);
        var (contextWindow, maxTokens) = provider.Limits(r.ModelId);
        return _described.GetOrAdd(modelRef, new ModelInfo(r, contextWindow, maxTokens));
    }

    /// <summary>A client that tries <paramref name="modelRefs"/> in order (primary first, then fallbacks). All refs are validated up front.</summary>
    public IChatClient CreateClient(IReadOnlyList<string> modelRefs)
    {
        if (modelRefs.Count == 0)
        {
            throw new ModelRefException("No model configured: set agents.defaults.model.primary (e.g. 'openrouter/anthropic/claude-3.5-sonnet').");
        }
        var cacheKey = modelRefs.Count == 1 ? modelRefs[0] : string.Join('\n', modelRefs);
        return _clients.TryGetValue(cacheKey, out var cached) ? cached : _clients.GetOrAdd(cacheKey, BuildClient(modelRefs));
    }

    private IChatClient BuildClient(IReadOnlyList<string> modelRefs)
    {
        var clients = modelRefs.Select(CreateSingle).ToList();
        return clients.Count == 1
            ? clients[0]
            : new ChatClientBuilder(clients[0]).UseFailover(clients[1..], _options.LoggerFactory).Build();
    }

    /// <summary>A client for a model selection (e.g. an agent's <c>model</c>): its primary, then its fallbacks.</summary>
    public IChatClient CreateClient(ModelSelection selection) => CreateClient(RefsOf(selection));

    private IChatClient CreateSingle(string modelRef)
    {
        var (r, provider) = _parser.Parse(modelRef);
        var loggerFactory = _options.LoggerFactory ?? NullLoggerFactory.Instance;
        LogCreating(_logger, r, provider.Api);
        var networkTimeout = _options.Retry.AttemptTimeout;
        var client = provider.Api switch
        {
            ProviderApi.AnthropicMessages => new AnthropicChatClient(
                provider, r.ModelId, provider.Limits(r.ModelId).MaxTokens, _httpClient.Value, TimeProvider),
            ProviderApi.AzureOpenAi => AzureOpenAiClientFactory.Create(provider, r.ModelId, _httpClient.Value, networkTimeout, () => _azureCredential.Value),
            _ => OpenAiClientFactory.Create(provider, r.ModelId, _httpClient.Value, networkTimeout),
        };
        return new ChatClientBuilder(client)
            .UseUsage(r, provider.Models.FirstOrDefault(m => m.Id == r.ModelId)?.Cost, _options.Metrics, TimeProvider)
            .UseRetry(TimeProvider, _options.Retry, loggerFactory)
            .Use(inner => new ProviderErrorChatClient(inner, provider, r, TimeProvider))
            .Build();
    }

    [LoggerMessage(EventId = 1100, EventName = EventNames.ModelClientCreated, Level = LogLevel.Debug, Message = "Creating chat client for {Model} ({Api})")]
    private static partial void LogCreating(ILogger logger, ModelRef model, string api);
}
