using System.ClientModel.Primitives;

namespace MoltBot.Providers.OpenAi;

/// <summary>A pipeline step that only edits the outgoing request (headers, query), the same for sync and async sends.</summary>
internal abstract class RequestPolicy : PipelinePolicy
{
    public sealed override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message.Request);
        ProcessNext(message, pipeline, currentIndex);
    }

    public sealed override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message.Request);
        return ProcessNextAsync(message, pipeline, currentIndex);
    }

    protected abstract void Apply(PipelineRequest request);
}
