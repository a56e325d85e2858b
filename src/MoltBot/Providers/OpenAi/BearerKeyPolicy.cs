using System.ClientModel.Primitives;
using MoltBot.Configuration;

namespace MoltBot.Providers.OpenAi;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c>, read from the <see cref="SecretValue"/> on every request (the SDK's
/// <c>ApiKeyCredential</c> copies the key once), so a rotated key is used by the next call without a restart.
/// </summary>
internal sealed class BearerKeyPolicy(SecretValue apiKey) : AuthenticationPolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        message.Request.Headers.Set("Authorization", "Bearer " + apiKey.Value);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        message.Request.Headers.Set("Authorization", "Bearer " + apiKey.Value);
        return ProcessNextAsync(message, pipeline, currentIndex);
    }
}
