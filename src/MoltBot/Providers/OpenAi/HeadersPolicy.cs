using System.ClientModel.Primitives;

namespace MoltBot.Providers.OpenAi;

/// <summary>Adds <c>models.providers.&lt;id&gt;.headers</c> to every request of an SDK pipeline.</summary>
internal sealed class HeadersPolicy(IReadOnlyDictionary<string, string> headers) : RequestPolicy
{
    protected override void Apply(PipelineRequest request)
    {
        foreach (var (name, value) in headers)
        {
            request.Headers.Set(name, value);
        }
    }
}
