using System.Text.Json.Serialization;

namespace MoltBot.Gateway.Sockets;

internal sealed record ConnectChallenge(
    [property: JsonPropertyName("nonce")] string Nonce,
    [property: JsonPropertyName("ts")] long Ts);

internal sealed record ConnectParams
{
    [JsonPropertyName("minProtocol")] public int? MinProtocol { get; init; }
    [JsonPropertyName("maxProtocol")] public int? MaxProtocol { get; init; }
    [JsonPropertyName("client")] public ConnectClient? Client { get; init; }
    [JsonPropertyName("auth")] public ConnectAuth? Auth { get; init; }
}

internal sealed record ConnectClient(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("mode")] string? Mode);

internal sealed record ConnectAuth([property: JsonPropertyName("token")] string? Token);

internal sealed record HelloOk(
    [property: JsonPropertyName("protocol")] int Protocol,
    [property: JsonPropertyName("server")] HelloServer Server,
    [property: JsonPropertyName("features")] HelloFeatures Features,
    [property: JsonPropertyName("policy")] HelloPolicy Policy)
{
    [JsonPropertyName("type")]
    public string Type { get; } = "hello-ok";
}

internal sealed record HelloServer(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("connId")] string ConnId);

internal sealed record HelloFeatures(
    [property: JsonPropertyName("methods")] IReadOnlyList<string> Methods,
    [property: JsonPropertyName("events")] IReadOnlyList<string> Events);

internal sealed record HelloPolicy(
    [property: JsonPropertyName("maxPayload")] int MaxPayload,
    [property: JsonPropertyName("tickIntervalMs")] int TickIntervalMs);

internal sealed record ChatSendParams
{
    [JsonPropertyName("sessionKey")] public string? SessionKey { get; init; }
    [JsonPropertyName("agentId")] public string? AgentId { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }
    [JsonPropertyName("idempotencyKey")] public string? IdempotencyKey { get; init; }
}

internal sealed record ChatSendAccepted(
    [property: JsonPropertyName("runId")] string RunId,
    [property: JsonPropertyName("status")] string Status);

internal sealed record ChatAbortParams
{
    [JsonPropertyName("runId")] public string? RunId { get; init; }
}

internal sealed record ChatAbortResult([property: JsonPropertyName("aborted")] bool Aborted);

internal sealed record ChatHistoryParams
{
    [JsonPropertyName("sessionKey")] public string? SessionKey { get; init; }
    [JsonPropertyName("limit")] public int? Limit { get; init; }
}

internal sealed record ChatHistory(
    [property: JsonPropertyName("sessionKey")] string SessionKey,
    [property: JsonPropertyName("messages")] IReadOnlyList<ChatHistoryMessage> Messages);

internal sealed record ChatHistoryMessage(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("ts")] long Ts);

/// <summary>The <c>chat</c> event: <c>delta</c> (streamed text), <c>final</c> (the whole reply) or <c>error</c>.</summary>
internal sealed record ChatEvent(
    [property: JsonPropertyName("runId")] string RunId,
    [property: JsonPropertyName("sessionKey")] string SessionKey,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("deltaText")] string? DeltaText = null,
    [property: JsonPropertyName("message")] ChatHistoryMessage? Message = null,
    [property: JsonPropertyName("errorMessage")] string? ErrorMessage = null);

internal sealed record TickEvent([property: JsonPropertyName("ts")] long Ts);

internal sealed record HealthPayload(
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("status")] string Status);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(FrameError))]
[JsonSerializable(typeof(ConnectChallenge))]
[JsonSerializable(typeof(ConnectParams))]
[JsonSerializable(typeof(HelloOk))]
[JsonSerializable(typeof(ChatSendParams))]
[JsonSerializable(typeof(ChatSendAccepted))]
[JsonSerializable(typeof(ChatAbortParams))]
[JsonSerializable(typeof(ChatAbortResult))]
[JsonSerializable(typeof(ChatHistoryParams))]
[JsonSerializable(typeof(ChatHistory))]
[JsonSerializable(typeof(ChatEvent))]
[JsonSerializable(typeof(TickEvent))]
[JsonSerializable(typeof(HealthPayload))]
[JsonSerializable(typeof(Status.GatewayStatus))]
internal sealed partial class SocketJsonContext : JsonSerializerContext;
