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
        return chat.AsIChatClient();
    }

    /// <summary>Our transport, no SDK retries (<see cref="RetryingChatClient"/> is the only retry), and the configured headers.</summary>
    public static void Configure(ClientPipelineOptions options, ResolvedProvider provider, HttpClient httpClient, TimeSpan networkTimeout)
    {
        options.Transport = new HttpClientPipelineTransport(httpClient);
        options.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        options.NetworkTimeout = networkTimeout;
        if (provider.Headers.Count > 0)
        {
            options.AddPolicy(new HeadersPolicy(provider.Headers), PipelinePosition.PerCall);
        }
    }
}
