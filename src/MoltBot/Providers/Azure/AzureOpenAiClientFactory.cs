using System.ClientModel;
using Azure.AI.OpenAI;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.AI;
using MoltBot.Providers.OpenAi;

namespace MoltBot.Providers.Azure;

/// <summary>
/// Chat clients for Azure OpenAI deployments via <see cref="AzureOpenAIClient"/>: <c>api-key</c> header when a key is
/// configured, otherwise Entra ID bearer tokens (Managed Identity) for <c>https://cognitiveservices.azure.com/.default</c>.
/// </summary>
internal static class AzureOpenAiClientFactory
{
    public static IChatClient Create(ResolvedProvider provider, string deployment, HttpClient httpClient, TimeSpan networkTimeout, Func<TokenCredential> credential)
    {
        var options = new AzureOpenAIClientOptions();
        OpenAiClientFactory.Configure(options, provider, httpClient, networkTimeout);
        options.AddPolicy(new ApiVersionPolicy(provider.ApiVersion), System.ClientModel.Primitives.PipelinePosition.PerCall);
        var endpoint = provider.BaseUrl!;
        var client = provider.ApiKey is { } key
            ? new AzureOpenAIClient(endpoint, new ApiKeyCredential(key.Value), options)
            : new AzureOpenAIClient(endpoint, credential(), options);
        return client.GetChatClient(deployment).AsIChatClient();
    }

    /// <summary><see cref="ManagedIdentityCredential"/> for the user-assigned identity in <c>AZURE_CLIENT_ID</c>, else <see cref="DefaultAzureCredential"/>.</summary>
    public static TokenCredential DefaultCredential(string? azureClientId) =>
        azureClientId is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
}
