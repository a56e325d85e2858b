using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using MoltBot.Agent.Tools.Web.Html;
using MoltBot.Agent.Tools.Web.Ssrf;
using MoltBot.Configuration;
using MoltBot.Hosting;

namespace MoltBot.Agent.Tools.Web;

/// <summary><c>web_fetch</c>: GET an http(s) URL and return its readable content as markdown or text, wrapped as untrusted.</summary>
internal sealed partial class WebFetchTool(WebFetcher fetcher, WebFetchConfig options, ILogger<WebFetchTool> logger) : AIFunction
{
    private static readonly JsonElement Schema = JsonDocument.Parse("""
        {
          "type": "object",
          "properties": {
            "url": { "type": "string", "description": "The http or https URL to fetch." },
            "extractMode": { "type": "string", "enum": ["markdown", "text"], "description": "markdown (default) keeps headings, lists, links and code; text is plain." },
            "maxChars": { "type": "integer", "description": "Return at most this many characters (capped by the owner's limit)." }
          },
          "required": ["url"]
        }
        """).RootElement.Clone();

    public override string Name => "web_fetch";

    public override string Description =>
        "Fetches a web page (http/https GET, no JavaScript) and returns its main content as markdown: title, headings, paragraphs, lists, links, code. JSON and plain text come back as is.";

    public override JsonElement JsonSchema => Schema;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var raw = WebToolArguments.String(arguments, "url")?.Trim();
        if (string.IsNullOrEmpty(raw) || !Uri.TryCreate(raw, UriKind.Absolute, out var url))
        {
            return $"Error: '{raw}' is not an absolute URL. Pass a full http(s) URL such as https://example.com/page.";
        }
        var markdown = !string.Equals(WebToolArguments.String(arguments, "extractMode"), "text", StringComparison.OrdinalIgnoreCase);
        var maxChars = Math.Clamp(WebToolArguments.Integer(arguments, "maxChars") ?? options.MaxChars, 100, options.MaxChars);

        WebFetchResult result;
        try
        {
            result = await fetcher.FetchAsync(url, cancellationToken);
        }
        catch (SsrfRefusedException refused)
        {
            LogRefused(logger, refused.Message);
            return refused.Message;
        }
        catch (WebFetchException failed)
        {
            return "Error: " + failed.Message;
        }
        return Format(url, result, markdown, maxChars);
    }

    private static string Format(Uri requested, WebFetchResult result, bool markdown, int maxChars)
    {
        var type = result.MediaType ?? "text/plain";
        if (!IsText(type))
        {
            return $"Error: {result.FinalUrl} is {type} ({result.BytesRead} bytes read); web_fetch reads text pages only.";
        }
        string content;
        if (type.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            var (title, body) = ReadableHtml.Extract(result.Body, result.FinalUrl, markdown);
            content = title is null ? body : (markdown ? "# " : "") + title + "\n\n" + body;
        }
        else
        {
            content = result.Body;
        }

        var notes = new List<string>();
        if (result.Truncated)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"the response was cut at {result.BytesRead} bytes (tools.web.fetch.maxResponseBytes)"));
        }
        if (content.Length > maxChars)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"showing the first {maxChars} of {content.Length} characters (tools.web.fetch.maxChars)"));
            content = content[..maxChars];
        }
        var header = string.Create(CultureInfo.InvariantCulture, $"HTTP {result.StatusCode} {type}")
            + (result.FinalUrl == requested ? "" : $", redirected from {requested}")
            + (notes.Count == 0 ? "" : "; " + string.Join("; ", notes));
        return header + "\n" + WebUntrusted.Wrap("web_fetch", result.FinalUrl.AbsoluteUri, content);
    }

    private static bool IsText(string mediaType) =>
        mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || mediaType.Contains("json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Contains("xml", StringComparison.OrdinalIgnoreCase)
        || mediaType.Contains("javascript", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(EventId = 1, EventName = EventNames.WebFetchRefused, Level = LogLevel.Warning, Message = "web_fetch {Refusal}")]
    private static partial void LogRefused(ILogger logger, string refusal);
}
