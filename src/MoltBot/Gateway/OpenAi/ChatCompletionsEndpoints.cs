using MoltBot.Hosting;
using MoltBot.Hosting.Metrics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Agent;
using MoltBot.Channels.RateLimits;
using MoltBot.Providers;
using MoltBot.Sessions;

using MoltBot.Security.Redaction;

namespace MoltBot.Gateway.OpenAi;

/// <summary>
/// The OpenAI-compatible API: <c>model</c> names an agent (<c>moltbot</c> or <c>moltbot/&lt;agentId&gt;</c>), <c>user</c> selects
/// the session. The gateway keeps the history, so only the newest user message of the request is taken as input.
/// </summary>
internal static partial class ChatCompletionsEndpoints
{
    public const string ModelPrefix = "moltbot";

    public static IEndpointRouteBuilder MapOpenAiCompatible(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/v1");
        v1.MapGet("/models", ListModels);
        v1.MapPost("/chat/completions", CompleteAsync);
        return endpoints;
    }

    private static IResult ListModels(AgentCatalog agents, TimeProvider time)
    {
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        var data = new List<ModelListEntry> { new(ModelPrefix, "model", created, "moltbot") };
        data.AddRange(agents.All.Select(a => new ModelListEntry($"{ModelPrefix}/{a.Id}", "model", created, "moltbot")));
        return Results.Json(new ModelList("list", data), OpenAiWireJsonContext.Default.ModelList);
    }

    private static async Task CompleteAsync(
        HttpContext context, AgentRunner runner, AgentCatalog agents, TimeProvider time, ILoggerFactory loggers, IHostApplicationLifetime lifetime, MessageTraffic traffic,
        SenderRateGuard rateGuard, ISecretRedactor redactor)
    {
        // Shutting down cancels model calls at once: the user's message is already stored, and a restart can pick it up.
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = aborted.Token;
        var response = context.Response;
        ChatCompletionRequest? request;
        try
        {
            // Straight from Kestrel's pipe: no stream adapter and no buffer of its own for a small body.
            request = await JsonSerializer.DeserializeAsync(context.Request.BodyReader, OpenAiWireJsonContext.Default.ChatCompletionRequest, cancellationToken);
        }
        catch (JsonException ex)
        {
            await OpenAiErrors.WriteAsync(response, 400, redactor.Redact($"The request body is not valid JSON: {ex.Message}"), "invalid_request_error");
            return;
        }
        if (request is null)
        {
            await OpenAiErrors.WriteAsync(response, 400, "The request body is empty.", "invalid_request_error");
            return;
        }
        if (!TryResolveAgent(request.Model, agents, out var agentId, out var modelError))
        {
            await OpenAiErrors.WriteAsync(response, 400, modelError, "invalid_request_error", "model_not_found");
            return;
        }
        var text = request.Messages?.LastOrDefault(m => m.Role == "user")?.Text();
        if (string.IsNullOrWhiteSpace(text))
        {
            await OpenAiErrors.WriteAsync(response, 400, "'messages' must contain a user message with text.", "invalid_request_error");
            return;
        }

        var sessionKey = request.User switch
        {
            null or "" => SessionKey.MainSession(agentId),
            var u when u.StartsWith("agent:", StringComparison.Ordinal) => u,
            var u => SessionKey.Direct(agentId, "openai", u),
        };
        var turn = new AgentTurnRequest(text, agentId, sessionKey);
        var id = "chatcmpl-" + Guid.NewGuid().ToString("n");
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        var model = $"{ModelPrefix}/{agentId}";
        var logger = loggers.CreateLogger("MoltBot.Gateway.OpenAi");
        traffic.Received("api");
        // One budget per client address with WebChat (channels.webchat.rateLimit): an API client is a sender like any other.
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (rateGuard.Check(ChannelRateLimits.WebChat, address, address, countAs: "api") is { Allowed: false } limited)
        {
            response.Headers.RetryAfter = limited.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await OpenAiErrors.WriteAsync(response, StatusCodes.Status429TooManyRequests, limited.Notice, "rate_limit_error", "rate_limited");
            return;
        }

        if (!request.Stream)
        {
            try
            {
                var result = await runner.RunAsync(turn, null, cancellationToken);
                var body = new ChatCompletionResponse(id, "chat.completion", created, model,
                    [new ChatCompletionChoice(0, new ChatCompletionMessage("assistant", result.Text), null, "stop")],
                    new ChatCompletionUsage(result.InputTokens, result.OutputTokens, result.InputTokens + result.OutputTokens));
                // With its length, as OpenAI answers: one write with the headers, no chunked framing to finish.
                var json = JsonSerializer.SerializeToUtf8Bytes(body, OpenAiWireJsonContext.Default.ChatCompletionResponse);
                response.ContentType = "application/json";
                response.ContentLength = json.Length;
                await response.Body.WriteAsync(json, cancellationToken);
                traffic.Replied("api");
            }
            catch (Exception ex) when (Describe(ex) is { } error)
            {
                LogTurnFailed(logger, sessionKey, ex);
                await OpenAiErrors.WriteAsync(response, error.Status, redactor.Redact(ex.Message), error.Type);
            }
            return;
        }

        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        var sse = new SseWriter(response, id, created, model);
        await sse.WriteDeltaAsync(new ChatCompletionMessage("assistant", null), null, cancellationToken);
        try
        {
            var streamed = false;
            var result = await runner.RunAsync(turn, async (delta, ct) =>
            {
                streamed = true;
                await sse.WriteDeltaAsync(new ChatCompletionMessage(null, delta), null, ct);
            }, cancellationToken);
            if (!streamed)
            {
                await sse.WriteDeltaAsync(new ChatCompletionMessage(null, result.Text), null, cancellationToken);
            }
            await sse.WriteDeltaAsync(new ChatCompletionMessage(null, null), "stop", cancellationToken);
            traffic.Replied("api");
        }
        catch (Exception ex) when (Describe(ex) is { } error)
        {
            LogTurnFailed(logger, sessionKey, ex);
            await sse.WriteErrorAsync(redactor.Redact(ex.Message), error.Type, cancellationToken);
        }
        await sse.WriteDoneAsync(cancellationToken);
    }

    private static bool TryResolveAgent(string? model, AgentCatalog agents, out string agentId, out string error)
    {
        agentId = agents.Default.Id;
        error = "";
        if (model is null or ModelPrefix || string.Equals(model, ModelPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (model.StartsWith(ModelPrefix + "/", StringComparison.OrdinalIgnoreCase) && agents.Find(model[(ModelPrefix.Length + 1)..]) is { } agent)
        {
            agentId = agent.Id;
            return true;
        }
        error = $"Unknown model '{model}'. Use 'moltbot' (the default agent) or one of: {string.Join(", ", agents.All.Select(a => $"moltbot/{a.Id}"))}. " +
            "The backend model is chosen by the agent's configuration (agents.defaults.model.primary).";
        return false;
    }

    /// <summary>Maps the failures a caller can act on to an HTTP status; cancellation is not one of them.</summary>
    private static (int Status, string Type)? Describe(Exception ex) => ex switch
    {
        OperationCanceledException => null,
        AgentTurnException or ModelRefException => (400, "invalid_request_error"),
        _ => (502, "upstream_error"),
    };

    [LoggerMessage(EventId = 10, EventName = EventNames.TurnFailed, Level = LogLevel.Warning, Message = "turn in {SessionKey} failed")]
    private static partial void LogTurnFailed(ILogger logger, string sessionKey, Exception exception);
}
