using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MoltBot.TestSupport;

/// <summary>
/// Fake OpenAI Chat Completions server: <c>POST /v1/chat/completions</c> (any path ending in <c>/chat/completions</c>,
/// so Azure's <c>/openai/deployments/{d}/chat/completions</c> works at the root), <c>GET /v1/models</c>, and
/// <c>POST /v1/embeddings</c> (any path ending in <c>/embeddings</c>) answered with deterministic <see cref="FakeEmbeddings"/>.
/// </summary>
public sealed class FakeOpenAiServer : FakeModelServer
{
    private FakeOpenAiServer()
    {
    }

    /// <summary>OpenAI-style base URL: <c>http://127.0.0.1:PORT/v1</c>.</summary>
    public Uri BaseUrl => new(RootUrl + "v1");

    /// <summary>Model ids served by <c>GET /v1/models</c>.</summary>
    public IReadOnlyList<string> ModelIds { get; set; } = ["gpt-4o-mini", "gpt-4o"];

    /// <summary>How <c>/embeddings</c> vectors are made (dimensions, synonyms).</summary>
    public FakeEmbeddings Embeddings { get; } = new();

    /// <summary>Requests to <c>/embeddings</c> so far.</summary>
    public IReadOnlyList<RecordedRequest> EmbeddingRequests => [.. Requests.Where(r => r.Path.EndsWith("/embeddings", StringComparison.Ordinal))];

    /// <summary>The texts sent to <c>/embeddings</c> so far, in order.</summary>
    public IReadOnlyList<string> EmbeddedTexts => [.. EmbeddingRequests.SelectMany(r => r.Json?["input"] switch
    {
        JsonArray items => items.Select(i => i!.GetValue<string>()),
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    })];

    public static async Task<FakeOpenAiServer> StartAsync(CancellationToken ct = default)
    {
        var server = new FakeOpenAiServer();
        await server.StartCoreAsync(ct);
        return server;
    }

    protected override bool IsCompletionPath(string path) =>
        path.EndsWith("/chat/completions", StringComparison.Ordinal);

