using System.ClientModel.Primitives;

namespace MoltBot.Providers.Azure;

/// <summary>Azure OpenAI key authentication: the <c>api-key</c> header (not <c>Authorization: Bearer</c>).</summary>
internal sealed class AzureApiKeyPolicy(string apiKey) : AuthenticationPolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        message.Request.Headers.Set("api-key", apiKey);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        message.Request.Headers.Set("api-key", apiKey);
        return ProcessNextAsync(message, pipeline, currentIndex);
    }
}
