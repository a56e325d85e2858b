namespace MoltBot.TestSupport;

/// <summary>What a fake model server answers to one request. Use the static factories for the common cases.</summary>
public sealed record FakeReply
{
    /// <summary>Assistant text (may be combined with <see cref="ToolCalls"/>).</summary>
    public string? Text { get; init; }

    public IReadOnlyList<FakeToolCall> ToolCalls { get; init; } = [];

    /// <summary>HTTP status; anything but 200 is answered as a provider error.</summary>
    public int StatusCode { get; init; } = 200;

    /// <summary>Raw error body; null means the provider's usual error JSON with a generic message.</summary>
    public string? ErrorBody { get; init; }

    /// <summary>Extra response headers, e.g. <c>Retry-After</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Delay before answering, on top of the server's <c>Latency</c>.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Never answer; the request ends when the client cancels or the server is disposed.</summary>
    public bool Hang { get; init; }

    /// <summary>For streamed replies: abort the connection after this many data events.</summary>
    public int? AbortStreamAfterEvents { get; init; }

    /// <summary>Anthropic streams only: send an <c>error</c> event (<c>overloaded_error</c>) after this many events and end the stream.</summary>
    public int? StreamErrorAfterEvents { get; init; }

    public int InputTokens { get; init; } = 11;

    public int OutputTokens { get; init; } = 7;

    public static FakeReply FromText(string text) => new() { Text = text };

    public static FakeReply FromToolCall(string toolName, string argumentsJson, string? callId = null) =>
        new() { ToolCalls = [new FakeToolCall(toolName, argumentsJson, callId)] };

    public static FakeReply Error(int statusCode, string? body = null, IReadOnlyDictionary<string, string>? headers = null) =>
        new() { StatusCode = statusCode, ErrorBody = body, Headers = headers ?? new Dictionary<string, string>() };

    public static FakeReply Hanging() => new() { Hang = true };
}

/// <param name="ArgumentsJson">The arguments as a JSON object text, e.g. <c>{"city":"Oslo"}</c>.</param>
public sealed record FakeToolCall(string Name, string ArgumentsJson, string? CallId = null);