    protected override async Task<bool> TryHandleOtherAsync(HttpContext context, RecordedRequest request)
    {
        if (request.Method == "POST" && request.Path.EndsWith("/embeddings", StringComparison.Ordinal))
        {
            await WriteEmbeddingsAsync(context, request);
            return true;
        }
        if (request.Method != "GET" || !request.Path.EndsWith("/models", StringComparison.Ordinal))
        {
            return false;
        }
        var data = new JsonArray();
        foreach (var id in ModelIds)
        {
            data.Add(new JsonObject { ["id"] = id, ["object"] = "model", ["created"] = 1_700_000_000, ["owned_by"] = "fake" });
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["object"] = "list", ["data"] = data }.ToJsonString());
        return true;
    }

    protected override async Task WriteReplyAsync(HttpContext context, RecordedRequest request, FakeReply reply, CancellationToken ct)
    {
        if (reply.StatusCode != 200)
        {
            context.Response.StatusCode = reply.StatusCode;
            context.Response.ContentType = "application/json";
            var body = reply.ErrorBody ?? new JsonObject
            {
                ["error"] = new JsonObject { ["message"] = $"fake error {reply.StatusCode}", ["type"] = "fake_error", ["code"] = null },
            }.ToJsonString();
            await context.Response.WriteAsync(body, ct);
            return;
        }

        var json = request.Json;
        var model = json?["model"]?.GetValue<string>() ?? DeploymentFromPath(request.Path) ?? "fake-model";
        var stream = json?["stream"]?.GetValue<bool>() == true;
        var finish = reply.ToolCalls.Count > 0 ? "tool_calls" : "stop";
        var usage = new JsonObject
        {
            ["prompt_tokens"] = reply.InputTokens,
            ["completion_tokens"] = reply.OutputTokens,
            ["total_tokens"] = reply.InputTokens + reply.OutputTokens,
        };

        if (!stream)
        {
            var message = new JsonObject { ["role"] = "assistant", ["content"] = reply.Text };
            if (reply.ToolCalls.Count > 0)
            {
                var calls = new JsonArray();
                for (var i = 0; i < reply.ToolCalls.Count; i++)
                {
                    var call = reply.ToolCalls[i];
                    calls.Add(new JsonObject
                    {
                        ["id"] = call.CallId ?? $"call_{i + 1}",
                        ["type"] = "function",
                        ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.ArgumentsJson },
                    });
                }
                message["tool_calls"] = calls;
            }
            var completion = new JsonObject
            {
                ["id"] = "chatcmpl-fake",
                ["object"] = "chat.completion",
                ["created"] = 1_700_000_000,
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish }),
                ["usage"] = usage,
            };
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(completion.ToJsonString(), ct);
            return;
        }

        StartSse(context);
        var sent = 0;
        async Task<bool> SendAsync(JsonObject? delta, string? finishReason, JsonObject? chunkUsage = null)
        {
            if (reply.AbortStreamAfterEvents is { } limit && sent >= limit)
            {
                context.Abort();
                return false;
            }
            var chunk = new JsonObject
            {
                ["id"] = "chatcmpl-fake",
                ["object"] = "chat.completion.chunk",
                ["created"] = 1_700_000_000,
                ["model"] = model,
                ["choices"] = delta is null && finishReason is null
                    ? new JsonArray()
                    : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta ?? new JsonObject(), ["finish_reason"] = finishReason }),
            };
            if (chunkUsage is not null)
            {
                chunk["usage"] = chunkUsage;
            }
            await WriteSseAsync(context, null, chunk.ToJsonString(), ct);
            sent++;
            return true;
        }

        if (!await SendAsync(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null))
        {
            return;
        }
        foreach (var piece in reply.Text is null ? [] : Chunk(reply.Text))
        {
            if (!await SendAsync(new JsonObject { ["content"] = piece }, null))
            {
                return;
            }
        }
        for (var i = 0; i < reply.ToolCalls.Count; i++)
        {
            var call = reply.ToolCalls[i];
            var head = new JsonObject
            {
                ["index"] = i,
                ["id"] = call.CallId ?? $"call_{i + 1}",
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = "" },
            };
            if (!await SendAsync(new JsonObject { ["tool_calls"] = new JsonArray(head) }, null))
            {
                return;
            }
            foreach (var piece in Chunk(call.ArgumentsJson))
            {
                var part = new JsonObject { ["index"] = i, ["function"] = new JsonObject { ["arguments"] = piece } };
                if (!await SendAsync(new JsonObject { ["tool_calls"] = new JsonArray(part) }, null))
                {
                    return;
                }
            }
        }
        if (!await SendAsync(new JsonObject(), finish) || !await SendAsync(null, null, usage))
        {
            return;
        }
        await WriteSseAsync(context, null, "[DONE]", ct);
    }

    private async Task WriteEmbeddingsAsync(HttpContext context, RecordedRequest request)
    {
        var json = request.Json;
        IReadOnlyList<string> inputs = json?["input"] switch
        {
            JsonArray items => [.. items.Select(i => i!.GetValue<string>())],
            JsonValue one => [one.GetValue<string>()],
            _ => [],
        };
        var base64 = json?["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = Embeddings.Embed(inputs[i]);
            JsonNode embedding = base64
                ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()))
                : new JsonArray([.. vector.Select(v => (JsonNode)v)]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }
        var tokens = inputs.Sum(t => (t.Length / 4) + 1);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = json?["model"]?.GetValue<string>() ?? DeploymentFromPath(request.Path) ?? "fake-embedding",
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        }.ToJsonString());
    }

    private static string? DeploymentFromPath(string path)
    {
        const string marker = "/deployments/";
        var start = path.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }
        start += marker.Length;
        var end = path.IndexOf('/', start);
        return end < 0 ? path[start..] : path[start..end];
    }
}
