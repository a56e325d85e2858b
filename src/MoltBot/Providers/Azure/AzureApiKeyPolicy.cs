using System.ClientModel.Primitives;
using MoltBot.Configuration;

namespace MoltBot.Providers.Azure;

/// <summary>Azure OpenAI key authentication: the <c>api-key</c> header (not <c>Authorization: Bearer</c>), read per request so a rotated key applies at once.</summary>
internal sealed class AzureApiKeyPolicy(SecretValue apiKey) : AuthenticationPolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        message.Request.Headers.Set("api-key", apiKey.Value);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        message.Request.Headers.Set("api-key", apiKey.Value);
        return ProcessNextAsync(message, pipeline, currentIndex);
    }
}
