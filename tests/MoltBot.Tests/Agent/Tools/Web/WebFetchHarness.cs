using System.Net;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using MoltBot.Agent.Tools.Web;
using MoltBot.Agent.Tools.Web.Ssrf;
using MoltBot.Configuration;

namespace MoltBot.Tests.Agent.Tools.Web;

/// <summary>The real <c>web_fetch</c> tool (guard, fetcher, extraction) with test limits and an optional fake DNS.</summary>
internal static class WebFetchHarness
{
    public static WebFetchTool Create(
        IEnumerable<string>? allowPrivate = null,
        WebFetchConfig? options = null,
        TimeProvider? time = null,
        Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
    {
        options ??= new WebFetchConfig();
        var guard = new SsrfGuard(new SsrfAllowList(allowPrivate ?? []), resolve);
        return new WebFetchTool(new WebFetcher(options, guard, time ?? TimeProvider.System), options, NullLogger<WebFetchTool>.Instance);
    }

    public static async Task<string> FetchAsync(this WebFetchTool tool, string url, string? extractMode = null, int? maxChars = null)
    {
        var arguments = new AIFunctionArguments { ["url"] = url };
        if (extractMode is not null)
        {
            arguments["extractMode"] = extractMode;
        }
        if (maxChars is not null)
        {
            arguments["maxChars"] = maxChars;
        }
        return (string)(await tool.InvokeAsync(arguments, TestContext.Current.CancellationToken))!;
    }
}
