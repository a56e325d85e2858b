namespace MoltBot.TestSupport;

/// <summary>What a fake model server answers to one request.</summary>
public sealed record FakeReply
{
    public string? Text { get; init; }
    public IReadOnlyList<FakeToolCall> ToolCalls { get; init; } = [];

    /// <summary>A non-2xx status turns the reply into an error response with <see cref="ErrorBody"/> and <see cref="Headers"/>.</summary>
    public int StatusCode { get; init; } = 200;
    public string? ErrorBody { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Never answers; the request ends only when the client gives up.</summary>
    public bool Hang { get; init; }
    public TimeSpan Latency { get; init; }
    public int PromptTokens { get; init; } = 11;
    public int CompletionTokens { get; init; } = 7;

    public static FakeReply FromText(string text) => new() { Text = text };

    public static FakeReply ToolCall(string name, string argumentsJson, string? callId = null) =>
        new() { ToolCalls = [new FakeToolCall(callId ?? "call_" + Guid.NewGuid().ToString("n")[..12], name, argumentsJson)] };

    public static FakeReply Error(int statusCode, string? body = null, IReadOnlyDictionary<string, string>? headers = null) =>
        new() { StatusCode = statusCode, ErrorBody = body, Headers = headers ?? new Dictionary<string, string>() };
}

public sealed record FakeToolCall(string Id, string Name, string ArgumentsJson);
