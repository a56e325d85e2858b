using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace MoltBot.Providers.OpenAi;

/// <summary>Chat clients for <c>openai-completions</c> providers (OpenAI, OpenRouter, LiteLLM, Ollama, vLLM) via the OpenAI SDK.</summary>
internal static class OpenAiClientFactory
{
    public static IChatClient Create(ResolvedProvider provider, string modelId, HttpClient httpClient, TimeSpan networkTimeout)
    {
        var options = new OpenAIClientOptions { Endpoint = provider.BaseUrl };
        Configure(options, provider, httpClient, networkTimeout);
#pragma warning disable OPENAI001 // The AuthenticationPolicy constructor is the SDK's way to send no Authorization header, or a key read per request.
        var chat = provider.ApiKey is { } key
            ? new ChatClient(modelId, new BearerKeyPolicy(key), options)
            : new ChatClient(modelId, new NoAuthenticationPolicy(), options);
#pragma warning restore OPENAI001
        return new ConvertedToolsChatClient(new SerializedHistoryChatClient(chat.AsIChatClient()));
    }

    /// <summary>
    /// Our transport, no SDK retries (<see cref="RetryingChatClient"/> is the only retry), no SDK logging, and the
    /// configured headers.
    /// </summary>
    public static void Configure(ClientPipelineOptions options, ResolvedProvider provider, HttpClient httpClient, TimeSpan networkTimeout)
    {
        // The SDK's own logging goes to its EventSource (we give it no ILoggerFactory), so nothing of it reaches our logs;
        // left on, it puts a MessageLoggingPolicy in every pipeline that runs an extra async step and an enabled check on
        // every call. Provider failures are logged by RetryingChatClient and FailoverChatClient.
        options.ClientLoggingOptions = new ClientLoggingOptions { EnableLogging = false };
        options.Transport = new HttpClientPipelineTransport(httpClient, enableLogging: false, loggerFactory: null);
        options.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        options.NetworkTimeout = networkTimeout;
        if (provider.Headers.Count > 0)
        {
            options.AddPolicy(new HeadersPolicy(provider.Headers), PipelinePosition.PerCall);
        }
    }
}
