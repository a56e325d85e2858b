using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MoltBot.Channels;
using MoltBot.Configuration;

namespace MoltBot.Hosting.Metrics;

internal static class MetricsServiceCollectionExtensions
{
    /// <summary>The Prometheus collector (when <c>/metrics</c> is on) and the OTLP / Azure Monitor push exporters (when configured).</summary>
    public static IServiceCollection AddMoltBotMetricsExport(this IServiceCollection services, MetricsConfig config)
    {
        // Not an exporter, but the alerts' channel-disconnected event and the channel gauge come from it; idle without channels.
        services.AddHostedService(sp => new ChannelHealthWatcher(sp.All<IChannelStatusSource>(), sp.Get<MoltBotMetrics>(), sp.Get<TimeProvider>(), sp.Logger<ChannelHealthWatcher>()));
        if (config.Enabled)
        {
            services.AddSingleton(sp => new PrometheusCollector(sp.Get<MoltBotMetrics>()));
        }
        if (config.OtlpEndpoint is not null || config.AzureMonitorConnectionString is not null)
        {
            OpenTelemetryExportService.Validate(config);
            services.AddHostedService(sp => new OpenTelemetryExportService(config, sp.Logger<OpenTelemetryExportService>()));
        }
        return services;
    }
}
