using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MoltBot.TestSupport;

/// <summary>
/// A fake OpenAI-compatible server (OpenAI, OpenRouter, LiteLLM, Ollama, and Azure OpenAI deployment paths):
/// scripted text or tool-call replies, SSE streaming, injected errors and hangs, and a ledger of requests.
/// </summary>
public sealed class FakeOpenAiServer : FakeHttpServer
{
    private FakeOpenAiServer()
    {
    }

    /// <summary><c>http://127.0.0.1:PORT/v1</c>, the base URL an OpenAI client is given.</summary>
    public Uri BaseUrl => new(RootUrl, "/v1");

    public static async Task<FakeOpenAiServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = new FakeOpenAiServer();
        await server.StartCoreAsync(cancellationToken);
        return server;
    }

    protected override void Map(WebApplication app)
    {
        app.MapGet("/v1/models", () => Results.Json(new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(new JsonObject { ["id"] = "gpt-test", ["object"] = "model", ["owned_by"] = "fake" }),
        }));
        // /v1/chat/completions, /chat/completions, /openai/deployments/{deployment}/chat/completions
        app.MapPost("/{**path}", async context =>
        {
            if (!context.Request.Path.Value!.EndsWith("/chat/completions", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 404;
                return;
            }
            var (request, reply) = await ReceiveAsync(context);
            if (reply.StatusCode != 200)
            {
                await WriteErrorAsync(context, reply, """{"error":{"message":"fake error","type":"server_error"}}""");
                return;
            }
            var model = request.Json?["model"]?.GetValue<string>() ?? DeploymentOf(request.Path) ?? "fake";
            if (request.Json?["stream"]?.GetValue<bool>() == true)
            {
                await StreamAsync(context, reply, model);
            }
            else
            {
                await context.Response.WriteAsJsonAsync(Completion(reply, model), context.RequestAborted);
            }
        });
    }

    private static string? DeploymentOf(string path)
    {
        const string Marker = "/openai/deployments/";
        var start = path.IndexOf(Marker, StringComparison.Ordinal);
        return start < 0 ? null : path[(start + Marker.Length)..].Split('/')[0];
    }

    private static JsonObject Completion(FakeReply reply, string model)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = reply.ToolCalls.Count > 0 ? null : reply.Text ?? "" };
        if (reply.ToolCalls.Count > 0)
        {
            message["tool_calls"] = new JsonArray([.. reply.ToolCalls.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.ArgumentsJson },
            })]);
        }
        return new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion",
            ["created"] = 1_764_000_000,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["finish_reason"] = reply.ToolCalls.Count > 0 ? "tool_calls" : "stop",
            }),
            ["usage"] = Usage(reply),
        };
    }

    private static async Task StreamAsync(HttpContext context, FakeReply reply, string model)
    {
        context.Response.ContentType = "text/event-stream";
        JsonObject Chunk(JsonObject? delta, string? finish, JsonObject? usage = null) => new()
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion.chunk",
            ["created"] = 1_764_000_000,
            ["model"] = model,
            ["choices"] = delta is null ? new JsonArray() : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
            ["usage"] = usage,
        };

        await WriteSseAsync(context, null, Chunk(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null).ToJsonString());
        foreach (var piece in Pieces(reply.Text ?? ""))
        {
            await WriteSseAsync(context, null, Chunk(new JsonObject { ["content"] = piece }, null).ToJsonString());
        }
        for (var i = 0; i < reply.ToolCalls.Count; i++)
        {
            var call = reply.ToolCalls[i];
            await WriteSseAsync(context, null, Chunk(new JsonObject
            {
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["index"] = i,
                    ["id"] = call.Id,
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = "" },
                }),
            }, null).ToJsonString());
            foreach (var piece in Pieces(call.ArgumentsJson))
            {
                await WriteSseAsync(context, null, Chunk(new JsonObject
                {
                    ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = i, ["function"] = new JsonObject { ["arguments"] = piece } }),
                }, null).ToJsonString());
            }
        }
        await WriteSseAsync(context, null, Chunk(new JsonObject(), reply.ToolCalls.Count > 0 ? "tool_calls" : "stop").ToJsonString());
        await WriteSseAsync(context, null, Chunk(null, null, Usage(reply)).ToJsonString());
        await WriteSseAsync(context, null, "[DONE]");
    }

    private static JsonObject Usage(FakeReply reply) => new()
    {
        ["prompt_tokens"] = reply.PromptTokens,
        ["completion_tokens"] = reply.CompletionTokens,
        ["total_tokens"] = reply.PromptTokens + reply.CompletionTokens,
    };
}
