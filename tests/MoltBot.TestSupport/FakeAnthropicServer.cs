using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MoltBot.TestSupport;

/// <summary>Fake Anthropic Messages API server: <c>POST /v1/messages</c>, plain JSON or SSE when the request has <c>stream: true</c>.</summary>
public sealed class FakeAnthropicServer : FakeModelServer
{
    private FakeAnthropicServer()
    {
    }

    /// <summary>Anthropic-style base URL (without <c>/v1</c>), like <c>https://api.anthropic.com</c>: <c>http://127.0.0.1:PORT</c>.</summary>
    public Uri BaseUrl => RootUrl;

    public static async Task<FakeAnthropicServer> StartAsync(CancellationToken ct = default)
    {
        var server = new FakeAnthropicServer();
        await server.StartCoreAsync(ct);
        return server;
    }

    protected override bool IsCompletionPath(string path) => path.EndsWith("/v1/messages", StringComparison.Ordinal);

    protected override Task<bool> TryHandleOtherAsync(HttpContext context, RecordedRequest request) => Task.FromResult(false);

    protected override async Task WriteReplyAsync(HttpContext context, RecordedRequest request, FakeReply reply, CancellationToken ct)
    {
        if (reply.StatusCode != 200)
        {
            context.Response.StatusCode = reply.StatusCode;
            context.Response.ContentType = "application/json";
            var body = reply.ErrorBody ?? new JsonObject
            {
                ["type"] = "error",
                ["error"] = new JsonObject { ["type"] = ErrorType(reply.StatusCode), ["message"] = $"fake error {reply.StatusCode}" },
            }.ToJsonString();
            await context.Response.WriteAsync(body, ct);
            return;
        }

        var json = request.Json;
        var model = json?["model"]?.GetValue<string>() ?? "claude-fake";
        var stream = json?["stream"]?.GetValue<bool>() == true;
        var stopReason = reply.ToolCalls.Count > 0 ? "tool_use" : "end_turn";

        if (!stream)
        {
            var content = new JsonArray();
            if (reply.Text is not null)
            {
                content.Add(new JsonObject { ["type"] = "text", ["text"] = reply.Text });
            }
            for (var i = 0; i < reply.ToolCalls.Count; i++)
            {
                var call = reply.ToolCalls[i];
                content.Add(new JsonObject
                {
                    ["type"] = "tool_use",
                    ["id"] = call.CallId ?? $"toolu_{i + 1}",
                    ["name"] = call.Name,
                    ["input"] = JsonNode.Parse(call.ArgumentsJson),
                });
            }
            var message = new JsonObject
            {
                ["id"] = "msg_fake",
                ["type"] = "message",
                ["role"] = "assistant",
                ["model"] = model,
                ["content"] = content,
                ["stop_reason"] = stopReason,
                ["stop_sequence"] = null,
                ["usage"] = new JsonObject { ["input_tokens"] = reply.InputTokens, ["output_tokens"] = reply.OutputTokens },
            };
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(message.ToJsonString(), ct);
            return;
        }

        StartSse(context);
        var sent = 0;
        async Task<bool> SendAsync(string type, JsonObject data)
        {
            if (reply.AbortStreamAfterEvents is { } limit && sent >= limit)
            {
                context.Abort();
                return false;
            }
            if (reply.StreamErrorAfterEvents is { } failAt && sent >= failAt)
            {
                var error = new JsonObject { ["type"] = "error", ["error"] = new JsonObject { ["type"] = "overloaded_error", ["message"] = "Overloaded" } };
                await WriteSseAsync(context, "error", error.ToJsonString(), ct);
                return false;
            }
            data["type"] = type;
            await WriteSseAsync(context, type, data.ToJsonString(), ct);
            sent++;
            return true;
        }

        var start = new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["id"] = "msg_fake",
                ["type"] = "message",
                ["role"] = "assistant",
                ["model"] = model,
                ["content"] = new JsonArray(),
                ["stop_reason"] = null,
                ["stop_sequence"] = null,
                ["usage"] = new JsonObject { ["input_tokens"] = reply.InputTokens, ["output_tokens"] = 1 },
            },
        };
        if (!await SendAsync("message_start", start) || !await SendAsync("ping", []))
        {
            return;
        }
        var index = 0;
        if (reply.Text is not null)
        {
            if (!await SendAsync("content_block_start", new JsonObject { ["index"] = index, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = "" } }))
            {
                return;
            }
            foreach (var piece in Chunk(reply.Text))
            {
                var delta = new JsonObject { ["index"] = index, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = piece } };
                if (!await SendAsync("content_block_delta", delta))
                {
                    return;
                }
            }
            if (!await SendAsync("content_block_stop", new JsonObject { ["index"] = index }))
            {
                return;
            }
            index++;
        }
        for (var i = 0; i < reply.ToolCalls.Count; i++, index++)
        {
            var call = reply.ToolCalls[i];
            var block = new JsonObject { ["type"] = "tool_use", ["id"] = call.CallId ?? $"toolu_{i + 1}", ["name"] = call.Name, ["input"] = new JsonObject() };
            if (!await SendAsync("content_block_start", new JsonObject { ["index"] = index, ["content_block"] = block }))
            {
                return;
            }
            foreach (var piece in Chunk(call.ArgumentsJson))
            {
                var delta = new JsonObject { ["index"] = index, ["delta"] = new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = piece } };
                if (!await SendAsync("content_block_delta", delta))
                {
                    return;
                }
            }
            if (!await SendAsync("content_block_stop", new JsonObject { ["index"] = index }))
            {
                return;
            }
        }
        var end = new JsonObject
        {
            ["delta"] = new JsonObject { ["stop_reason"] = stopReason, ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = reply.OutputTokens },
        };
        if (await SendAsync("message_delta", end))
        {
            await SendAsync("message_stop", []);
        }
    }

    private static string ErrorType(int status) => status switch
    {
        400 => "invalid_request_error",
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        429 => "rate_limit_error",
        529 => "overloaded_error",
        _ => "api_error",
    };
}
