using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MoltBot.Configuration;

namespace MoltBot.Hosting.Metrics;

/// <summary>
/// <c>GET /metrics</c> in the Prometheus text format. It needs the gateway token like every API (Prometheus sends it with
/// <c>authorization: { credentials_file: ... }</c>) unless <c>gateway.metrics.public</c> is set.
/// </summary>
internal static class MetricsEndpoints
{
    public const string Path = "/metrics";

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints, MetricsConfig config)
    {
        if (!config.Enabled)
        {
            return endpoints;
        }
        // Created now, not on the first scrape, so what happens before it is counted.
        var collector = endpoints.ServiceProvider.GetRequiredService<PrometheusCollector>();
        var route = endpoints.MapGet(Path, () => Results.Text(collector.Render(), PrometheusCollector.ContentType));
        if (config.Public)
        {
            route.AllowAnonymous();
        }
        return endpoints;
    }
}
