using System.Text.Json.Nodes;

namespace MoltBot.TestSupport;

/// <summary>One request a fake server received, exactly as it came over the wire.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    private readonly Lazy<JsonNode?> _json = new(() => TryParse(Body));

    /// <summary>The body parsed as JSON, or null when it is not JSON.</summary>
    public JsonNode? Json => _json.Value;

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    private static JsonNode? TryParse(string body)
    {
        try
        {
            return body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
