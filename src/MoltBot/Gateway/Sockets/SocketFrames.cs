using System.Text.Json;
using System.Text.Json.Serialization;

namespace MoltBot.Gateway.Sockets;

// The gateway's WebSocket protocol (the shape OpenClaw clients know): JSON text frames of three types.
//   {type:"req", id, method, params}   client → gateway
//   {type:"res", id, ok, payload | error}   gateway → client, one per req
//   {type:"event", event, payload, seq}   gateway → client, unsolicited

internal sealed record RequestFrame(string Id, string Method, JsonElement Params);

internal sealed record FrameError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("retryable")] bool? Retryable = null,
    [property: JsonPropertyName("retryAfterMs")] long? RetryAfterMs = null);

/// <summary>Stable error codes a client can switch on.</summary>
internal static class FrameErrorCodes
{
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string MethodNotFound = "METHOD_NOT_FOUND";
    public const string NotFound = "NOT_FOUND";
    public const string Unavailable = "UNAVAILABLE";
    public const string RateLimited = "RATE_LIMITED";
}

/// <summary>A method's refusal, turned into an error response (the connection stays open).</summary>
/// <param name="retryAfter">Set when the client may try again later (sent as <c>retryable</c> + <c>retryAfterMs</c>).</param>
internal sealed class FrameException(string code, string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public string Code { get; } = code;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public FrameError ToError() => new(Code, Message, RetryAfter.HasValue ? true : null, (long?)RetryAfter?.TotalMilliseconds);
}
