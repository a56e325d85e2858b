using System.ClientModel.Primitives;
using MoltBot.Providers.OpenAi;

namespace MoltBot.Providers.Azure;

/// <summary>Sets the <c>api-version</c> query parameter to the configured value, whatever the SDK's own enum supports.</summary>
internal sealed class ApiVersionPolicy(string apiVersion) : RequestPolicy
{
    protected override void Apply(PipelineRequest request)
    {
        if (request.Uri is not { } uri)
        {
            return;
        }
        var pairs = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("api-version=", StringComparison.Ordinal))
            .Append("api-version=" + Uri.EscapeDataString(apiVersion));
        request.Uri = new UriBuilder(uri) { Query = string.Join('&', pairs) }.Uri;
    }
}
