using System.Text.Json.Serialization;

namespace MoltBot.Channels.Telegram.Api;

/// <summary>The envelope of every Bot API answer: <c>{ok, result}</c> or <c>{ok:false, error_code, description, parameters}</c>.</summary>
internal sealed record TelegramResponse<T>
{
    [JsonPropertyName("ok")]
    public bool Ok { get; init; }

    [JsonPropertyName("result")]
    public T? Result { get; init; }

    [JsonPropertyName("error_code")]
    public int? ErrorCode { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("parameters")]
    public TelegramResponseParameters? Parameters { get; init; }
}
