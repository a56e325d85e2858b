using System.ClientModel;
using Azure.Core;
using Microsoft.Extensions.AI;
using MoltBot.Configuration;
using MoltBot.Providers;
using MoltBot.Providers.Azure;
using MoltBot.Providers.OpenAi;
using OpenAI;
using OpenAI.Embeddings;

namespace MoltBot.Memory;

/// <summary>
/// Picks the embeddings provider for <c>agents.defaults.memorySearch</c>: <c>remote.baseUrl</c> (any OpenAI-compatible
/// <c>/embeddings</c>: LiteLLM, Ollama, vLLM), else the <c>openai</c> provider's key, else an <c>azure-openai</c> provider
/// (the model is the deployment name), else none (keyword search only). <c>provider</c> narrows the choice;
/// <c>none</c> turns embeddings off. The OpenAI SDK does the wire work behind Microsoft.Extensions.AI's <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>.
/// </summary>
internal static class MemoryEmbedderFactory
{
    public static MemoryEmbedder? Create(
        MemorySearchConfig config, IReadOnlyDictionary<string, ResolvedProvider> providers, HttpClient httpClient, Func<TokenCredential> azureCredential)
    {
        var provider = config.Provider;
        if (!config.Enabled || provider == "none")
        {
            return null;
        }
        var timeout = TimeSpan.FromSeconds(60);
        if (provider is null or "openai" && config.RemoteBaseUrl is { Length: > 0 } remote && Uri.TryCreate(remote, UriKind.Absolute, out var remoteUrl))
        {
            var resolved = new ResolvedProvider("memorySearch.remote", ProviderApi.OpenAiCompletions, remoteUrl, config.RemoteApiKey,
                BuiltInProviders.DefaultAzureApiVersion, new Dictionary<string, string>(), [], null, null);
            return new MemoryEmbedder(OpenAi(resolved, config.Model, httpClient, timeout), config.Model, $"{config.Model} at {remoteUrl}");
        }
        if (provider is null or "openai" && providers.TryGetValue("openai", out var openai) && openai is { Problem: null, ApiKey: not null })
        {
            return new MemoryEmbedder(OpenAi(openai, config.Model, httpClient, timeout), config.Model, $"openai/{config.Model}");
        }
        if (provider is null or "azure-openai" && providers.Values.FirstOrDefault(p => p is { Api: ProviderApi.AzureOpenAi, Problem: null }) is { } azure)
        {
            return new MemoryEmbedder(Azure(azure, config.Model, httpClient, timeout, azureCredential), config.Model, $"{azure.Id}/{config.Model}");
        }
        return null;
    }

    private static IEmbeddingGenerator<string, Embedding<float>> OpenAi(ResolvedProvider provider, string model, HttpClient httpClient, TimeSpan timeout)
    {
        var options = new OpenAIClientOptions { Endpoint = provider.BaseUrl };
        OpenAiClientFactory.Configure(options, provider, httpClient, timeout);
#pragma warning disable OPENAI001 // AuthenticationPolicy: a live (rotatable) key, or no Authorization header at all.
        var client = provider.ApiKey is { } key
            ? new EmbeddingClient(model, new BearerKeyPolicy(key), options)
            : new EmbeddingClient(model, new NoAuthenticationPolicy(), options);
#pragma warning restore OPENAI001
        return client.AsIEmbeddingGenerator();
    }

    private static IEmbeddingGenerator<string, Embedding<float>> Azure(
        ResolvedProvider provider, string deployment, HttpClient httpClient, TimeSpan timeout, Func<TokenCredential> credential)
    {
        var endpoint = new Uri($"{provider.BaseUrl!.ToString().TrimEnd('/')}/openai/deployments/{Uri.EscapeDataString(deployment)}");
        var options = new OpenAIClientOptions { Endpoint = endpoint };
        OpenAiClientFactory.Configure(options, provider, httpClient, timeout);
        options.AddPolicy(new ApiVersionPolicy(provider.ApiVersion), System.ClientModel.Primitives.PipelinePosition.PerCall);
#pragma warning disable OPENAI001 // The AuthenticationPolicy constructor is the SDK's way to plug in Azure's own authentication.
        var client = new EmbeddingClient(deployment, provider.ApiKey is { } key ? new AzureApiKeyPolicy(key) : new AzureTokenPolicy(credential), options);
#pragma warning restore OPENAI001
        return client.AsIEmbeddingGenerator();
    }
}
