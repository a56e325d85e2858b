using System.ClientModel.Primitives;

namespace MoltBot.Providers.Azure;

/// <summary>Sets the <c>api-version</c> query parameter to the configured value, whatever the SDK's own enum supports.</summary>
internal sealed class ApiVersionPolicy(string apiVersion) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message);
        return ProcessNextAsync(message, pipeline, currentIndex);
    }

    private void Apply(PipelineMessage message)
    {
        if (message.Request.Uri is not { } uri)
        {
            return;
        }
        var pairs = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("api-version=", StringComparison.Ordinal))
            .Append("api-version=" + Uri.EscapeDataString(apiVersion));
        message.Request.Uri = new UriBuilder(uri) { Query = string.Join('&', pairs) }.Uri;
    }
}
