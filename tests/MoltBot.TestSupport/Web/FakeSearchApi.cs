using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MoltBot.TestSupport.Web;

/// <summary>
/// The three search APIs on one 127.0.0.1 server, each on its real path and wire format:
/// Brave (<c>GET /res/v1/web/search</c>, <c>X-Subscription-Token</c>), Tavily (<c>POST /search</c>, bearer key) and
/// SearXNG (<c>GET /search?format=json</c>, no key). All answer with <see cref="Results"/>.
/// </summary>
public sealed class FakeSearchApi : IAsyncDisposable
{
    public const string BraveKey = "brave-test-key";
    public const string TavilyKey = "tvly-test-key";

    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<(string Title, string Url, string Snippet)> Results { get; set; } =
    [
        ("MoltBot docs", "https://docs.example.org/moltbot", "How to run your own assistant."),
        ("MoltBot on GitHub", "https://github.example.org/moltbot", "Source code and issues."),
        ("A third result", "https://third.example.org/", "More text."),
    ];

    public static async Task<FakeSearchApi> StartAsync(CancellationToken ct = default)
    {
        var api = new FakeSearchApi();
        var (app, address) = await LoopbackApp.StartAsync(api.HandleAsync, ct);
        api._app = app;
        api.BaseUrl = address;
        return api;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await new StreamReader(request.Body).ReadToEndAsync(context.RequestAborted);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", headers, body));

        JsonObject? answer = (request.Method, request.Path.Value) switch
        {
            ("GET", "/res/v1/web/search") when headers.GetValueOrDefault("X-Subscription-Token") != BraveKey => null,
            ("GET", "/res/v1/web/search") => Brave(request.Query["q"].ToString(), int.TryParse(request.Query["count"], out var c) ? c : 20),
            ("POST", "/search") when headers.GetValueOrDefault("Authorization") != "Bearer " + TavilyKey => null,
            ("POST", "/search") => Tavily(JsonNode.Parse(body)!),
            ("GET", "/search") when request.Query["format"] != "json" => Forbidden(),
            ("GET", "/search") => Searxng(request.Query["q"].ToString()),
            _ => NotFound(),
        };
        if (answer is null)
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync("{\"error\":\"invalid api key\"}", context.RequestAborted);
            return;
        }
        if (context.Response.StatusCode == 200)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
        }

        JsonObject Forbidden()
        {
            context.Response.StatusCode = 403; // what SearXNG answers when its json format is not enabled
            return [];
        }

        JsonObject NotFound()
        {
            context.Response.StatusCode = 404;
            return [];
        }
    }

    private JsonObject Brave(string query, int count) => new()
    {
        ["type"] = "search",
        ["query"] = new JsonObject { ["original"] = query },
        ["web"] = new JsonObject
        {
            ["type"] = "search",
            ["results"] = new JsonArray([.. Results.Take(count).Select(r => (JsonNode)new JsonObject
            {
                ["title"] = r.Title,
                ["url"] = r.Url,
                // Brave marks the matched words with <strong>.
                ["description"] = r.Snippet.Replace("assistant", "<strong>assistant</strong>", StringComparison.Ordinal),
                ["type"] = "search_result",
            })]),
        },
    };

    private JsonObject Tavily(JsonNode request) => new()
    {
        ["query"] = request["query"]?.GetValue<string>(),
        ["answer"] = null,
        ["response_time"] = 0.42,
        ["results"] = new JsonArray([.. Results.Take(request["max_results"]?.GetValue<int>() ?? 5).Select((r, i) => (JsonNode)new JsonObject
        {
            ["title"] = r.Title,
            ["url"] = r.Url,
            ["content"] = r.Snippet,
            ["score"] = 0.9 - (i / 10.0),
            ["raw_content"] = null,
        })]),
    };

    private JsonObject Searxng(string query) => new()
    {
        ["query"] = query,
        ["number_of_results"] = Results.Count,
        ["results"] = new JsonArray([.. Results.Select(r => (JsonNode)new JsonObject
        {
            ["url"] = r.Url,
            ["title"] = r.Title,
            ["content"] = r.Snippet,
            ["engine"] = "duckduckgo",
            ["category"] = "general",
            ["score"] = 1.0,
        })]),
        ["answers"] = new JsonArray(),
        ["suggestions"] = new JsonArray(),
    };

    public async ValueTask DisposeAsync() => await LoopbackApp.StopAsync(_app);
}
