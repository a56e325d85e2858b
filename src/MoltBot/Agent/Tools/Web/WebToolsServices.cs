using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MoltBot.Agent.Tools.Web.Search;
using MoltBot.Agent.Tools.Web.Ssrf;
using MoltBot.Configuration;
using MoltBot.Hosting;

namespace MoltBot.Agent.Tools.Web;

internal static class WebToolsServices
{
    /// <summary><c>web_fetch</c> unless disabled; <c>web_search</c> only when a provider is configured.</summary>
    public static IServiceCollection AddWebTools(this IServiceCollection services, WebToolsConfig web)
    {
        if (web.Fetch.Enabled)
        {
            services.AddSingleton(sp => new WebFetcher(web.Fetch, new SsrfGuard(new SsrfAllowList(web.AllowPrivate)), sp.Get<TimeProvider>()));
            services.AddSingleton<AIFunction>(sp => new WebFetchTool(sp.Get<WebFetcher>(), web.Fetch, sp.Logger<WebFetchTool>()));
        }
        if (WebSearchProviders.WhyUnavailable(web.Search) is null)
        {
            // Search APIs are the owner's chosen endpoints (a SearXNG is often on the LAN), so no SSRF guard here.
            services.AddSingleton<AIFunction>(sp => new WebSearchTool(
                WebSearchProviders.Select(web.Search, new HttpClient { Timeout = Timeout.InfiniteTimeSpan })!,
                web.Search.MaxResults,
                TimeSpan.FromSeconds(web.Search.TimeoutSeconds),
                sp.Get<TimeProvider>()));
        }
        return services;
    }
}
