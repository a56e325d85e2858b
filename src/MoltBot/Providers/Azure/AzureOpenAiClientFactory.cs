using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.AI;
using MoltBot.Providers.OpenAi;
using OpenAI;
using OpenAI.Chat;

namespace MoltBot.Providers.Azure;

/// <summary>
/// Chat clients for Azure OpenAI deployments, natively: <c>{endpoint}/openai/deployments/{deployment}/chat/completions</c>
/// with the <c>api-version</c> query, and the <c>api-key</c> header when a key is configured, otherwise Entra ID bearer
/// tokens (Managed Identity) for <c>https://cognitiveservices.azure.com/.default</c>.
/// The OpenAI SDK does the wire work; Azure.AI.OpenAI is not used because it is not trim/AOT-clean.
/// </summary>
internal static class AzureOpenAiClientFactory
{
    public static IChatClient Create(ResolvedProvider provider, string deployment, HttpClient httpClient, TimeSpan networkTimeout, Func<TokenCredential> credential)
    {
        var endpoint = new Uri($"{provider.BaseUrl!.ToString().TrimEnd('/')}/openai/deployments/{Uri.EscapeDataString(deployment)}");
        var options = new OpenAIClientOptions { Endpoint = endpoint };
        OpenAiClientFactory.Configure(options, provider, httpClient, networkTimeout);
        options.AddPolicy(new ApiVersionPolicy(provider.ApiVersion), System.ClientModel.Primitives.PipelinePosition.PerCall);
#pragma warning disable OPENAI001 // The AuthenticationPolicy constructor is the SDK's way to plug in Azure's own authentication.
        var chat = new ChatClient(deployment, provider.ApiKey is { } key ? new AzureApiKeyPolicy(key) : new AzureTokenPolicy(credential), options);
#pragma warning restore OPENAI001
        return new ConvertedToolsChatClient(new SerializedHistoryChatClient(chat.AsIChatClient()));
    }

    /// <summary><see cref="ManagedIdentityCredential"/> for the user-assigned identity in <c>AZURE_CLIENT_ID</c>, else <see cref="DefaultAzureCredential"/>.</summary>
    public static TokenCredential DefaultCredential(string? azureClientId) =>
        azureClientId is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
}
