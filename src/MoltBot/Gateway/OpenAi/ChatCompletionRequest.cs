using System.Text.Json;
using System.Text.Json.Serialization;

namespace MoltBot.Gateway.OpenAi;

/// <summary>The subset of OpenAI's <c>POST /v1/chat/completions</c> body the gateway honours; other fields are ignored.</summary>
internal sealed class ChatCompletionRequest
{
    [JsonPropertyName("model")]
    public string? Model { get; set; }

    [JsonPropertyName("messages")]
    public List<ChatCompletionRequestMessage>? Messages { get; set; }

    [JsonPropertyName("stream")]
    public bool Stream { get; set; }

    /// <summary>Selects the session: a full session key (<c>agent:...</c>) or any stable end-user id.</summary>
    [JsonPropertyName("user")]
    public string? User { get; set; }
}

internal sealed class ChatCompletionRequestMessage
{
    [JsonPropertyName("role")]
    public string? Role { get; set; }

    /// <summary>A string, or an array of content parts (<c>{"type":"text","text":...}</c>).</summary>
    [JsonPropertyName("content")]
    public JsonElement Content { get; set; }

    public string Text() => Content.ValueKind switch
    {
        JsonValueKind.String => Content.GetString() ?? "",
        JsonValueKind.Array => string.Join("\n", Content.EnumerateArray()
            .Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("text", out _))
            .Select(p => p.GetProperty("text").GetString())),
        _ => "",
    };
}
