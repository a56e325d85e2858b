using System.ClientModel.Primitives;

namespace MoltBot.Providers.OpenAi;

/// <summary>For keyless OpenAI-compatible servers (Ollama, vLLM, LiteLLM without auth): sends no Authorization header.</summary>
internal sealed class NoAuthenticationPolicy : AuthenticationPolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
        ProcessNext(message, pipeline, currentIndex);

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
        ProcessNextAsync(message, pipeline, currentIndex);
}
