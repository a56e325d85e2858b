using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Configuration;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace MoltBot.Hosting.Metrics;

/// <summary>
/// Pushes the "MoltBot" meter with the OpenTelemetry SDK: OTLP over HTTP/protobuf to <c>gateway.metrics.otlpEndpoint</c>
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) and/or Azure Monitor (<c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>).
/// A failing exporter is logged and never stops the gateway; the last values are flushed on a graceful stop.
/// </summary>
internal sealed partial class OpenTelemetryExportService(MetricsConfig config, ILogger<OpenTelemetryExportService> logger) : IHostedService, IDisposable
{
    private MeterProvider? _provider;

    /// <summary>The OTLP metrics URL: the base endpoint plus <c>v1/metrics</c>, as the OTLP spec derives it from <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public static Uri MetricsUri(string endpoint) => new(endpoint.TrimEnd('/') + "/v1/metrics");

    /// <exception cref="ConfigException">The OTLP endpoint is not an absolute http(s) URL.</exception>
    public static void Validate(MetricsConfig config)
    {
        if (config.OtlpEndpoint is { } endpoint
            && !(Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            throw new ConfigException([new ConfigIssue("gateway.metrics.otlpEndpoint", null, null,
                $"'{endpoint}' is not an absolute http(s) URL.", "Set OTEL_EXPORTER_OTLP_ENDPOINT (or gateway.metrics.otlpEndpoint) to the collector's OTLP/HTTP base URL, e.g. http://127.0.0.1:4318.")]);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var builder = Sdk.CreateMeterProviderBuilder()
                .ConfigureResource(resource => resource.AddService("moltbot", serviceVersion: MoltBotVersion.Current))
                .AddMeter(MoltBotMetrics.MeterName);
            if (config.OtlpEndpoint is { } endpoint)
            {
                var target = MetricsUri(endpoint);
                builder.AddOtlpExporter(otlp =>
                {
                    otlp.Endpoint = target;
                    otlp.Protocol = OtlpExportProtocol.HttpProtobuf;
                });
                LogExporting(logger, "OTLP", target.AbsoluteUri);
            }
            if (config.AzureMonitorConnectionString is { } connectionString)
            {
                builder.AddAzureMonitorMetricExporter(azure =>
                {
                    azure.ConnectionString = connectionString.Value;
                    // No retry files on disk: the state folder is for state, and the container's temp folder may be read-only.
                    azure.DisableOfflineStorage = true;
                });
                LogExporting(logger, "Azure Monitor", "APPLICATIONINSIGHTS_CONNECTION_STRING");
            }
            _provider = builder.Build();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            LogExportFailed(logger, ex);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _provider?.ForceFlush(5_000);
        return Task.CompletedTask;
    }

    public void Dispose() => _provider?.Dispose();

    [LoggerMessage(EventId = 1, EventName = EventNames.MetricsExporting, Level = LogLevel.Information, Message = "exporting metrics to {Exporter} ({Target})")]
    private static partial void LogExporting(ILogger logger, string exporter, string target);

    [LoggerMessage(EventId = 2, EventName = EventNames.MetricsExportFailed, Level = LogLevel.Error, Message = "metrics export is off: the exporter could not start")]
    private static partial void LogExportFailed(ILogger logger, Exception exception);
}
